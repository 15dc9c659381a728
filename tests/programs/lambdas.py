# Lambdas: defaults, closures, immediate calls, conditional expressions.
square = lambda x: x * x
print(square(7), (lambda: "called")(), (lambda *a, **k: (a, k))(1, z=2))
print((lambda x, y=10: x + y)(1), (lambda x, y=10: x + y)(1, 2))
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-3, 0, 8)])
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[n](100) for n in range(3)])
nested = lambda x: lambda y: lambda z: x * 100 + y * 10 + z
print(nested(1)(2)(3))
print((lambda f, n: f(f, n))(lambda self, n: 1 if n == 0 else n * self(self, n - 1), 6))
print(list(map(lambda s: s[::-1], ["abc", "hello"])))
kw = lambda *, a, b=2: a - b
print(kw(a=10), kw(b=1, a=5))
print((lambda: (yield_ := 5) + 1)())
ops = [lambda a, b: a + b, lambda a, b: a * b, lambda a, b: a ** b]
print([op(2, 5) for op in ops])
print(repr((lambda: None)()))

# Generator functions: yield, state between yields, multiple generators.
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("  end")

g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(count_up(0)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x

def squares(seq):
    for x in seq:
        yield x * x

print(list(squares(evens(range(10)))), sum(squares(range(4))))

def chars(s):
    for i, c in enumerate(s):
        yield i, c.upper()
print(dict(chars("abc")))

def interleave(*iters):
    its = [iter(i) for i in iters]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))

g1, g2 = count_up(2), count_up(2)
print(next(g1), next(g2), next(g1))
def gen_with_return(x):
    if x:
        return
    yield "only when falsy"
print(list(gen_with_return(1)), list(gen_with_return(0)))
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def yield_expr_value():
    x = yield 1
    print("  x is", x)
    y = yield 2
    print("  y is", y)
print(list(yield_expr_value()))
gen = count_up(5)
for v in gen:
    if v == 2:
        break
print("resume after break:", next(gen), list(gen))

# __call__, __repr__, __str__, __format__, __bool__ and __len__ fallback.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest):
        return x * self.k + sum(rest)
    def __repr__(self):
        return f"Multiplier(k={self.k!r})"

double = Multiplier(2)
print(double(21), double(1, 2, 3), list(map(double, [1, 2, 3])), callable(double))
print(repr(double), str(double), [double], f"{double}", f"{double!r}")

class OnlyStr:
    def __str__(self):
        return "str-version"
o = OnlyStr()
print(str(o), f"{o}", "%s" % o, o.__str__())

class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both as str"
b = Both()
print(b, [b], (b,), {"k": b}, str([b]), f"{b!r}/{b!s}")

class Truthy:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Truthy(0)), bool(Truthy(3)), "yes" if Truthy(1) else "no", not Truthy(0))

class Boolish:
    def __bool__(self):
        print("  __bool__ called")
        return False
    def __len__(self):
        return 10
print(bool(Boolish()), len(Boolish()))
x = Boolish() or "fallback"
print(x)

class Formatted:
    def __format__(self, spec):
        return f"<{spec or 'empty'}>"
print(f"{Formatted():>5}", format(Formatted()), "{:xyz}".format(Formatted()))

class Counter:
    def __init__(self):
        self.count = 0
    def __call__(self):
        self.count += 1
        return self.count
c = Counter()
results = [c() for _ in range(4)]
print(results, c.count)

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(repr("quote's"), repr(1.5), repr([1, "a", None]), str(b"x"), repr(None))

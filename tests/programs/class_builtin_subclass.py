# Subclassing built-in types: int, str, list, dict, tuple.
class Meters(float):
    def __new__(cls, value, unit="m"):
        factor = {"m": 1, "km": 1000, "cm": 0.01}[unit]
        return super().__new__(cls, value * factor)
    def __repr__(self):
        return f"Meters({float(self)})"
    def __add__(self, other):
        return Meters(float(self) + float(other))

d = Meters(1.5, "km") + Meters(250)
print(d, repr(d), d > 1000, isinstance(d, float), type(d).__name__, type(d * 2).__name__)

class Even(int):
    def __new__(cls, n):
        if n % 2:
            raise ValueError(f"{n} is odd")
        return super().__new__(cls, n)
    def half(self):
        return int(self) // 2
e = Even(10)
print(e, e.half(), e + 1, type(e + 1).__name__, Even(4) == 4, hash(Even(4)) == hash(4))
try:
    Even(3)
except ValueError as err:
    print("ValueError:", err)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hello")
print(u, repr(u), u.shout(), u.lower(), type(u.lower()).__name__, len(u), u[1:3], "ELL" in u)

class History(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.log = []
    def append(self, x):
        self.log.append(f"append {x}")
        super().append(x)
    def __getitem__(self, i):
        result = super().__getitem__(i)
        return History(result) if isinstance(i, slice) else result
h = History([1, 2])
h.append(3)
h += [4]
print(h, h.log, h[1:], type(h[1:]).__name__, type(h + [5]).__name__, h[-1], len(h))

class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
dd = DefaultDict(list, a=[1])
dd["b"].append(2)
dd["a"].append(3)
print(dd, "c" in dd, dd.get("c"), len(dd), sorted(dd.items()))

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, "x")
print(p, p.first, p.swap(), p == (1, "x"), len(p), isinstance(p, tuple), sorted([Pair(2, 1), Pair(1, 2)]))
class CaseInsensitiveDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
ci = CaseInsensitiveDict()
ci["Content-Type"] = "json"
print(ci["CONTENT-TYPE"], "content-type" in ci, "Content-TYPE" in ci, ci)

# Custom containers built on collections.abc mixins (host code calling back into user dunders).
from collections.abc import MutableMapping, Sequence, MutableSet, Iterator

class LowerDict(MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return f"LowerDict({self._d})"

d = LowerDict({"Name": "x"}, AGE=3)
d["City"] = "Oslo"
print(d, len(d), d["NAME"], d.get("missing", "dflt"), "age" in d, sorted(d.keys()), list(d.items()))
print(d.pop("CITY"), d.setdefault("Zip", "0000"), d, dict(d), d == {"name": "x", "age": 3, "zip": "0000"})
del d["zip"]
d.update([("K", 1)])
print(d, list(d.values()))
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)

class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Squares index out of range")
        return i * i

sq = Squares(6)
print(list(sq), sq[2], sq[-1], sq[1:4], 16 in sq, 15 in sq, sq.index(9), sq.count(4), list(reversed(sq)), max(sq))

class OrderedSet(MutableSet):
    def __init__(self, items=()):
        self._d = dict.fromkeys(items)
    def __contains__(self, x):
        return x in self._d
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def add(self, x):
        self._d[x] = None
    def discard(self, x):
        self._d.pop(x, None)
    def __repr__(self):
        return f"OrderedSet({list(self._d)})"

s = OrderedSet("mississippi")
t = OrderedSet("spam")
print(s, s | t, s & t, s - t, s ^ t, s <= OrderedSet("mpsi"), len(s))
s |= {"z"}
s -= {"m"}
print(s, s.isdisjoint(["q"]), s.pop(), s)

class Countdown(Iterator):
    def __init__(self, n):
        self.n = n
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(iter(c) is c, list(c), isinstance(c, Iterator), issubclass(Squares, Sequence))

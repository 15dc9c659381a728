# Rich comparisons, functools.total_ordering, sorting custom objects.
from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
print(Version("1.0") != Version("1.0"), vs[1] == vs[4], vs.index(Version("1.2.1")))

class Card:
    ORDER = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __lt__(self, other):
        return self.ORDER.index(self.rank) < self.ORDER.index(other.rank)
    def __repr__(self):
        return self.rank + self.suit

hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("T", "c"), Card("3", "h")]
print(sorted(hand), sorted(hand, reverse=True))
hand.sort()
print(hand, hand[0] < hand[1], hand[-1] > hand[0])

class Reverse:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([Reverse(i) for i in [3, 1, 2]]), sorted([3, 1, 2], key=Reverse))

class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  __eq__ called")
        return isinstance(other, OnlyEq) and self.v == other.v
a, b = OnlyEq(1), OnlyEq(1)
print(a == b, a != b, a == 1)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)

class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  {self.v}.__lt__({o.v})")
        return NotImplemented
    def __gt__(self, o):
        print(f"  {self.v}.__gt__({o.v})")
        return self.v > o.v
print(Loud(1) < Loud(2))
print(Loud(5) > Loud(2))
print(sorted(["b", "A", "c"], key=lambda s: (s.lower(), s)), sorted([(1, "b"), (1, "a"), (0, "z")]))
data = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25)]
print(sorted(data, key=lambda p: (-p[1], p[0])))
print(sorted(sorted(data), key=lambda p: p[1]))

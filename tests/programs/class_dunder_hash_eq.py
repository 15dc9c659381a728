# __eq__ and __hash__: objects as dict keys and set members.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

pts = [Point(1, 2), Point(3, 4), Point(1, 2)]
print(len(set(pts)), Point(1, 2) in set(pts), Point(9, 9) in set(pts))
visits = {}
for p in pts:
    visits[p] = visits.get(p, 0) + 1
print(visits)
print(pts.count(Point(1, 2)), pts.index(Point(3, 4)))

class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__ is None)

class Plain:
    pass
p1 = Plain()
d = {p1: "identity-keyed"}
print(d[p1], Plain() in d)

class CaseInsensitive:
    def __init__(self, s):
        self.s = s
    def __eq__(self, other):
        return self.s.lower() == other.s.lower()
    def __hash__(self):
        return hash(self.s.lower())
    def __repr__(self):
        return self.s
words = [CaseInsensitive(w) for w in ["Hello", "HELLO", "world", "World", "x"]]
unique = []
seen = set()
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen))

class Child(Point):
    pass
print(Child(1, 2) == Point(1, 2), hash(Child(1, 2)) == hash(Point(1, 2)))

class EqOnlySub(Point):
    def __eq__(self, other):
        return False
print(EqOnlySub.__hash__ is None)
try:
    hash(EqOnlySub(1, 1))
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(1) == hash(1.0))
fs = frozenset([1, 2])
print({fs: "frozen"}[frozenset([2, 1])])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)

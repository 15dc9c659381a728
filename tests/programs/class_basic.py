# Basic classes: __init__, methods, instance vs class attributes, repr.
class Point:
    dims = 2

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
q = Point()
print(p, q, repr(p), str(q))
print(p.move(2, 3).move(-1, 0))
print(p.dist2(q), Point.dist2(p, q))
print(p.dims, Point.dims, q.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 4
print(p.dims, Point.dims, q.dims)
print(sorted(vars(p).items()), p.__dict__ == {"x": 2, "y": 5, "dims": 3})
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(5, Point))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "y"), getattr(p, "z", "default"))
setattr(q, "z", 99)
print(q.z)
bound = p.move
print(bound(1, 1), bound.__self__ is p, bound.__func__ is Point.move)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

class Empty:
    pass
e = Empty()
e.anything = [1, 2]
print(e.anything, Empty.__name__, type(Empty).__name__)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
for _ in range(3):
    c = Counter()
print(Counter.instances, c.id)
print(Point.__doc__, Point.__init__.__name__, callable(Point.move))

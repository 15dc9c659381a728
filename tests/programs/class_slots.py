# __slots__: fixed attribute sets.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
p.x = 10
print(p, p.x + p.y, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

class Partial:
    __slots__ = ("a", "b")
q = Partial()
q.a = 1
try:
    print(q.b)
except AttributeError as e:
    print("AttributeError:", e)
del q.a
print(hasattr(q, "a"))

class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"
p3 = Point3(1, 2, 3)
print(p3, isinstance(p3, Point))

class Loose(Point):
    pass
lo = Loose(0, 0)
lo.extra = "allowed: subclass without __slots__ has a __dict__"
print(lo.extra)

class WithDefault:
    __slots__ = ("value",)
    kind = "class-level constant"
    def __init__(self):
        self.value = 0
w = WithDefault()
print(w.value, w.kind)
try:
    w.kind = "x"
except AttributeError as e:
    print("AttributeError:", e)

class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
head = None
for v in range(5):
    head = Node(v, head)
out = []
while head:
    out.append(head.val)
    head = head.next
print(out)

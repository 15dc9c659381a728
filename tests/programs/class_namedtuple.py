# collections.namedtuple and typing.NamedTuple.
from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields)
x, y = p
print(x + y, len(p), p == (3, 4), tuple(p), list(p))
print(Point._make([5, 6]), sorted([Point(2, 1), Point(1, 9), Point(1, 2)]))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(255, 128), Color(1, 2, 3))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)

class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50000
    def raise_by(self, pct):
        return self._replace(salary=int(self.salary * (1 + pct / 100)))

staff = [Employee("Ann", "eng", 120000), Employee("Bob", "ops"), Employee("Cy", "eng", 95000)]
for e in staff:
    print(e)
print(staff[1].raise_by(10))
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept)
print(max(staff, key=lambda e: e.salary).name, sum(e.salary for e in staff))
print(Employee._fields, Employee._field_defaults)
class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2 + self.z ** 2) ** 0.5
    def __str__(self):
        return f"<{self.x}, {self.y}, {self.z}>"
q = Point3(1, 2, 2)
print(q.norm, str(q), repr(q), {q: 1})

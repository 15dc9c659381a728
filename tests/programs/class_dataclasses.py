# dataclasses: defaults, field(default_factory), ordering, frozen, asdict, replace.
from dataclasses import dataclass, field, asdict, astuple, replace, fields

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(2, 1))
p.x = 10
print(p, asdict(p), astuple(p))

@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, repr=False)

items = [Item(3, "c"), Item(1, "a"), Item(2, "b")]
print(sorted(items))
print(Item(1, "x") == Item(1, "y"), Item(1, "x") < Item(2, "a"))
items[0].tags.append("urgent")
print(items[0].tags, items[1].tags)

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "b"

f = Frozen(1)
print(f, hash(f) == hash(Frozen(1)), {f: "ok"}[Frozen(1, "b")])
try:
    f.a = 2
except Exception as e:
    print(type(e).__name__, e)
print(replace(f, b="changed"), f)

@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    total: int = field(init=False, default=0)
    def add(self, name, qty):
        self.items[name] = self.items.get(name, 0) + qty
        self.total += qty
        return self

inv = Inventory().add("apple", 3).add("pear", 2).add("apple", 1)
print(inv)
print([f.name for f in fields(Inventory)])

@dataclass
class Base:
    id: int
    def describe(self):
        return f"{type(self).__name__}#{self.id}"

@dataclass
class Derived(Base):
    label: str = "none"
    def __post_init__(self):
        self.label = self.label.upper()

d = Derived(7, "seven")
print(d, d.describe())
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Vector:
    coords: tuple = (0, 0)
    def __add__(self, other):
        return Vector(tuple(a + b for a, b in zip(self.coords, other.coords)))
print(Vector((1, 2)) + Vector((3, 4)))

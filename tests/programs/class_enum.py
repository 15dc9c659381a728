# enum.Enum, IntEnum, Flag, auto, iteration and lookup.
from enum import Enum, IntEnum, Flag, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(2), Color["RED"], Color.RED is Color(1), Color.RED == 1)
print(list(Color), len(Color), [c.name for c in Color])
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)

class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ERROR = 500

print(Status.OK == 200, Status.NOT_FOUND + 1, sorted([Status.ERROR, Status.OK]), Status(404).name)
print(int(Status.ERROR), Status.OK < Status.ERROR, f"{Status.OK}")

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), Perm.R.value, Perm.X.value)

class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius ** 2)

for p in Planet:
    print(p.name, round(p.gravity, 2))

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    def describe(self):
        return f"{self.name.lower()} #{self.value}"
print([s.describe() for s in Shape])
class Dir(Enum):
    N = "north"
    S = "south"
    ALIAS_N = "north"
print(list(Dir), Dir.ALIAS_N is Dir.N, Dir("south"))
counts = {Color.RED: 0}
counts[Color.RED] += 5
print(counts, {c: c.value * 10 for c in Color})
def traffic(c):
    if c is Color.RED:
        return "stop"
    elif c == Color.GREEN:
        return "go"
    return "?"
print([traffic(c) for c in Color])

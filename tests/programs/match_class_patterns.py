# Class patterns with positional (__match_args__) and keyword sub-patterns, dataclasses and builtins.
from dataclasses import dataclass

@dataclass
class Point:
    x: float
    y: float

@dataclass
class Circle:
    center: Point
    radius: float

@dataclass
class Rect:
    corner: Point
    w: float
    h: float

class Legacy:
    __match_args__ = ("kind", "size")
    def __init__(self, kind, size):
        self.kind, self.size = kind, size

def area(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return f"origin circle area {3.14159 * r * r:.2f}"
        case Circle(center=Point(x=cx, y=cy), radius=r) if r > 10:
            return f"big circle at ({cx}, {cy})"
        case Circle(c, r):
            return f"circle at {c} r={r}"
        case Rect(Point(x, y), w, h) if w == h:
            return f"square side {w} at {x},{y}"
        case Rect(w=w, h=h):
            return f"rect {w}x{h} area {w * h}"
        case Legacy("box", size):
            return f"legacy box size {size}"
        case Legacy(kind=k):
            return f"legacy {k}"
        case _:
            return "unknown shape"

shapes = [Circle(Point(0, 0), 1), Circle(Point(1, 2), 20), Circle(Point(1, 2), 3), Rect(Point(0, 1), 2, 2),
          Rect(Point(5, 5), 3, 4), Legacy("box", 9), Legacy("bag", 1), "nope"]
for s in shapes:
    print(area(s))

def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return "other string"
        case list([]):
            return "empty list"
        case list([int(), *_]):
            return "list starting with int"
        case dict():
            return "a dict"
        case _:
            return type(v).__name__
for v in [True, -5, 7, 2.5, "123", "abc", [], [1, "x"], ["x"], {"a": 1}, (1,), None]:
    print(repr(v), "->", kind(v))
try:
    match Point(1, 2):
        case Point(a, b, c):
            pass
except TypeError as e:
    print("TypeError:", e)

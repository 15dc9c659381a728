# Capture patterns, as-patterns, or-patterns binding the same names, value patterns (dotted names).
from enum import Enum

class Color(Enum):
    RED = "r"
    GREEN = "g"
    BLUE = "b"

class Limits:
    LOW = 10
    HIGH = 100

def classify(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN | Color.BLUE as cool:
            return f"cool color {cool.name}"

print([classify(c) for c in Color])

def level(v):
    match v:
        case Limits.LOW:
            return "exactly low"
        case Limits.HIGH:
            return "exactly high"
        case other:
            return f"captured {other}"
print(level(10), level(100), level(55))

def shape(p):
    match p:
        case (x, 0) | (0, x):
            return f"on an axis at {x}"
        case [x, y] as pair if x == y:
            return f"diagonal {pair}"
        case (int() | float()) as scalar:
            return f"scalar {scalar}"
        case (str() as s) | [str() as s]:
            return f"text {s}"
        case _:
            return "unknown"

for p in [(3, 0), (0, 7), [4, 4], (1, 2), 5, 2.5, "hi", ["yo"], None]:
    print(p, "->", shape(p))

def first_word(cmd):
    match cmd.split():
        case []:
            return "empty"
        case [word]:
            return f"single {word}"
        case [word, *_] as parts:
            return f"{word} (+{len(parts) - 1} more)"
print(first_word(""), first_word("go"), first_word("go north fast"))
x = "unchanged"
match 42:
    case x:
        pass
print("capture binds in enclosing scope:", x)

# Sequence patterns: fixed length, star captures, nesting; strings are not sequences for match.
def analyze(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one item: {x}"
        case [x, y]:
            return f"pair: {x}, {y}"
        case [first, *middle, last] if not middle:
            return "unreachable"
        case [0, *rest]:
            return f"starts with zero, then {rest}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"

for s in [[], [1], (1, 2), [0, 5, 6], [1, 2, 3, 4], range(3), "ab"]:
    print(repr(s), "->", analyze(s))

def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"moving {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["take", *items] if items:
            return "taking " + " and ".join(items)
        case ["take"]:
            return "take what?"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return f"unknown command {cmd!r}"

for c in ["go north", "go up", "take lamp key", "take", "exit", "dance wildly"]:
    print(c, "->", command(c))

def nested(data):
    match data:
        case [tuple((x1, y1)), tuple((x2, y2))]:
            return f"segment from ({x1},{y1}) to ({x2},{y2})"
        case [[a, b], [c, d]] if a * d - b * c == 0:
            return "singular 2x2"
        case [[_, _], [_, _]]:
            return "2x2 matrix"
        case [str(name), [*scores]]:
            return f"{name} avg {sum(scores) / len(scores):.1f}"
        case _:
            return "no match"
for d in [[(0, 0), (3, 4)], [[1, 2], [2, 4]], [[1, 0], [0, 1]], ["ann", [90, 80, 70]], [1, 2, 3]]:
    print(nested(d))
print(analyze("abc") is None, analyze(iter([1])) is None)

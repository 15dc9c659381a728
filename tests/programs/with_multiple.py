# Multiple context managers in one with statement, parenthesized form, exit order.
class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name = name
        self.fail_enter = fail_enter
        self.suppress = suppress
    def __enter__(self):
        if self.fail_enter:
            print(f"  enter {self.name} FAILS")
            raise RuntimeError(f"cannot enter {self.name}")
        print(f"  enter {self.name}")
        return self.name
    def __exit__(self, et, ev, tb):
        print(f"  exit {self.name} ({et.__name__ if et else 'ok'})")
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("  body", a, b)

with (
    CM("x") as x,
    CM("y") as y,
    CM("z"),
):
    print("  parenthesized body", x, y)

try:
    with CM("first"), CM("second", fail_enter=True), CM("third"):
        print("  unreachable")
except RuntimeError as e:
    print("caught:", e)

try:
    with CM("outer"), CM("inner"):
        raise ValueError("body error")
except ValueError as e:
    print("caught:", e)

with CM("outer-suppress", suppress=True), CM("inner"):
    raise ValueError("suppressed by outer")
print("after suppress")

def nested_return():
    with CM("r1"):
        with CM("r2"):
            return "value"
print(nested_return())

files = {}
class FakeFile:
    def __init__(self, name):
        self.name = name
        self.lines = []
    def __enter__(self):
        return self
    def __exit__(self, *a):
        files[self.name] = "\n".join(self.lines)
    def write(self, s):
        self.lines.append(s)
with FakeFile("in.txt") as src, FakeFile("out.txt") as dst:
    for i in range(3):
        src.write(f"line {i}")
        dst.write(f"LINE {i}")
print(files)

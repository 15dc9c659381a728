# Custom context managers with __enter__/__exit__.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"  open {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"  close {self.name}, exc_type={exc_type.__name__ if exc_type else None}, exc={exc}")
        return False
    def use(self):
        return f"using {self.name}"

with Resource("db") as r:
    print(r.use())

try:
    with Resource("file") as f:
        print(f.use())
        raise ValueError("oops inside with")
except ValueError as e:
    print("propagated:", e)

def early_return():
    with Resource("early"):
        return "returned from inside with"
print(early_return())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("  body", i)

class Timer:
    """Deterministic 'timer' that counts ticks."""
    def __init__(self):
        self.ticks = 0
    def __enter__(self):
        self.ticks = 0
        return self
    def tick(self):
        self.ticks += 1
    def __exit__(self, *exc_info):
        print("  ticks:", self.ticks)

with Timer() as t:
    for _ in range(5):
        t.tick()
print(t.ticks)

class EnterReturnsOther:
    def __enter__(self):
        return {"value": 42}
    def __exit__(self, *a):
        pass
with EnterReturnsOther() as v:
    print(v)
with EnterReturnsOther():
    print("no as-target")
with EnterReturnsOther() as (a):
    print(a["value"])

class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print("    " * self.level + text)
ind = Indenter()
with ind:
    ind.say("level 1")
    with ind:
        ind.say("level 2")
    ind.say("back to 1")
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

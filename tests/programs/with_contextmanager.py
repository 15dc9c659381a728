# contextlib.contextmanager-based context managers.
from contextlib import contextmanager, ExitStack, nullcontext, closing

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("html") as t:
    print("  value:", t)
    with tag("body"):
        print("  content")

@contextmanager
def handled(*types):
    try:
        yield
    except types as e:
        print("  handled in generator:", type(e).__name__, e)

with handled(ValueError):
    raise ValueError("inside")
print("continued")

try:
    with handled(ValueError):
        raise TypeError("not handled")
except TypeError as e:
    print("propagated:", e)

@contextmanager
def temp_setting(d, key, value):
    old = d.get(key)
    d[key] = value
    try:
        yield d
    finally:
        d[key] = old

settings = {"mode": "normal"}
with temp_setting(settings, "mode", "debug") as s:
    print("inside:", s)
print("after:", settings)

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b", "c")]
    print("  entered", names)
    stack.callback(print, "  callback registered last runs first")

with nullcontext(5) as n:
    print("nullcontext gives", n)

class Thing:
    def close(self):
        print("  thing closed")
with closing(Thing()) as th:
    print("  using thing")

@contextmanager
def counter():
    state = {"n": 0}
    yield state
    print("  final count", state["n"])
with counter() as c:
    for _ in range(7):
        c["n"] += 1

def gen_function_with():
    with tag("gen"):
        yield 1
        yield 2
print(list(gen_function_with()))

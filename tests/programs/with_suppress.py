# Context managers that suppress exceptions by returning True; contextlib.suppress.
from contextlib import suppress

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print(f"  suppressed {exc_type.__name__}: {exc}")
            self.caught = exc
            return True
        return False

with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppressed KeyError")

try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)

def f():
    with Suppress(ZeroDivisionError) as s:
        1 / 0
    return "function continues, caught " + str(s.caught)
print(f())

with suppress(FileNotFoundError, IndexError):
    [][3]
print("contextlib.suppress worked")

results = []
for x in [1, 0, 2, "a", 4]:
    with suppress(ZeroDivisionError, TypeError):
        results.append(10 / x)
print(results)

class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return 1  # any truthy value suppresses
with Truthy():
    raise RuntimeError("swallowed")
print("truthy return swallowed the error")

class Falsy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return None
try:
    with Falsy():
        raise RuntimeError("kept")
except RuntimeError as e:
    print("kept:", e)

class ExitRaises:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        raise KeyError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except KeyError as e:
    print("KeyError:", e, "context:", repr(e.__context__))
def loop_with_suppress():
    out = []
    for i in range(4):
        with Suppress(ValueError):
            if i % 2:
                raise ValueError(i)
            out.append(i)
    return out
print(loop_with_suppress())

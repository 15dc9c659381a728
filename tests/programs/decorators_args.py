# Decorators that take arguments.
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def roll(x):
    return x * 2

print(roll(4))

def retry(attempts, exceptions=(Exception,)):
    def deco(fn):
        def wrapper(*args):
            last = None
            for i in range(attempts):
                try:
                    return fn(*args)
                except exceptions as e:
                    print(f"  attempt {i + 1} failed: {e}")
                    last = e
            raise RuntimeError(f"gave up after {attempts}") from last
        return wrapper
    return deco

state = {"n": 0}

@retry(4, (ValueError,))
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"not yet {state['n']}")
    return "ok on try " + str(state["n"])

print(flaky())

@retry(2)
def always_fails():
    raise KeyError("k")

try:
    always_fails()
except RuntimeError as e:
    print("RuntimeError:", e, "cause:", repr(e.__cause__))

def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for name, t in types.items():
                if not isinstance(kwargs.get(name), t):
                    raise TypeError(f"{name} must be {t.__name__}")
            return fn(**kwargs)
        return wrapper
    return deco

@validate(x=int, label=str)
def describe(x, label):
    return f"{label}: {x}"

print(describe(x=3, label="count"))
try:
    describe(x="3", label="count")
except TypeError as e:
    print("TypeError:", e)

def prefix(p):
    return lambda fn: lambda *a: p + fn(*a)

@prefix(">> ")
@prefix("[log] ")
def msg(s):
    return s
print(msg("stacked prefixes"))

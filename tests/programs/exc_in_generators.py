# Exceptions raised in, thrown into, and propagating out of generators.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator failed")

got = []
try:
    for n in numbers():
        got.append(n)
except ValueError as e:
    print("caught", e, "after", got)

def safe_gen(items):
    for item in items:
        try:
            yield 10 // item
        except ZeroDivisionError:
            yield "div-by-zero"
print(list(safe_gen([1, 2, 0, 5])))

def catching():
    while True:
        try:
            x = yield
            print("  received", x)
        except KeyError as e:
            print("  handled thrown KeyError", e)
        except GeneratorExit:
            print("  closing")
            raise
g = catching()
next(g)
g.send("a")
g.throw(KeyError("k"))
g.send("b")
g.close()

def stop_inside():
    yield 1
    return "result"
g = stop_inside()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)

def raises_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)

def finally_gen():
    try:
        yield "working"
        raise OSError("io")
    finally:
        print("  finally in generator")
try:
    for step in finally_gen():
        print(step)
except OSError as e:
    print("OSError:", e)

def lazy_error():
    print("  generator body starts")
    raise TypeError("lazy")
    yield
g = lazy_error()
print("generator created, no error yet")
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)
try:
    next(g)
except StopIteration:
    print("exhausted after error")
gen_exp = (1 / x for x in [1, 0])
print(next(gen_exp))
try:
    next(gen_exp)
except ZeroDivisionError as e:
    print("genexpr:", e)

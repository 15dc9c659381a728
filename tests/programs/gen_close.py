# Generator close(), GeneratorExit, finally blocks in generators.
def worker():
    try:
        yield 1
        yield 2
        yield 3
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  cleanup")

w = worker()
print(next(w))
w.close()
print("closed")
try:
    next(w)
except StopIteration:
    print("next after close -> StopIteration")
w.close()
print("closing twice is fine")

unstarted = worker()
unstarted.close()
print("closing unstarted generator runs no cleanup")

def ignore_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing to close"
g = ignore_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        print("  returning on close")
        return
r = returns_on_close()
next(r)
r.close()
print("return in GeneratorExit handler is fine")

def finished():
    yield 1
f = finished()
print(list(f))
f.close()

def resource_gen(name):
    print(f"  acquire {name}")
    try:
        for i in range(100):
            yield f"{name}-{i}"
    finally:
        print(f"  release {name}")

for item in resource_gen("A"):
    if item.endswith("2"):
        break
print("loop broke")

g = resource_gen("B")
print(next(g), next(g))
del g
print("deleted generator reference (CPython closes immediately)")

def with_in_gen():
    class CM:
        def __enter__(self):
            print("  enter")
        def __exit__(self, *a):
            print("  exit", a[0].__name__ if a[0] else None)
    with CM():
        yield "inside with"
wg = with_in_gen()
print(next(wg))
wg.close()
print(wg.gi_frame is None, w.gi_frame is None)

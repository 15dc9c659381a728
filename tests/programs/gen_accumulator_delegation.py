# Generators driven by send/throw/close, yield from with return values, recursion, finally on break.
def accum():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("caught", e)
            total = 0
            continue
        except GeneratorExit:
            print("closing at", total)
            raise
        if v is None:
            break
        total += v
    return total

g = accum()
print(next(g))
print(g.send(5), g.send(10))
print(g.throw(ValueError("reset")))
print(g.send(3))
g.close()
print("closed")

g2 = accum(); next(g2); g2.send(4)
try:
    g2.send(None)
except StopIteration as e:
    print("returned", e.value)

def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return n * 10

def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r2 = yield from inner(2)
    return r + r2

g = outer()
print(next(g), g.send("hi"), next(g), next(g))
try:
    while True:
        print("v", next(g))
except StopIteration as e:
    print("stop", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(sum(x * x for x in range(10) if x % 3), max((len(w), w) for w in "the quick brown fox".split()))

def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen_finally():
    print(x)
    break
gf = gen_finally()
print(next(gf))
del gf
import gc; gc.collect()
print("after del")

gen = (i for i in range(3))
print(next(gen), list(gen), list(gen))
def bad():
    yield 1
    raise KeyError("k")
try:
    for v in bad():
        print(v)
except KeyError as e:
    print("KeyError", e)

def gen_in_gen():
    x = yield
    while x is not None:
        x = yield x.upper()
c = gen_in_gen(); next(c)
print([c.send(s) for s in "abc"])
g = (x for x in [1])
print(g.__name__ if hasattr(g, "__name__") else None)
def stopper():
    yield 1
    return "done"
s = stopper()
print(next(s), next(s, "default"))
try:
    g = accum(); g.throw(RuntimeError("boom"))
except RuntimeError as e:
    print("rt", e)

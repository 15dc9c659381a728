# Generator edge cases: ignored GeneratorExit, re-entry, throw/close through yield from, states.
def g_ignore():
    try:
        yield 1
    finally:
        yield 2
g = g_ignore(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def g_exec():
    yield me.send(None) if False else next(me)
me = g_exec()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def sub():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield "recovered"
    finally:
        print("sub finally")
def dele():
    r = yield from sub()
    print("dele r", r)
    yield "after"
d = dele(); print(next(d)); print(d.throw(KeyError("k"))); print(next(d)); print(next(d, "end"))
d = dele(); next(d); d.close(); print("closed delegating")
d = dele(); next(d)
try:
    d.throw(IndexError("ix"))
except IndexError as e:
    print("propagated", e)
print(next(d, "exhausted"))

def gen_ret():
    yield 1
    return [1, 2]
def wrap():
    x = yield from gen_ret()
    return x
w = wrap(); next(w)
try:
    next(w)
except StopIteration as e:
    print(e.value, e.args)

def gtype():
    try:
        yield
    except Exception as e:
        print(type(e).__name__, e.args)
        yield "t"
g = gtype(); next(g); print(g.throw(ValueError))
g = gtype(); next(g); print(g.throw(ValueError("x", 2)))

def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset": i = 0
        elif cmd == "stop": return "stopped"
        else: i += 1
c = counter()
print([next(c), c.send(None), c.send("x"), c.send("reset"), next(c)])
try:
    c.send("stop")
except StopIteration as e:
    print(e)
print(next(c, "dead"))
try:
    counter().send(5)
except TypeError as e:
    print(e)

def pipeline():
    def nums():
        for i in range(20): yield i
    def evens(it):
        return (x for x in it if x % 2 == 0)
    def sq(it):
        for x in it: yield x * x
    return list(sq(evens(nums())))
print(pipeline())
it = iter([1, 2, 3])
print(list(zip(it, it)), list(it))
print(list(map(lambda a, b: a * b, [1, 2, 3], (4, 5))), list(filter(None, [0, 1, "", "a", None])))
e = enumerate("ab"); print(next(e), list(e))
r = reversed(range(5)); print(list(r), list(reversed([1, 2])), list(reversed("ab")))
def genexp_scope():
    xs = [1, 2, 3]
    g = (x * y for x in xs for y in range(x))
    xs = "changed"
    return list(g)
print(genexp_scope())
try:
    list(x for x in 5)
except TypeError as e:
    print(e)
gg = (1 / x for x in [1, 0])
print(next(gg))
try:
    next(gg)
except ZeroDivisionError as e:
    print(e)
print(next(gg, "done after error"))
def yield_in_with():
    class CM:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit", a[0]); return False
    with CM():
        yield 1
        yield 2
for v in yield_in_with():
    print(v)
y = yield_in_with(); next(y); y.close(); print("after close")
def stop_in_gen():
    it = iter([])
    yield next(it)
try:
    list(stop_in_gen())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def gen_state():
    yield 1
import inspect
gs = gen_state()
print(inspect.getgeneratorstate(gs)); next(gs); print(inspect.getgeneratorstate(gs)); list(gs); print(inspect.getgeneratorstate(gs))

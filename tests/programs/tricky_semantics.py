import sys
def inner():
    try:
        x = yield 1
        print("inner got", x)
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield 99
    finally:
        print("inner finally")
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer r", r)
    yield 3
g = outer(); print(next(g)); print(g.send("s")); print(g.throw(ValueError("v"))); print(list(g))
g = outer(); next(g); g.close(); print("closed")
def gen_ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = gen_ignore(); next(g)
try: g.close()
except RuntimeError as e: print("RuntimeError", e)
def stop_it():
    yield 1
    raise StopIteration("x")
try: list(stop_it())
except RuntimeError as e: print(type(e).__name__, e, type(e.__cause__).__name__)
class Base:
    def hello(self): return "base"
class Kid(Base):
    def hello(self): return "kid+" + super().hello()
    @classmethod
    def make(cls): return cls()
    @property
    def p(self): return __class__.__name__
print(Kid.make().hello(), Kid().p)
def f():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError as e:
            print(repr(e.__context__))
        print(sys.exc_info()[0].__name__)
f()
print(sys.exc_info())
def g2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(g2())
x = 10
def h():
    x = 1
    class C:
        x = 2
        y = x
        def m(self): return x
    return C.y, C().m()
print(h())
gen = (i * i for i in range(4))
print(sum(gen), sum(gen))
print([(a, b) for a in range(3) if a for b in range(a)])
lst = [1, 2, 3]
lst[1:2] = [7, 8, 9]; del lst[::2]; print(lst)
d = {}
d.setdefault("k", []).append(1); print(d, {**d, "z": 2}, [*"ab", *range(2)])
print(f"{3.14159:.2f} {'x'!r:>5} {10:#x} {x=}")
try:
    raise TypeError("t") from None
except TypeError as e:
    print(e.__suppress_context__, e.__cause__)
print((lambda *a, **k: (a, k))(1, 2, z=3))
def kw(a, /, b, *, c=3): return a, b, c
print(kw(1, b=2), kw(1, 2, c=4))
i = 0
while True:
    i += 1
    if i > 5: break
else:
    print("no")
print(i)
for n in range(2, 10):
    for q in range(2, n):
        if n % q == 0: break
    else:
        print(n, end=" ")
print()

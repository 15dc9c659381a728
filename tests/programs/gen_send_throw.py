# Generator send() and throw().
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))

def echo():
    print("  started")
    try:
        while True:
            received = yield
            print("  echo:", received)
    except ValueError as e:
        print("  got ValueError inside:", e)
        yield "recovered"
    print("  finishing")

e = echo()
print(e.send(None))
e.send("hello")
e.send(42)
print(e.throw(ValueError("bad")))
try:
    next(e)
except StopIteration:
    print("echo finished")

g = averager()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)

def resilient():
    n = 0
    while True:
        try:
            yield n
        except KeyError:
            n += 100
        else:
            n += 1
r = resilient()
print(next(r), next(r), r.throw(KeyError), next(r), r.throw(KeyError("x")))
try:
    r.throw(IndexError("unhandled"))
except IndexError as ex:
    print("IndexError propagated:", ex)
try:
    next(r)
except StopIteration:
    print("generator is dead after unhandled throw")

def unstarted():
    try:
        yield 1
    finally:
        print("  never printed: not started")
u = unstarted()
try:
    u.throw(RuntimeError("before start"))
except RuntimeError as ex:
    print("throw before start raises immediately:", ex)

def coroutine_pipeline():
    def printer(prefix):
        while True:
            item = yield
            print(prefix, item)
    def upper_filter(target):
        while True:
            item = yield
            if item.isupper():
                target.send(item)
    p = printer("  >>")
    next(p)
    f = upper_filter(p)
    next(f)
    for word in ["ABC", "def", "GHI", "jKl"]:
        f.send(word)
coroutine_pipeline()
def gen_throw_type():
    try:
        yield
    except Exception as e:
        yield type(e).__name__ + ":" + str(e)
gt = gen_throw_type()
next(gt)
print(gt.throw(TypeError("via instance")))

# Generators whose body runs natively once hot: pairs from nested range loops, floats, a
# running generator turned native at its hot loop, deopts in the middle (an int past 2**63,
# a float among ints), send/throw/close, and a generator freed half-way.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def pairs(n):
    for i in range(n):
        for j in range(i):
            yield i, j


def halves(n):
    i = 0
    while i < n:
        yield i / 2
        i += 1


def grow(n):
    x = 3
    for i in range(n):
        yield x
        x = x * x


def plus_one(items):
    for x in items:
        yield x + 1


def holder(n, obj):
    for i in range(n):
        yield i + len(obj.name)


def counter(n):
    i = 0
    while i < n:
        yield i * 10
        i += 1
    return "done"


c = 0
for i, j in pairs(500):          # called once: its loop goes native while it runs
    if (i ^ j) & 1:
        c += 1
print(c)
for rnd in range(30):
    s = sum(halves(200)) + sum(x for x, _ in pairs(20))
    g = grow(8)
    first = [next(g), next(g)]
    rest = list(g)
    items = list(plus_one([1, 2, 3] if rnd % 10 else [1, 2.5, 3]))
    g = counter(5)
    sent = [next(g), g.send(None)]
    try:
        g.throw(KeyError("k"))
    except KeyError as e:
        sent.append(str(e))
    g = counter(3)
    next(g)
    g.close()
    closed = list(g)
    try:
        next(counter(0))
    except StopIteration as e:
        sent.append(e.value)
    if rnd % 10 == 0:
        print(rnd, s, first, rest[-1] % 1000, items, sent, closed)
        h = holder(10, Noisy("h%d" % rnd))
        print(next(h), next(h))
        del h
        print("after del")
print(list(zip(halves(3), counter(3))), dict(enumerate(halves(2))))

def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(it, n):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def chain(*its):
    for it in its:
        yield from it


def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x


def running_mean(xs):
    total = 0
    for i, x in enumerate(xs, 1):
        total += x
        yield total / i


def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return n
        total += x
        n += 1
        avg = total / n


def delegate():
    result = yield from averager()
    yield f"done after {result}"


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(take(primes(), 30))
print(list(chain(range(3), "ab", [1.5], (x * x for x in range(4)))))
print(list(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7], 8]])))
print([round(m, 3) for m in running_mean(range(1, 20))])
g = averager()
next(g)
print([g.send(v) for v in (10, 20, 30, 45)])
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
d = delegate()
next(d)
for v in (1, 2, 3):
    d.send(v)
print(d.send(None))
big = 0
for i, f in enumerate(fib_gen()):
    if i > 300:
        break
    big += f
print(big)
squares = (i * i for i in range(1000))
print(sum(squares), sum(squares))
gen = (x for x in range(5))
print(list(gen), list(gen))
def counter(n):
    i = 0
    try:
        while i < n:
            yield i
            i += 1
    finally:
        print("closed at", i)
c = counter(100)
for v in c:
    if v == 3:
        break
c.close()
total = 0
for rep in range(200):
    for v in counter.__call__(5) if False else (j for j in range(rep % 10)):
        total += v
print(total)
def pipeline(n):
    evens = (x for x in range(n) if x % 2 == 0)
    squared = (x * x for x in evens)
    return sum(x for x in squared if x % 3)
print(pipeline(10000))
def gen_raise():
    yield 1
    raise ValueError("inside gen")
try:
    for v in gen_raise():
        print("got", v)
except ValueError as e:
    print("caught", e)
print(list(zip(fib_gen(), "abcde")), dict(zip("xyz", fib_gen())))

CALLS = 0
TOTAL = 0.0
LOG = []
SCALE = 3


def bump(n=1):
    global CALLS
    CALLS += n
    return CALLS


def add_total(x, weight=1.0, *, sign=1):
    global TOTAL
    TOTAL += sign * x * weight
    return TOTAL


def record(*args, **kwargs):
    LOG.append((len(args), sorted(kwargs)))
    return sum(args) + sum(kwargs.values())


def scaled(x):
    return x * SCALE


def defaults_shared(v, acc=[]):
    acc.append(v)
    return len(acc)


def kwonly(a, b=2, *rest, c, d=4, **kw):
    return a + b + sum(rest) + c + d + len(kw)


for i in range(300):
    bump()
    bump(n=2)
print(CALLS)
for i in range(200):
    add_total(i, 0.5, sign=-1 if i % 2 else 1)
print(TOTAL)
s = 0
for i in range(100):
    s += record(i, i + 1, x=i, y=2)
    if i % 50 == 0:
        s += record()
        s += record(*range(i), **{"k": 1})
print(s, LOG[:3], len(LOG))
out = []
for i in range(10):
    if i == 5:
        SCALE = 2.5
    out.append(scaled(i))
print(out)
print([defaults_shared(i) for i in range(5)], defaults_shared(9, []))
print(kwonly(1, c=3), kwonly(1, 2, 3, 4, c=5, d=6, e=7, f=8))
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly(1, c=2, a=3)
except TypeError as e:
    print("TypeError:", e)
try:
    bump(1, 2)
except TypeError as e:
    print("TypeError:", e)


def counter_factory():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


inc = counter_factory()
for i in range(1000):
    inc()
    inc(step=i % 3)
print(inc(0))


def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


adders = make_adders(10)
acc = 0
for r in range(100):
    for f in adders:
        acc = f(acc) % 1000003
print(acc)


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


print(apply_n(lambda v: v * 2 + 1, 70, 0), apply_n(lambda v: v / 2, 10, 1), apply_n(str.upper, 2, "ab"))
del SCALE
try:
    scaled(1)
except NameError as e:
    print("NameError:", e)

# Globals and builtins rebound while hot code uses them; functions redefined; globals deleted.
K = 3


def scaled(x):
    return x * K


def run(n):
    global K
    t = 0
    for i in range(n):
        if i == n // 2:
            K = 2.5
        t += scaled(i)
    return t


print(run(1000), K)
K = 2**70
print(run(10), K)


def helper(x):
    return x + 1


def use_helper(n):
    t = 0
    for i in range(n):
        t += helper(i)
    return t


print(use_helper(2000))


def helper(x):
    return x - 1


print(use_helper(2000))


def count_len(xs):
    return len(xs)


for i in range(2000):
    count_len([1] * (i % 5))
print(count_len([1, 2, 3]))
len = lambda x: 42
print(count_len([1, 2, 3]))
del len
print(count_len([1, 2, 3]))

LIMIT = 100


def under(xs):
    return [x for x in xs if x < LIMIT]


print(sum(under(range(500))))
for LIMIT in (10, 2.5, -1):
    print(LIMIT, under(range(20)))
del LIMIT
try:
    under([1])
except NameError as e:
    print("NameError", e)

total = 0
for i in range(3000):
    total += i
    if i == 1500:
        total = float(total)
    if i == 2500:
        total = int(total) * 2**64
print(total)


def counter():
    global CALLS
    CALLS += 1
    return CALLS


CALLS = 0
for i in range(1000):
    counter()
print(CALLS)
CALLS = 1.5
counter()
print(CALLS)


def mutate_range():
    global range
    saved = range
    range = lambda n: [n, n]
    r = [i for i in range(3)]
    del range
    return r, [i for i in saved(3)]


print(mutate_range())


def sumsq(n):
    s = 0
    for i in range(n):
        s += abs(i - 50)
    return s


print(sumsq(100))
import builtins
orig_abs = builtins.abs
builtins.abs = lambda v: -1
print(sumsq(100))
builtins.abs = orig_abs
print(sumsq(100))


class Cfg:
    factor = 2


def apply_cfg(xs):
    return [x * Cfg.factor for x in xs]


for _ in range(200):
    apply_cfg([1, 2, 3])
Cfg.factor = 0.5
print(apply_cfg([1, 2, 3]))
Cfg.factor = "ab"
print(apply_cfg([1, 2]))

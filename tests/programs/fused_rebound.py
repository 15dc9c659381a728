"""The builtin that consumes a generator expression, rebound while compiled code that fuses
the generator into it runs: a module global `sum` or `max` shadowing the builtin (assigned,
then deleted), builtins.any replaced, a local `sum`, and a rebinding from inside the
generator's body (the builtin already running keeps going)."""

import builtins


def f(v):
    return sum(x * 2 for x in v), max(x for x in v)


def g(v):
    return any(x for x in v), [x for x in v]


def local_sum(v):
    sum = lambda it: ("local", list(it))
    return sum(x for x in v)


def evil(x):
    global sum, max
    if x == 3:
        sum = lambda *a: "fake sum"
        max = lambda *a: "fake max"
    return x


def h(v):
    return sum(evil(x) for x in v), max(evil(x) for x in v)


out = []
real_any = builtins.any
for i in range(100):
    out.append(f([1, 2, i]))
    out.append(g([0, i]))
    if i == 40:
        sum = lambda it, *a: ("fake sum", list(it))
    if i == 60:
        max = lambda it: "fake max"
    if i == 70:
        del sum
    if i == 80:
        builtins.any = lambda it: "fake any"
builtins.any = real_any
del max
print(out[38:45], out[58:64], out[138:146], out[-3:])
for i in range(30):
    r = local_sum([1, 2])
print(r)
for i in range(30):
    r = h([1, 2])
print(r, h([1, 2, 3, 4]), h([1, 2]))
del sum, max
print(h([1, 2, 3, 4.5]))
del sum, max
print(h([1, 2, 3, 2 ** 64]), h([5]))

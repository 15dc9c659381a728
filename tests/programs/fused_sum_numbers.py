"""sum/min/max of generator expressions over numbers, in functions called often enough to be
compiled (the JIT fuses the generator into the builtin): ints, floats, bools, mixed items, int
sums that overflow 64 bits mid-loop, constant starts, nan and -0.0, empty iterables."""


def squares(v):
    return sum(x * x for x in v)


def plain(v):
    return sum(x for x in v)


def from_float(v):
    return sum((x for x in v), 0.0)


def from_one(v):
    return sum((x * 2 for x in v), 1)


def from_true(v):
    return sum((x for x in v), True)


def extremes(v):
    return max(x - 3 for x in v), min(x * 2 for x in v)


def kept(v):
    return max(x for x in v), min(x for x in v)


big = 2 ** 62
total = 0
for i in range(300):
    v = list(range(i % 17))
    total += squares(v) + squares(tuple(v)) + squares(range(i % 7)) + squares(iter(v))
    total += from_one(v) + plain(range(-i, i, 3))
    if v:
        total += sum(extremes(v))
print(total)
print(squares([1.5, 2.5]), squares([True, False, True]), squares([1, 2.5, True]))
print(from_float([1, 2]), from_float([True]), from_float([]), from_true([]), from_true([1, 2]))
print(extremes([3, 1.0, 2]), extremes([True, False]))

for i in range(40):
    r = (plain([big, big, 1, -big]), plain([big] * 3), plain([-big, -big, -big]),
         squares([3037000499, 3037000500]), squares([2 ** 40] * 3),
         extremes([big, 1]), plain([2 ** 63 - 1, 1]), plain([-2 ** 63, -1]),
         plain([big, 0.5]), plain([0.5, big, big]), plain([True, big, big]),
         from_float([big, big]), plain([2 ** 64, -2 ** 64, 5]))
print(r)

nan = float("nan")
for i in range(20):
    r = (kept([nan, 1, 2]), kept([1, nan, 2]), kept([-0.0, 0.0]), kept([0.0, -0.0]),
         kept([1, 2.5, True, 2.5]), kept([True, 1, 1.0]), kept([2.5, 2, 3]),
         plain([0.1] * 10), from_float([1e308, 1e308, -1e308]), plain([-0.0, -0.0]),
         from_float([-0.0]), plain([]))
print(r)

for i in range(20):
    try:
        kept([])
    except ValueError as e:
        print("ValueError:", e)
        break
try:
    extremes(())
except ValueError as e:
    print("ValueError:", e)

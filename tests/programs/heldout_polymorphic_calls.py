# One hot function fed ints, floats, bools, big ints, strings, lists in turn.
def combine(a, b):
    return a * 2 + b


def reduce_all(xs, start):
    acc = start
    for x in xs:
        acc = combine(acc, x) if not isinstance(acc, str) else acc + str(x)
    return acc


def compare_chain(a, b, c):
    return a < b < c, a == b, a is b, a != c


def poly_index(seq, i):
    return seq[i] + seq[-1 - i]


results = []
for rnd in range(4):
    results.append(reduce_all(range(10), 0))
    results.append(reduce_all([0.5] * 10, 1))
    results.append(reduce_all([True, False] * 5, False))
    results.append(reduce_all(range(80), 1) % 1000007)
    results.append(reduce_all("abc", ""))
print(results)
for args in ((1, 2, 3), (1.0, 1, 2.5), (True, 1, 2), ("a", "b", "c"), (2 ** 70, 2 ** 71, 2 ** 72), ((1,), (1, 2), (2,)), (-0.0, 0.0, 0)):
    print(compare_chain(*args))
for seq in ([1, 2, 3, 4], (1.5, 2.5, 3.5), "abcd", [[1], [2], [3]], range(10, 20)):
    print([poly_index(seq, i) for i in range(2)])
try:
    poly_index([1, 2], 5)
except IndexError as e:
    print("IndexError:", e)
try:
    poly_index((1, 2), 5)
except IndexError as e:
    print("IndexError:", e)
try:
    poly_index({1: 2}, 0)
except KeyError as e:
    print("KeyError:", e)
try:
    combine("x", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    combine(None, 1)
except TypeError as e:
    print("TypeError:", e)
def sumsq(xs):
    t = 0
    for x in xs:
        t += x * x
    return t
for _ in range(3):
    print(sumsq(range(100)), sumsq([0.1] * 100), sumsq([2 ** 40] * 100), sumsq([True] * 5), sumsq([]))
def safe_avg(xs):
    try:
        return sum(xs) / len(xs)
    except ZeroDivisionError:
        return float("nan")
    except TypeError as e:
        return str(e)
print([safe_avg(x) for x in ([1, 2], [], [1.5], ["a"], [2 ** 80, 1], [True])])
def which(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int" if -2 ** 63 <= x < 2 ** 63 else "bigint"
    if isinstance(x, float):
        return "float"
    return type(x).__name__
print([which(v) for v in (1, True, 2 ** 63, -2 ** 63, 1.0, "s", None, [1], (1,), {1: 1})])

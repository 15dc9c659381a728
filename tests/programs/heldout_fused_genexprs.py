# Generator expressions consumed by sum/min/max/any/all/sorted in hot code, with edge values.
def sums(xs):
    return (sum(x for x in xs), sum(x * x for x in xs if x > 0), sum((x for x in xs), 0.5))


def extremes(xs):
    return min(x for x in xs), max(x for x in xs), max((abs(x) for x in xs), default=-1)


def checks(xs, limit):
    seen = []

    def note(v):
        seen.append(v)
        return v

    a = any(note(x) > limit for x in xs)
    b = all(note(x) < limit * 2 for x in xs)
    return a, b, len(seen)


def ordered(words):
    return sorted((w.lower() for w in words), key=lambda w: (len(w), w)), tuple(len(w) for w in words), list(w[0] for w in words)


for xs in ([1, 2, 3], [2 ** 62, 2 ** 62, 2 ** 62], [1.5, -2.5, 3.0], [True, False, True], [-(2 ** 63), -1], [10 ** 30, -10 ** 30, 1]):
    print(sums(xs), extremes(xs))
nan = float("nan")
print(extremes([nan, 1.0, 2.0]), extremes([1.0, nan, 2.0]), extremes([0.0, -0.0]), extremes([-0.0, 0.0]))
print(extremes([1, 1.0, True]), extremes([3, 2.5, 2]), extremes([2, 2.0]))
for rnd in range(3):
    print(checks(range(20), 10), checks([1, 2], 10), checks([], 1))
print(ordered(["Pear", "fig", "Apple", "kiwi", "Date"]))
total = 0
for i in range(300):
    total += sum(j for j in range(i % 17))
    total += max(j * 2 for j in range(1, i % 5 + 2))
    total -= min((j - 3) ** 2 for j in range(i % 7 + 1))
print(total)
try:
    min(x for x in [])
except ValueError as e:
    print("ValueError:", e)
try:
    sum(1 / x for x in [1, 2, 0, 4])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    sum(x for x in [1, "a"])
except TypeError as e:
    print("TypeError:", e)
matrix = [[i * j for j in range(10)] for i in range(10)]
print(sum(sum(row) for row in matrix), max(max(row) for row in matrix), [sum(r[k] for r in matrix) for k in range(3)])
print(sum(v for row in matrix for v in row if v % 3 == 0))
k = 5
print(sum(x * k for x in range(10)), [sum(x + k for x in range(3)) for k in range(3)])
gen_counter = 0
def counted(n):
    global gen_counter
    for i in range(n):
        gen_counter += 1
        yield i
print(any(v > 3 for v in counted(100)), gen_counter)
print(all(v < 50 for v in counted(100)), gen_counter)
print(sum(1 for _ in counted(10)), gen_counter, list(x * 2 for x in counted(3)))
print(dict((i, i * i) for i in range(5)), set(i % 3 for i in range(10)), "".join(str(i) for i in range(10)))
big = sum(2 ** i for i in range(0, 100, 3))
print(big, sum(float(i) for i in range(10)), sum(i / 2 for i in range(10)))

# Accumulators that change type mid-loop; lists whose elements change type.
def accumulate(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            total += 0.5
        total += i
    return total


def harmonic(n):
    h = 0
    for k in range(1, n + 1):
        h = h + 1 / k
    return h


def mean_of(xs):
    s = 0
    for x in xs:
        s += x
    return s / len(xs), s


def retype(xs):
    for i in range(len(xs)):
        if i % 3 == 0:
            xs[i] = xs[i] * 1.5
        elif i % 3 == 1:
            xs[i] = str(xs[i])
        else:
            xs[i] = xs[i] * 10 ** 20
    return xs


def bools_count(xs):
    c = 0
    for x in xs:
        c += x > 3
    return c, type(c).__name__


def sum_mixed(xs):
    t = 0
    for x in xs:
        t = t + x
    return t


print(accumulate(100), accumulate(1))
print(harmonic(1000))
print(mean_of([1, 2, 3, 4]))
print(mean_of([1, 2.5, 3, 4]))
print(mean_of([True, False, True]))
print(mean_of([2 ** 62, 2 ** 62, 2 ** 62]))
print(retype(list(range(12))))
print(bools_count([1, 5, 7, 2, 9]))
for xs in ([1, 2, 3], [1.0, 2, 3], [1, 2, 3.25], [2 ** 63 - 1, 1], [True, 2, 3.0], [-0.0, 0], [0, -0.0]):
    print(sum_mixed(xs), type(sum_mixed(xs)).__name__)
vals = [0] * 10
for rep in range(50):
    for i in range(10):
        if rep == 25 and i == 5:
            vals[i] = vals[i] + 0.25
        else:
            vals[i] = vals[i] + i
print(vals)
grid = [[0] * 5 for _ in range(5)]
for step in range(200):
    r, c = step % 5, (step * 3) % 5
    grid[r][c] += step if step < 150 else step / 8
print(grid)
x = 1
for i in range(100):
    x = x * 3 if i < 50 else x / 3
print(x)
y = 10
for i in range(30):
    y = y // 2 if y % 2 == 0 else y * 3 + 1
    if i == 20:
        y = float(y)
print(y)

"""Lists that native code shares with the interpreter and with other functions: aliasing,
growing and shrinking during loops, element types that change (deoptimization), IndexError
from native code, nested lists and tuples."""


def grow_while_iterating(lst):
    steps = 0
    for x in lst:
        steps += 1
        if x % 3 == 0 and len(lst) < 12:
            lst.append(x + 1)
    return steps


def shrink_while_iterating(lst):
    seen = []
    for x in lst:
        seen.append(x)
        if lst:
            lst.pop(0)
    return seen, lst


def double_into(src, dst):
    for i in range(len(src)):
        dst[i] = src[i] * 2
    return dst


def rotate(lst, k):
    for _ in range(k):
        lst.append(lst.pop(0))
    return lst


def total(values):
    t = 0
    for v in values:
        t += v
    return t


def safe_get(lst, i):
    try:
        return lst[i]
    except IndexError as e:
        return str(e)


def get(lst, i):
    return lst[i]


def rows_sum(rows):
    out = []
    for row in rows:
        s = 0
        for v in row:
            s += v
        out.append(s)
    return out


def pairs(n):
    out = []
    for i in range(n):
        out.append((i, i * i))
    return out


def unzip(items):
    xs = []
    ys = []
    for x, y in items:
        xs.append(x)
        ys.append(y)
    return xs, ys


data = [3, 1, 6]
print(grow_while_iterating(data), data)
print(shrink_while_iterating([1, 2, 3, 4, 5, 6]))
shared = [1, 2, 3, 4]
print(double_into(shared, shared), shared)
a = [1.5, 2.5]
b = [0.0, 0.0]
print(double_into(a, b), a, b)
print(rotate([1, 2, 3, 4, 5], 7), rotate([], 0))
print(total([1, 2, 3]), total([1.5, 2.5]), total([1, 2.5, True]), total([2**62, 2**62, 1]))
print(total((4, 5, 6)), total([]), total([[1], [2]]) if False else "-")
print(safe_get([1, 2, 3], -1), safe_get([1, 2, 3], 3), safe_get([], 0))
for i in (0, -2, 5):
    try:
        print(get([10, 20, 30], i), get((1.5, 2.5), i))
    except IndexError as e:
        print("IndexError:", e)
print(rows_sum([[1, 2], [3, 4, 5], []]), rows_sum([[1.5], [2, 3]]))
print(pairs(5), unzip(pairs(4)))
print(unzip([(1, 2.5), (3, 4.5)]), unzip([[1, 2], [3, 4]]))
try:
    unzip([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
nested = [[0] * 3 for _ in range(3)]
for i in range(3):
    nested[i][i] = 1
print(nested, rows_sum(nested))
alias = [[0] * 2] * 2
alias[0][0] = 5
print(alias, rows_sum(alias))

# Aliasing between caller and callee: callees mutating lists the caller is iterating / indexing.
def append_double(xs):
    xs.append(xs[-1] * 2)


def grow(xs, n):
    for _ in range(n):
        append_double(xs)
    return xs


print(grow([1], 70)[-3:])


def clear_some(xs, k):
    del xs[k:]


def walk(xs):
    seen = []
    i = 0
    while i < len(xs):
        seen.append(xs[i])
        if xs[i] == 5:
            clear_some(xs, 7)
        i += 1
    return seen, xs


print(walk(list(range(20))))


def iter_mutating(xs):
    out = []
    for x in xs:
        out.append(x)
        if x % 4 == 0 and len(xs) < 30:
            xs.append(x + 1)
        if len(out) > 100:
            break
    return out


print(iter_mutating([0, 4, 8]))


def remove_while_iter(xs):
    for x in xs:
        if x % 2 == 0:
            xs.remove(x)
    return xs


print(remove_while_iter(list(range(20))))


def swap_rows(m, i, j):
    m[i], m[j] = m[j], m[i]


def bubble(rows):
    n = len(rows)
    for i in range(n):
        for j in range(n - 1 - i):
            if rows[j][0] > rows[j + 1][0]:
                swap_rows(rows, j, j + 1)
    return rows


rows = [[(k * 31) % 17, k] for k in range(40)]
r = bubble(rows)
print([x[0] for x in r], r[0], r[-1])
shared = [0] * 3
grid = [shared, shared, [0] * 3]


def bump(g):
    for row in g:
        for i in range(len(row)):
            row[i] += 1
    return g


for _ in range(50):
    bump(grid)
print(grid, grid[0] is grid[1])


def replace_slice(xs):
    for i in range(len(xs)):
        if i == 3:
            xs[:] = [v * 10 for v in xs]
        xs[i] += 1
    return xs


print(replace_slice(list(range(8))))


def self_extend(xs):
    ys = xs
    for _ in range(3):
        ys += ys
    return xs, len(xs), xs is ys


print(self_extend([1, 2]))


def default_acc(v, acc=[]):
    acc.append(v)
    return len(acc)


for k in range(500):
    default_acc(k)
print(default_acc("x"), default_acc.__defaults__[0][-3:])


def pair_sum(a, b):
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


v = list(range(100))
print(pair_sum(v, v), pair_sum(v, v[::-1]), pair_sum(v, v[50:]), pair_sum(v[:3], v), pair_sum([], v))
outer = [[1, 2], [3, 4]]
inner = outer[0]
outer[0] = None
inner.append(99)
print(outer, inner)


def pop_all(stack):
    total = 0
    while stack:
        total += stack.pop()
        if total % 7 == 0 and len(stack) > 2 and total < 10**6:
            stack.append(total % 5)
            total += 1
    return total


print(pop_all(list(range(300))))

"""List comprehensions in compiled code (called at their loop with a new list and the
iterator): conditions, several for clauses, nested comprehensions, closures over the
caller's locals that change between calls, cells of their own (lambdas made in the loop),
walrus targets, the iterated list mutated by the body, items that change type mid-loop."""


def show(x):
    print("item", x)
    return x


def table(m, k):
    return ([[x * k + y for x in row if x % 2] for y, row in enumerate(m) if row],
            [a + b for a in range(k) for b in range(a) if (a + b) % 3])


def pairs(a, b):
    return [x + y for x in a for y in b if (x + y) % 2]


def late(v):
    return [(lambda: x) for x in v]


def late_k(v, k):
    return [(lambda: x + k) for x in v]


def bound(v):
    return [(lambda x=x: x) for x in v]


def scaled(v):
    k = 1
    out = []
    for i in range(4):
        k *= 3
        out.append([x * k for x in v])
    return out


def walrus(v):
    r = [(last := x * 2) for x in v]
    return r, last


def grow(v):
    return [v.append(x) or x for x in v if len(v) < 12]


def replace(v):
    return [v.__setitem__(i, 1.5) or x for i, x in enumerate(v)]


def shrink(v):
    return [v.pop() for x in v]


def doubled(v):
    return [show(x) * 2 for x in v]


def shapes(n):
    return [c.upper() for c in "abc"], [i for i in range(n, 0, -2)], [i for i in range(n, -n, -3)]


def flat(t):
    return [y for x in t for y in flat(x)] + [len(t)]


def tree(n):
    return [tree(k) for k in range(n)]


for i in range(60):
    r = (table([[1, 2, 3], [], [5, i]], i % 4), pairs([1, 2, 3], [2, i % 5]),
         [f() for f in late([1, 2, i])], [f() for f in late_k([1, 2], i)],
         [f() for f in bound([1, 2, i])], scaled([1, i]), walrus([1, i]),
         grow([1, 2]), replace([1, 2, 3]), shrink([1, 2, 3, 4, 5]), shapes(i % 7))
print(r)
for i in range(20):
    doubled([1])
print(doubled([1, 2 ** 62, 1.5, "s", [1]]))
print(flat(tree(5)))

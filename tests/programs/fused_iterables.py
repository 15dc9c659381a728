"""Generator expressions fused into sum/min/max/any/all over every kind of iterable: lists,
tuples, ranges with negative steps and near 2**63, zip, enumerate, dict views, sets,
strings, bytes, generators, map, reversed, nested generator expressions, and iterators that
are partly consumed before and after (any/all leave the rest for the caller)."""


def nested(m):
    return (sum(sum(x for x in row) for row in m), max(max(x * 2 for x in row) for row in m),
            sum(x * y for x in m[0] for y in m[-1] if x != y))


def by_items(d):
    return sum(k * v for k, v in d.items()), any(k == "b" for k in d), max(d.values())


def by_range(n):
    return (sum(i for i in range(n, -n, -3)), min(i for i in range(n, -n, -3)),
            sum(i for i in range(-n)), max(i for i in range(0, n * 5, 2)))


def big_range():
    return sum(i for i in range(2 ** 62, 2 ** 63 - 1, 2 ** 60)), max(i for i in range(-2 ** 63, -2 ** 63 + 3))


def zipped(n):
    return sum(a * b for a, b in zip(range(n), range(n, 0, -1))), max(i * x for i, x in enumerate([1, n, 3]))


def chained(n):
    return min(x for x in (y * 2 for y in range(1, n + 1))), sum(x for x in map(abs, [-n, 2]))


def text(s):
    return max(c for c in s), sum(c for c in b"ab"), sum(1 for c in s if c in "aeiou")


def gen():
    yield 1
    yield 2


def from_gen():
    return sum(x for x in gen()), [x * 2 for x in gen()], max(x for x in gen())


def rest(v):
    it = iter(v)
    first = next(it)
    found = any(x > 2 for x in it)
    return first, found, list(it)


def halves(v):
    it = iter(v)
    a = any(x == 2 for x in it)
    b = sum(x for x in it)
    return a, b, next(it, "done")


def until_big(v):
    it = iter(v)
    a = all(x < 3 for x in it)
    return a, [x for x in it]


def backwards(v):
    r = reversed(v)
    return any(x == 2 for x in r), list(r)


def pairs(a, b):
    p = zip(a, b)
    return any(x == y for x, y in p), list(p)


def of_set(s):
    return sum(x for x in s), max(x for x in s), sorted(x for x in s)


for i in range(60):
    r = (nested([[1, 2], [3, i]]), by_items({3: i, 4: 2}), by_range(i % 7 + 1), big_range(),
         zipped(i % 5), chained(i % 5 + 1), text("xyz"), from_gen(), rest([1, 2, 3, 4, 5]),
         halves([1, 2, 3, 4]), until_big([1, 2, 5, 1]), backwards([1, 2, 3]),
         pairs([1, 2, 3], [3, 2, 1]), of_set({1, 2, i}))
print(r)

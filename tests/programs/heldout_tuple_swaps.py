def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def ext_gcd(a, b):
    x0, x1, y0, y1 = 1, 0, 0, 1
    while b:
        q, a, b = a // b, b, a % b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return a, x0, y0


def rotate3(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b, c = c, a, b
    return a, b, c


def bubble(xs):
    xs = list(xs)
    n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs


def pairs_sum(pairs):
    sx = sy = 0
    for x, y in pairs:
        sx, sy = sx + x, sy + y
    return sx, sy


def nested_unpack(items):
    out = 0
    for (a, b), (c, d) in items:
        out += a * d - b * c
    return out


def starred(xs):
    first, *mid, last = xs
    return first, len(mid), last


print([gcd(a, b) for a in (12, 270, 2 ** 64, 0) for b in (18, 192, 6 ** 20, 5)])
print(ext_gcd(240, 46), ext_gcd(2 ** 70 + 1, 3 ** 40))
print(rotate3(1000), rotate3(1001))
print(bubble([5, -1, 3.5, 2, 2, 0, -7, 10 ** 20, 1e20]))
print(bubble("jitvm compiles"))
print(pairs_sum([(i, i * 0.5) for i in range(100)]))
print(pairs_sum([(i, 2 ** 62) for i in range(10)]))
print(nested_unpack([((i, i + 1), (i + 2, i + 3)) for i in range(200)]))
print(starred(range(10)), starred("ab"), starred([1, 2, 3]))
a, b = 1, 2
for i in range(10):
    a, b = b, a
print(a, b)
x = [1, 2, 3]
i = 0
i, x[i] = 1, 9
print(i, x)
t = (1, 2, 3) + (4,)
print(t, t * 2, t[::-1], t[1:3], len(t), t.index(3), t.count(1))
coords = [(i % 7, i % 5, i % 3) for i in range(60)]
best = min(coords, key=lambda p: (p[0] - 3) ** 2 + (p[1] - 2) ** 2 - p[2])
print(best, sorted(set(coords))[:5])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    (a, b), c = 1, 2
except TypeError as e:
    print("TypeError:", e)
for n in range(3):
    try:
        p, q = [n] * n
        print("ok", p, q)
    except ValueError as e:
        print(n, e)

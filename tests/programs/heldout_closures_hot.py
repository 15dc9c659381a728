def make_counter():
    count = 0

    def inc(by):
        nonlocal count
        count += by
        return count

    def get():
        return count
    return inc, get


def make_poly(coeffs):
    def p(x):
        r = 0
        for c in coeffs:
            r = r * x + c
        return r
    return p


def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h


def memoize(f):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memoize
def partitions(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    total = 0
    k = 1
    while True:
        g1 = k * (3 * k - 1) // 2
        if g1 > n:
            break
        g2 = k * (3 * k + 1) // 2
        sign = 1 if k % 2 else -1
        total += sign * (partitions(n - g1) + partitions(n - g2))
        k += 1
    return total


inc, get = make_counter()
for i in range(3000):
    inc(i % 7)
print(get(), inc(0.5), get())
p = make_poly([2, -3, 0, 5, -1])
print([p(x) for x in range(-5, 6)], p(1.5), p(10 ** 6))
h = compose(lambda x: x + 1, lambda x: x * 2, abs)
print([h(x) for x in range(-5, 5)])
print(partitions(100), partitions(250), len(partitions.cache))
fs = []
for i in range(5):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [(lambda j: (lambda: j * j))(i) for i in range(5)]
print([g() for g in gs])
def outer():
    x = 0
    def mid():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    f = mid()
    s = 0
    for _ in range(1000):
        s += f()
    return s, x
print(outer())
total = 0
adder = lambda a, b=10: a + b
for i in range(2000):
    total = adder(total, i % 3)
print(total)

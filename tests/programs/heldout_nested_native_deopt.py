# Native callers whose callees deoptimize deep inside (type changes, overflow, exceptions).
def leaf(x, y):
    return x * y + 1


def mid(x, n):
    t = 0
    for i in range(n):
        t += leaf(x, i)
    return t


def top(n):
    out = []
    for x in range(n):
        out.append(mid(x, 10))
    return out


print(top(30))
print(mid(2 ** 40, 10), mid(2 ** 60, 10), mid(1.5, 4), mid(True, 3))
print(top(5))


def checked(x):
    if x > 100:
        raise ValueError(f"too big: {x}")
    return x * 2


def loop_checked(xs):
    t = 0
    bad = 0
    for x in xs:
        try:
            t += checked(x)
        except ValueError:
            bad += 1
    return t, bad


def outer_checked(n):
    r = []
    for k in range(n):
        r.append(loop_checked(range(k * 20, k * 20 + 30)))
    return r


print(outer_checked(8))


def grow(x):
    return x * x


def chain(x, n):
    for _ in range(n):
        x = grow(x) % 1000000007 if x < 10 ** 12 else grow(x) // 10 ** 10
    return x


print([chain(k, 12) for k in range(2, 9)])


def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print([fact(k) for k in (5, 20, 21, 25, 30)])
print(sum(fact(k) for k in range(40)))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(22), [fib(k) for k in range(10)])


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


try:
    count(10 ** 5)
except RecursionError:
    print("deep")
print(count(500))


def divide_all(xs, d):
    return [x // d for x in xs]


def caller(n):
    res = 0
    for d in range(-3, 4):
        try:
            res += sum(divide_all(range(n), d))
        except ZeroDivisionError as e:
            res += 1000
    return res


print(caller(50), caller(1))


def swap_type(i):
    return i if i % 50 else float(i)


def consume(n):
    t = 0
    for i in range(n):
        v = swap_type(i)
        t += v
    return t


print(consume(49), consume(500), consume(51))


def string_or_num(i):
    return str(i) if i == 77 else i


def consume2(n):
    t = []
    for i in range(n):
        v = string_or_num(i)
        t.append(v * 2)
    return t[70:80]


print(consume2(100))

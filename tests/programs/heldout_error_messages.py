# The messages of errors raised inside hot (natively compiled) code, caught and printed.
import math


def attempt(fn, *args):
    try:
        return repr(fn(*args))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def getl(xs, i):
    return xs[i]


def setl(xs, i, v):
    xs[i] = v
    return xs


def add(a, b):
    return a + b


def lt(a, b):
    return a < b


def fdiv(a, b):
    return a / b


def idiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def unpack2(seq):
    a, b = seq
    return a, b


def unpack3(seq):
    a, b, c = seq
    return c


def it(x):
    t = 0
    for v in x:
        t += v
    return t


def shift(a, b):
    return a << b


def rshift(a, b):
    return a >> b


def power(a, b):
    return a ** b


def sqrt(x):
    return math.sqrt(x)


def log(x):
    return math.log(x)


def exp(x):
    return math.exp(x)


def to_int(x):
    return int(x)


def to_float(x):
    return float(x)


def rnd(x):
    return round(x)


def call(f):
    return f()


def attr(o):
    return o.missing


def dm(a, b):
    return divmod(a, b)


cases = [
    (getl, [1, 2], 5), (getl, (1, 2), -3), (getl, "ab", 2), (getl, [1], "0"), (getl, 5, 0), (getl, {1: 2}, 3),
    (setl, [1], 3, 0), (setl, (1,), 0, 0), (setl, [1], 1.5, 0),
    (add, 1, None), (add, [1], 2), (add, "a", 1), (add, (1,), [2]), (add, 2 ** 63 - 1, 1), (add, 1e308, 1e308),
    (lt, 1, "a"), (lt, [1], (1,)), (lt, None, None),
    (fdiv, 1, 0), (fdiv, 1.0, 0), (fdiv, 1, 0.0), (fdiv, 2 ** 2000, 1), (fdiv, 2 ** 2000, 2 ** 1999), (fdiv, 10 ** 400, 1.5),
    (idiv, 1, 0), (idiv, 1.0, 0), (idiv, -2 ** 63, -1), (mod, 1, 0), (mod, 1.5, 0.0), (mod, -2 ** 63, -1), (dm, 1.0, 0), (dm, 1, 0),
    (unpack2, [1, 2, 3]), (unpack2, (1,)), (unpack2, 5), (unpack2, "ab"), (unpack3, {1: 2, 3: 4}), (unpack3, range(3)),
    (it, 5), (it, None), (it, [1, "a"]), (it, [1, 2.5, 2 ** 64]),
    (shift, 1, -1), (shift, 1, 64), (shift, -1, 63), (rshift, 1, -1), (rshift, -5, 100), (shift, 1.0, 1),
    (power, 0.0, -1), (power, 0, -1), (power, -8.0, 1 / 3), (power, 10.0, 400), (power, 2, 0.5), (power, -2, -1), (power, 2 ** 40, 3),
    (sqrt, -1), (sqrt, -0.0), (log, 0), (log, -1.5), (log, 2 ** 2000), (exp, 1000), (exp, -1000), (sqrt, 10 ** 400),
    (to_int, float("inf")), (to_int, float("nan")), (to_int, 1e20), (to_int, "12a"), (to_int, -0.5), (to_float, "x"), (to_float, 10 ** 400),
    (rnd, float("inf")), (rnd, float("nan")), (rnd, 2.5), (rnd, -0.5), (rnd, 1e300),
    (call, 5), (call, None), (attr, 5), (attr, None),
]
for rep in range(3):
    out = [attempt(*case) for case in cases]
print("\n".join(out))

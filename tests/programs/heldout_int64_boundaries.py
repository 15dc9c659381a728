# Integer operations crossing the int64 boundary inside hot functions.
MIN = -2**63
MAX = 2**63 - 1


def ops(a, b):
    r = [a + b, a - b, a * b, -a, abs(a), a << 1, a >> 1, ~a, a & b, a | b, a ^ b]
    if b:
        r += [a // b, a % b, divmod(a, b)]
    return r


warm = 0
for i in range(2000):
    warm += len(ops(i - 1000, i % 7 - 3))
print(warm)
for a, b in [(MAX, 1), (MIN, -1), (MIN, 1), (MAX, MAX), (MIN, MIN), (MIN, 2), (MAX, -1),
             (2**62, 2), (-2**62, 2), (3037000500, 3037000500), (-3037000500, 3037000499), (MIN, MAX)]:
    print(a, b, ops(a, b))


def neg_all(xs):
    return [-x for x in xs]


def abs_all(xs):
    return [abs(x) for x in xs]


def sum_loop(xs):
    t = 0
    for x in xs:
        t += x
    return t


small = list(range(-50, 50))
for _ in range(50):
    neg_all(small)
    abs_all(small)
    sum_loop(small)
print(neg_all([MIN, MAX, 0, -1]), abs_all([MIN, MAX, -MAX]), sum_loop([MAX, MAX, MIN, MIN, MIN]))


def counter(start, n, step):
    x = start
    for _ in range(n):
        x += step
    return x


print(counter(0, 1000, 7), counter(MAX - 5, 10, 1), counter(MIN + 5, 10, -1), counter(2**70, 3, -2**69))


def mul_chain(x, n):
    for _ in range(n):
        x *= 3
    return x


print([mul_chain(1, k) for k in (10, 39, 40, 41, 80)], mul_chain(-1, 41))


def shl(x, n):
    return x << n


for n in range(0, 70, 1):
    shl(1, n % 10)
print([shl(1, n) for n in (62, 63, 64, 65)], [shl(-1, n) for n in (62, 63, 64)], shl(3, 62), shl(MIN, 1), shl(0, 100))


def shr(x, n):
    return x >> n


print([shr(MIN, n) for n in (0, 1, 62, 63, 64, 65, 1000)], [shr(MAX, n) for n in (62, 63, 64)], shr(-5, 2000))


def pow_int(b, e):
    return b ** e


for i in range(100):
    pow_int(i % 5, i % 4)
print([pow_int(2, e) for e in (62, 63, 64)], pow_int(-2, 63), pow_int(-2, 64), pow_int(3, 40), pow_int(3, 39), pow_int(10, 19), pow_int(-3, 41))
print(pow_int(2, -1), pow_int(-2, -3), pow_int(0, 0), pow_int(1, -5), pow_int(-1, 2**70 + 1))
try:
    pow_int(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def floordiv_mod(a, b):
    return a // b, a % b


for i in range(1, 300):
    floordiv_mod(i * 13 - 2000, i % 11 - 5 or 3)
print([floordiv_mod(a, b) for a, b in [(MIN, -1), (MIN, 1), (-7, 2), (7, -2), (-7, -2), (MIN, MAX), (MAX, MIN), (0, -5)]])


def hashmix(h, x):
    h = (h ^ x) * 1099511628211
    return h & 0xFFFFFFFFFFFFFFFF


h = 14695981039346656037
for x in range(5000):
    h = hashmix(h, x)
print(h)


def tri(n):
    return n * (n + 1) // 2


print([tri(n) for n in (10, 2**31, 2**32, 4294967296 * 2, 2**62)])
big = MAX
vals = []
for i in range(5):
    big += 1
    vals.append(big)
    big = big * 2 - MAX
print(vals)
print(int(2**63 - 1.0) if False else int(9.2e18), int(-9.3e18), int(1e19), int(-1e19), int(2.0**63), int(-2.0**63))
print(MIN == -2**63, MAX + 1 == 2**63, MIN - 1, hash(MIN), hash(-1), hash(2**61 - 1), hash(2**64))

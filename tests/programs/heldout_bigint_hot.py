# Ints that grow past 2**63 in the middle of hot loops, then keep going.
def factorials(n):
    f = 1
    out = []
    for i in range(1, n + 1):
        f *= i
        if i % 5 == 0:
            out.append(f % 1000003)
    return f, out


def digit_sum(n):
    s = 0
    while n:
        n, d = divmod(n, 10)
        s += d
    return s


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def powers_sum(k):
    t = 0
    for i in range(k):
        t += 2 ** i
    return t


def modpow_table(base, m, count):
    res = []
    x = 1
    for e in range(count):
        res.append(pow(base, e * e + 7, m))
        x = (x * base) % m
    return res, x


def collatz_peak(n):
    peak = n
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        if n > peak:
            peak = n
        steps += 1
    return steps, peak


def mixed_grow(n):
    # crosses 2**63 and then comes back down
    x = 3
    hist = []
    for i in range(n):
        x = x * x + 1 if x < 10 ** 30 else x // 10 ** 20
        hist.append(x.bit_length())
    return hist


f, out = factorials(60)
print(f)
print(out)
print(digit_sum(f), len(str(f)))
for n in (50, 90, 92, 93, 94, 100, 200):
    print(n, fib(n))
print(powers_sum(70), powers_sum(64) == 2 ** 64 - 1)
print(modpow_table(7, 10 ** 9 + 7, 12))
print(modpow_table(2 ** 70 + 3, 2 ** 61 - 1, 6))
for start in (27, 97, 871, 77031, 837799, 2 ** 62 + 1):
    print(start, collatz_peak(start))
print(mixed_grow(40))
total = 0
for i in range(2000):
    total += i * i * i * 9_000_000_000
print(total, total > 2 ** 63)
neg = -1
for i in range(70):
    neg *= 2
print(neg, -neg - 1, neg // 3, neg % 7)
print(sum(i ** 5 for i in range(3000)))
print(pow(3, 200), pow(3, 200, 2 ** 64), pow(-3, 3, 7), pow(2, -1, 7))

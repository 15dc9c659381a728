def euler1(n):
    return sum(i for i in range(n) if i % 3 == 0 or i % 5 == 0)


def euler2(limit):
    a, b, s = 1, 2, 0
    while a <= limit:
        if a % 2 == 0:
            s += a
        a, b = b, a + b
    return s


def euler3(n):
    f = 2
    last = 1
    while f * f <= n:
        while n % f == 0:
            last = f
            n //= f
        f += 1
    return n if n > 1 else last


def euler4(lo, hi):
    best = 0
    for a in range(hi, lo - 1, -1):
        if a * hi < best:
            break
        for b in range(hi, a - 1, -1):
            p = a * b
            if p <= best:
                break
            s = str(p)
            if s == s[::-1]:
                best = p
    return best


def euler5(n):
    from math import gcd
    l = 1
    for i in range(2, n + 1):
        l = l * i // gcd(l, i)
    return l


def euler6(n):
    return sum(range(n + 1)) ** 2 - sum(i * i for i in range(n + 1))


def euler7(k):
    count = 0
    n = 1
    while count < k:
        n += 1
        if all(n % d for d in range(2, int(n ** 0.5) + 1)):
            count += 1
    return n


def euler9(total):
    for a in range(1, total):
        for b in range(a + 1, total - a):
            c = total - a - b
            if a * a + b * b == c * c:
                return a * b * c
    return -1


def euler10(n):
    sieve = bytearray([1]) * (n + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
    return sum(i for i in range(n + 1) if sieve[i])


def euler12(k):
    n = 1
    while True:
        t = n * (n + 1) // 2
        c = 0
        d = 1
        while d * d <= t:
            if t % d == 0:
                c += 2 if d * d != t else 1
            d += 1
        if c > k:
            return t
        n += 1


def euler14(limit):
    cache = {1: 1}
    best, best_n = 0, 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n not in cache:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        total = steps + cache[n]
        cache[start] = total
        if total > best:
            best, best_n = total, start
    return best_n, best


print(euler1(1000), euler2(4_000_000), euler3(600851475143), euler4(100, 999))
print(euler5(20), euler5(40), euler6(100), euler7(500), euler9(1000))
print(euler10(30000), euler12(100), euler14(30000))

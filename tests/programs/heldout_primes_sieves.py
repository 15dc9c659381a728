import math


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, math.isqrt(n) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]


def segmented_count(lo, hi, base):
    mark = [True] * (hi - lo)
    for p in base:
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            mark[m - lo] = False
    return sum(mark)


def totients(n):
    phi = list(range(n + 1))
    for i in range(2, n + 1):
        if phi[i] == i:
            for j in range(i, n + 1, i):
                phi[j] -= phi[j] // i
    return phi


def miller_rabin(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def goldbach(n, primes_set):
    for p in sorted(primes_set):
        if n - p in primes_set:
            return p, n - p
    return None


ps = sieve(20000)
print(len(ps), ps[-5:], sum(ps))
print(segmented_count(10 ** 6, 10 ** 6 + 5000, ps))
phi = totients(5000)
print(sum(phi), phi[1000:1010], max(range(2, 5001), key=lambda k: k / phi[k]))
big = [2 ** 61 - 1, 2 ** 64 + 13, 10 ** 18 + 9, 10 ** 18 + 7, 1000000007 * 998244353, 2 ** 89 - 1]
print([miller_rabin(x) for x in big])
pset = set(ps)
print([goldbach(n, pset) for n in (4, 28, 100, 9998)])
twins = sum(1 for a, b in zip(ps, ps[1:]) if b - a == 2)
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(twins, sorted(gaps.items())[:8], max(gaps))

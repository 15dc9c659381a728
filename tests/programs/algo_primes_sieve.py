# Prime sieves, factorisation and number theory helpers.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for multiple in range(p * p, n + 1, p):
                is_prime[multiple] = False
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]

primes = sieve(200)
print(len(primes), primes[:20], primes[-5:])

def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

for n in [2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1]:
    f = factorize(n)
    print(n, "=", " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items())))

def divisors(n):
    small, large = [], []
    i = 1
    while i * i <= n:
        if n % i == 0:
            small.append(i)
            if i != n // i:
                large.append(n // i)
        i += 1
    return small + large[::-1]

LIMIT = 10000
divisor_sum = [0] * LIMIT
for i in range(1, LIMIT // 2):
    for j in range(2 * i, LIMIT, i):
        divisor_sum[j] += i
perfect = [n for n in range(2, LIMIT) if divisor_sum[n] == n]
abundant = sum(1 for n in range(2, LIMIT) if divisor_sum[n] > n)
print("abundant below", LIMIT, ":", abundant, "| check 28:", sum(divisors(28)) - 28)
print("perfect:", perfect)
print("divisors of 360:", divisors(360))

def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result
print([totient(n) for n in range(1, 21)])

twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print("twin primes:", twins[:10])
goldbach = {}
pset = set(primes)
for even in range(4, 60, 2):
    for p in primes:
        if even - p in pset:
            goldbach[even] = (p, even - p)
            break
print(goldbach)
def segmented_count(lo, hi):
    return sum(1 for n in range(lo, hi) if all(n % p for p in primes if p * p <= n) and n > 1)
print(segmented_count(1000, 1100), segmented_count(10000, 10100))

# A sieve of Eratosthenes, twin primes with zip, gaps counted in a dict.
import math

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(math.isqrt(n)) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i in range(n + 1) if is_p[i]]

primes = sieve(60000)
print(len(primes), primes[-1])
# twin primes
tw = 0
for a, b in zip(primes, primes[1:]):
    if b - a == 2:
        tw += 1
print("twins", tw)
gaps = {}
for i in range(1, len(primes)):
    g = primes[i] - primes[i - 1]
    gaps[g] = gaps.get(g, 0) + 1
print(sorted(gaps.items())[:10])

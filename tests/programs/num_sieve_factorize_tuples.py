def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k, p in enumerate(is_p) if p]

def factorize(n, primes):
    out = []
    for p in primes:
        if p * p > n:
            break
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        if e:
            out.append((p, e))
    if n > 1:
        out.append((n, 1))
    return out

def divisors_count(fs):
    c = 1
    for _, e in fs:
        c *= e + 1
    return c

def phi(n, fs):
    r = n
    for p, _ in fs:
        r = r // p * (p - 1)
    return r

def twin_pairs(primes):
    return [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]

def goldbach(n, pset):
    for p in sorted(pset):
        if p > n // 2:
            break
        if n - p in pset:
            return p, n - p
    return None

def main():
    primes = sieve(5000)
    print(len(primes), primes[:10], primes[-3:], sum(primes))
    for n in (1, 2, 360, 9973, 2**31 - 1, 600851475143, 2**64 + 1, 10**18 + 9):
        fs = factorize(n, primes)
        print(n, fs, divisors_count(fs), phi(n, fs))
    tp = twin_pairs(primes)
    print(len(tp), tp[:5], tp[-1])
    pset = set(primes)
    print([goldbach(n, pset) for n in range(4, 40, 2)])
    gaps = [b - a for a, b in zip(primes, primes[1:])]
    print(max(gaps), gaps.index(max(gaps)), sum(gaps) / len(gaps))
    hist = {}
    for g in gaps:
        hist[g] = hist.get(g, 0) + 1
    print(sorted(hist.items())[:6])

main()

"""List-heavy numeric algorithms: sieve, sorts with tuple swaps, binary search, prefix sums,
matrices of floats, a histogram -- the kind of code the JIT compiles with lists in native code."""


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    primes = []
    for k, is_prime in enumerate(flags):
        if is_prime:
            primes.append(k)
    return primes


def bubble_sort(values):
    a = list(values)
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def insertion_sort(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def binary_search(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(a) and a[lo] == x else -1


def prefix_sums(a):
    out = [0] * (len(a) + 1)
    for i in range(len(a)):
        out[i + 1] = out[i] + a[i]
    return out


def identity(n):
    m = []
    for i in range(n):
        row = [0.0] * n
        row[i] = 1.0
        m.append(row)
    return m


def mat_mul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        ci = c[i]
        for k in range(m):
            aik = a[i][k]
            bk = b[k]
            for j in range(p):
                ci[j] += aik * bk[j]
    return c


def histogram(values, buckets, lo, hi):
    counts = [0] * buckets
    width = (hi - lo) / buckets
    for v in values:
        b = int((v - lo) / width)
        if b >= buckets:
            b = buckets - 1
        counts[b] += 1
    return counts


def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out


primes = sieve(200)
print(len(primes), primes[:10], primes[-3:], sum(primes), max(primes))
data = lcg(7, 60)
print(bubble_sort(data)[:12], data[:5])
print(insertion_sort(list(data))[-5:], insertion_sort([3.5, -1.0, 2.25, 0.0]))
ordered = bubble_sort(data)
print([binary_search(ordered, x) for x in (ordered[3], ordered[40], 1001, -5)])
print(prefix_sums([1, 2, 3, 4, 5]), prefix_sums([0.5, 0.25]), prefix_sums([]))
m = mat_mul([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[1.0, 0.5, 0.0], [2.0, 1.0, -1.0]])
print(m, mat_mul(m, identity(3)) == m)
print(histogram([x / 10 for x in data], 5, 0.0, 100.0), histogram([0.0, 99.99, 100.0], 4, 0.0, 100.0))
big = lcg(3, 3000)
print(sum(bubble_sort(big[:300])), insertion_sort(big[:200])[100], len(sieve(30000)))

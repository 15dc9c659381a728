# Fibonacci several ways: naive, memo dict, lru_cache, iterative, generator, closed form, fast doubling.
from functools import lru_cache

def fib_naive(n):
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)

memo = {0: 0, 1: 1}
def fib_memo(n):
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]

@lru_cache(maxsize=None)
def fib_cached(n):
    return n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def fib_doubling(n):
    if n == 0:
        return (0, 1)
    a, b = fib_doubling(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)

def fib_binet(n):
    phi = (1 + 5 ** 0.5) / 2
    return round(phi ** n / 5 ** 0.5)

print([fib_naive(i) for i in range(20)])
print(fib_memo(100), fib_cached(150), fib_iter(200))
g = fib_gen()
print([next(g) for _ in range(25)][-5:])
print(fib_doubling(300)[0] == fib_iter(300), fib_doubling(1000)[0] % 10 ** 10)
print([fib_binet(n) == fib_iter(n) for n in (10, 50, 70, 75, 80)])
print(len(memo), fib_cached.cache_info().currsize)
calls = 0
def counted(n):
    global calls
    calls += 1
    return n if n < 2 else counted(n - 1) + counted(n - 2)
counted(18)
print("naive calls for fib(18):", calls)
def fib_mod_period(m):
    a, b, i = 0, 1, 0
    while True:
        a, b = b, (a + b) % m
        i += 1
        if (a, b) == (0, 1):
            return i
print("Pisano periods:", [fib_mod_period(m) for m in range(2, 12)])
even_sum = sum(x for x in (fib_iter(i) for i in range(100)) if x % 2 == 0 and x < 4_000_000)
print("sum of even fibs below 4M:", even_sum)

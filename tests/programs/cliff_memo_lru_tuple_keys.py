# lru_cache recursion, a memo dict with tuple keys, iterative Fibonacci.
from functools import lru_cache

@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)

print(partitions(60, 60))

memo = {}
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = grid_paths(r - 1, c) + grid_paths(r, c - 1)
    memo[key] = v
    return v

print(grid_paths(40, 40) % 1000000007)

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000000007
    return a

s = 0
for i in range(200):
    s += fib_iter(i)
print(s % 1000000007)

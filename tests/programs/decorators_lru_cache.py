# functools.lru_cache and cache on recursive functions.
from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
info = fib.cache_info()
print(info.hits, info.misses, info.currsize)

@lru_cache(maxsize=2)
def ident(x):
    print("  computing", x)
    return x

for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(ident.cache_info())
ident.cache_clear()
print(ident.cache_info())

@cache
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)

print(grid_paths(16, 16))

@lru_cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(n, n) for n in range(1, 20)])

@lru_cache(maxsize=128, typed=True)
def typed_key(x):
    return type(x).__name__
print(typed_key(1), typed_key(1.0), typed_key(True), typed_key.cache_info().currsize)

@lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("python", "python")]:
    print(a, b, edit_distance(a, b))

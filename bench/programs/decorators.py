"""Decorated functions the way library code writes them: a memoizing decorator whose
wrapper takes `*args`, and a call-counting decorator that forwards `*args, **kwargs` — the
wrapper runs on every call, and the work is small per call.

Usage: python decorators.py [N]    N lattice-path and partition queries; prints checksums
"""

import sys


def memoize(f):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


def counted(f):
    calls = [0]

    def inner(*args, **kwargs):
        calls[0] += 1
        return f(*args, **kwargs)

    inner.calls = calls
    return inner


@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return (paths(r - 1, c) + paths(r, c - 1)) % 1_000_000_007


@memoize
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return (partitions(n - k, k) + partitions(n, k - 1)) % 1_000_000_007


@counted
def mix(a, b, *, scale=3):
    return (a * scale + b) % 1009


def main():
    n = 20_000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = 0
    for i in range(n):
        r, c = i % 120, (i * 7) % 120
        total = (total + paths(r, c) + partitions(i % 90, (i * 3) % 90)) % 1_000_000_007
        total = (total + mix(i, total, scale=i % 5) + mix(total, i)) % 1_000_000_007
    print(total, len(paths.cache), len(partitions.cache), mix.calls[0])


main()

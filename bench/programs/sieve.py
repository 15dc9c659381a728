"""Sieve of Eratosthenes, segmented: list indexing and item assignment in nested while loops,
iteration over a list, list append.  Segments of 65536 flags keep memory bounded at any size.

Usage: python sieve.py [N]    prints the number of primes below N.
"""

import sys

SEGMENT = 65536


def small_primes(limit):
    """The primes p with p * p < limit, by a plain sieve."""
    root = 1
    while root * root < limit:
        root += 1
    is_prime = [True] * (root + 1)
    primes = []
    for i in range(2, root + 1):
        if is_prime[i]:
            if i * i < limit:
                primes.append(i)
            j = i * i
            while j <= root:
                is_prime[j] = False
                j += i
    return primes


def count_primes(limit):
    base = small_primes(limit)
    flags = [True] * SEGMENT
    count = 0
    low = 0
    while low < limit:
        size = SEGMENT
        if low + size > limit:
            size = limit - low
        for i in range(size):
            flags[i] = True
        if low == 0:
            flags[0] = False
            if size > 1:
                flags[1] = False
        high = low + size
        for p in base:
            start = p * p
            if start >= high:
                break
            if start < low:
                start = (low + p - 1) // p * p
            j = start - low
            while j < size:
                flags[j] = False
                j += p
        for i in range(size):
            if flags[i]:
                count += 1
        low = high
    return count


def main():
    n = 200000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print(count_primes(n))


main()

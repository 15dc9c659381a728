"""Longest Collatz chain: integer-only loops with a data-dependent branch, no memoisation.

Usage: python collatz.py [N]    prints the start below N with the longest chain, and its length
(number of terms, counting the start and the final 1).
"""

import sys


def longest_chain(limit):
    best_start = 1
    best_length = 1
    start = 1
    while start < limit:
        x = start
        length = 1
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            length += 1
        if length > best_length:
            best_length = length
            best_start = start
        start += 1
    print(best_start)
    print(best_length)


def main():
    n = 10000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    longest_chain(n)


main()

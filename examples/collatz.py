"""Collatz steps: integer loops that the JIT compiles (the README's `jitvm compare` example).

Usage: python collatz.py N    prints the number of Collatz steps of all starts below N
"""

import sys


def steps(n):
    total = 0
    for start in range(1, n):
        x = start
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            total += 1
    return total


if __name__ == "__main__":
    print(steps(int(sys.argv[1])))

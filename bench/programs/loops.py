"""Nested integer loops: `for ... in range` iteration, integer multiply, modulo and add.

Usage: python loops.py [N]    prints the sum of (i * j) % 7 over 0 <= i, j < N
"""

import sys


def loops(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += i * j % 7
    return total


def main():
    n = 300
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print(loops(n))


main()

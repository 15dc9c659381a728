"""Recursive Fibonacci: measures function calls and returns, small-int arithmetic and a compare.

Usage: python fib.py [N]    prints fib(N)
"""

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 25
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print(fib(n))


main()

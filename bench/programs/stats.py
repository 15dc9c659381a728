"""Mean and variance over lists of floats with `total = 0` accumulators (an int that becomes
a float in the loop: a local whose type differs at the loop header), many calls.

Usage: python stats.py [N]    N calls over 8 lists of 500 floats; prints a checksum
"""

import sys


def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs)


def variance(xs):
    m = mean(xs)
    acc = 0
    for x in xs:
        d = x - m
        acc += d * d
    return acc / len(xs)


def main():
    n = 2000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    data = [[((i * 37 + k * 11) % 101) / 7.0 for i in range(500)] for k in range(8)]
    check = 0.0
    for r in range(n):
        xs = data[r % 8]
        check += mean(xs) + variance(xs)
    print(round(check, 6))


main()

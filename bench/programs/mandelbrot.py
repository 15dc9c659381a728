"""Mandelbrot set: float arithmetic in a tight escape-time loop with an early exit.

Usage: python mandelbrot.py [N]    scans an N x N grid over [-1.5, 0.5] x [-1, 1] with at most
50 iterations per point; prints the total iteration count and the number of points inside.
"""

import sys

MAX_ITER = 50


def mandelbrot(size):
    total = 0
    inside = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            i = 0
            while i < MAX_ITER:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            total += i
            if i == MAX_ITER:
                inside += 1
    print(total)
    print(inside)


def main():
    n = 100
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    mandelbrot(n)


main()

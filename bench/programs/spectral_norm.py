"""Spectral norm (benchmarks game): float division in a small function called from nested loops
over lists.

Usage: python spectral_norm.py [N]    prints the spectral norm of the infinite matrix
A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N (10 power iterations).
"""

import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s


def mul_atv(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out[i] = s


def mul_atav(v, out, tmp, n):
    mul_av(v, tmp, n)
    mul_atv(tmp, out, n)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        mul_atav(u, v, tmp, n)
        mul_atav(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vbv / vv) ** 0.5


def main():
    n = 100
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print(spectral_norm(n))


main()

"""Matrix multiplication: float arithmetic through lists of lists (row lookups, item access).

Usage: python matmul.py [N]    multiplies two N x N float matrices and prints a checksum (the
sum of all entries of the product) and one entry.
"""

import sys


def make_matrix(n, shift):
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append((i - j + shift) / n)
        rows.append(row)
    return rows


def matmul(a, b, n):
    c = []
    for i in range(n):
        a_row = a[i]
        row = []
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a_row[k] * b[k][j]
            row.append(s)
        c.append(row)
    return c


def main():
    n = 60
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = make_matrix(n, 1)
    b = make_matrix(n, 2)
    c = matmul(a, b, n)
    total = 0.0
    for i in range(n):
        row = c[i]
        for j in range(n):
            total += row[j]
    print(total)
    print(c[n // 2][n // 3])


main()

# Determinants by Gaussian elimination: max(range, key=lambda), row swaps.
import random
random.seed(13)

def det(m):
    n = len(m)
    a = [row[:] for row in m]
    d = 1.0
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        if abs(a[p][c]) < 1e-12:
            return 0.0
        if p != c:
            a[p], a[c] = a[c], a[p]
            d = -d
        d *= a[c][c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for k in range(c, n):
                a[r][k] -= f * a[c][k]
    return d

tot = 0.0
for t in range(4):
    m = [[random.uniform(-1, 1) for _ in range(25)] for _ in range(25)]
    tot += det(m)
print("%.6e" % tot)

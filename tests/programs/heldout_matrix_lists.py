# Matrices as lists of lists built with nested comprehensions.
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    bt = [[b[k][j] for k in range(m)] for j in range(p)]
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def matmul_loops(a, b):
    n = len(a)
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


def matpow(m, e, mod=None):
    r = identity(len(m))
    while e:
        if e & 1:
            r = matmul(r, m)
            if mod:
                r = [[x % mod for x in row] for row in r]
        m = matmul(m, m)
        if mod:
            m = [[x % mod for x in row] for row in m]
        e >>= 1
    return r


def det(m):
    m = [row[:] for row in m]
    n = len(m)
    d = 1.0
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        if m[p][c] == 0:
            return 0.0
        if p != c:
            m[p], m[c] = m[c], m[p]
            d = -d
        d *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n):
                m[r][k] -= f * m[c][k]
    return d


def transpose(m):
    return [list(t) for t in zip(*m)]


n = 12
a = [[(i * 7 + j * 3) % 11 - 5 for j in range(n)] for i in range(n)]
b = [[(i + j) % 5 for j in range(n)] for i in range(n)]
c1 = matmul(a, b)
c2 = matmul_loops(a, b)
print(c1 == c2, sum(map(sum, c1)), c1[3][:6])
fa = [[float(x) / 3 for x in row] for row in a]
c3 = matmul_loops(fa, b)
print(round(sum(map(sum, c3)), 6), c3[0][:3])
fibm = matpow([[1, 1], [1, 0]], 150)
print(fibm[0][1])
print(matpow([[1, 1], [1, 0]], 10 ** 6, 10 ** 9 + 7)[0][1])
print(round(det([[2.0, 1, 3], [0, -1, 4], [1, 2, 2]]), 9))
print(round(det([[float((i * j + i + 1) % 7) for j in range(8)] for i in range(8)]), 6))
print(transpose([[1, 2, 3], [4, 5, 6]]))
print([[x for x in row if x % 2] for row in identity(4)])
flat = [x for row in a for x in row if x > 3]
print(len(flat), sum(flat))
pascal = [[1]]
for i in range(30):
    prev = pascal[-1]
    pascal.append([1] + [prev[j] + prev[j + 1] for j in range(len(prev) - 1)] + [1])
print(pascal[30][15], sum(pascal[-1]) == 2 ** 30)
big = [[2 ** 40 + i * j for j in range(6)] for i in range(6)]
print(matmul_loops(big, big)[5])

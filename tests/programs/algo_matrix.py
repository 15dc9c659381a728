# Matrix operations with nested lists: multiply, transpose, determinant, inverse via fractions, power.
from fractions import Fraction

def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def mat_pow(m, p):
    result = identity(len(m))
    while p:
        if p & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        p >>= 1
    return result

def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))

def inverse(m):
    n = len(m)
    aug = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if aug[r][col] != 0)
        aug[col], aug[pivot] = aug[pivot], aug[col]
        pv = aug[col][col]
        aug[col] = [x / pv for x in aug[col]]
        for r in range(n):
            if r != col and aug[r][col] != 0:
                factor = aug[r][col]
                aug[r] = [x - factor * y for x, y in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]

def show(m, label):
    print(label)
    for row in m:
        print("  " + " ".join(f"{str(x):>6}" for x in row))

A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[1, 0], [0, 1], [2, -1]]
show(mat_mul(A, B), "A x B")
show(transpose(A), "A^T")
print("det(A) =", det(A), " det(I4) =", det(identity(4)))
inv = inverse(A)
show(inv, "A^-1")
show(mat_mul(A, inv), "A x A^-1")
fib = [[1, 1], [1, 0]]
print("fib(50) via matrix power:", mat_pow(fib, 50)[0][1])
print("rotation^4:", mat_pow([[0, -1], [1, 0]], 4))
print([[round(x, 3) for x in row] for row in mat_mul([[0.5, 0.25], [0.1, 0.2]], [[2.0, 0.0], [1.0, 3.0]])])
print(Fraction(3, 4) + Fraction(1, 6), Fraction(7, 21), float(Fraction(1, 8)), Fraction("0.125"))

# A Matrix class with operator overloading, indexing, iteration and equality.
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and equally long")
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]
    def __setitem__(self, pos, value):
        r, c = pos
        self.rows[r][c] = value
    def __iter__(self):
        return (tuple(r) for r in self.rows)
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __add__(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        if self.shape[1] != other.shape[0]:
            raise ValueError("cannot multiply")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        for _ in range(n):
            result = result @ self
        return result
    def __neg__(self):
        return -1 * self
    def __sub__(self, other):
        return self + (-other)
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        width = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(str(x).rjust(width) for x in r) + "]" for r in self.rows)

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b)
print(a @ b)
print(b @ a)
print(2 * a - b)
print(a ** 3)
print(repr(a.transpose()), a.shape, Matrix([[1, 2, 3]]).shape)
print(a == Matrix([[1, 2], [3, 4]]), a != b, a @ Matrix.identity(2) == a, list(a), a[1, 0])
a[0, 0] = 10
print(a, sum(sum(r) for r in a), max(max(r) for r in a))
for bad in [lambda: a + Matrix([[1, 2, 3]]), lambda: a @ Matrix([[1, 2, 3]]), lambda: Matrix([[1], [1, 2]]), lambda: "x" @ a]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
fib = Matrix([[1, 1], [1, 0]]) ** 30
print(fib[0, 1])

# Nested comprehensions: flattening, transposing, grids, products.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([x for row in matrix for x in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[x * 2 for x in row if x % 2] for row in matrix])
print([(i, j) for i in range(4) for j in range(i)])
print([[i * j for j in range(1, 5)] for i in range(1, 5)])
print([x for row in matrix if sum(row) > 10 for x in row if x % 2 == 0])
grid = [["." for _ in range(5)] for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(r) for r in grid))
pythag = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pythag)
print({(x, y): x * y for x in range(3) for y in range(3) if x != y})
print([[[k for k in range(j)] for j in range(i)] for i in range(4)])
words = ["hi", "there", "you"]
print([c for w in words for c in w if c not in "aeiou"])
print({w: {c: w.count(c) for c in w} for w in ["aab", "xyz"]})
print(sum(sum(row) for row in matrix), max(max(r) for r in matrix))
triangle = [[1]]
for _ in range(6):
    prev = triangle[-1]
    triangle.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in triangle:
    print(" ".join(str(v) for v in row).center(30))
cols = list(zip(*matrix))
print(cols)
print([list(c) for c in zip(*[iter(range(12))] * 4)])

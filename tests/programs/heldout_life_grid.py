def step(grid):
    h, w = len(grid), len(grid[0])
    new = [[False] * w for _ in range(h)]
    for i in range(h):
        for j in range(w):
            n = 0
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    if di or dj:
                        if grid[(i + di) % h][(j + dj) % w]:
                            n += 1
            new[i][j] = n == 3 or (grid[i][j] and n == 2)
    return new


def show(grid):
    return "\n".join("".join("#" if c else "." for c in row) for row in grid)


def rule30(width, steps):
    row = [0] * width
    row[width // 2] = 1
    lines = []
    for _ in range(steps):
        lines.append("".join(" *"[c] for c in row))
        row = [(row[(i - 1) % width] << 2 | row[i] << 1 | row[(i + 1) % width]) for i in range(width)]
        row = [(30 >> v) & 1 for v in row]
    return lines


g = [[False] * 20 for _ in range(16)]
for (i, j) in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (8, 8), (8, 9), (8, 10), (12, 14), (12, 15), (13, 14), (13, 15)]:
    g[i][j] = True
for gen in range(30):
    g = step(g)
print(show(g))
print(sum(map(sum, g)), sum(row.count(True) for row in g))
for line in rule30(41, 20):
    print(line.rstrip())
counts = [0] * 9
for i in range(16):
    for j in range(20):
        counts[(i * j) % 9] += g[i][j]
print(counts)

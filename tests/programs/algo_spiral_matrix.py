# Matrix traversals: spiral order, rotation, diagonals, flood fill.
def spiral(m):
    out = []
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        out += [m[top][c] for c in range(left, right + 1)]
        out += [m[r][right] for r in range(top + 1, bottom + 1)]
        if top < bottom:
            out += [m[bottom][c] for c in range(right - 1, left - 1, -1)]
        if left < right:
            out += [m[r][left] for r in range(bottom - 1, top, -1)]
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out

def make_spiral(n):
    grid = [[0] * n for _ in range(n)]
    r = c = 0
    dr, dc = 0, 1
    for k in range(1, n * n + 1):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n and grid[nr][nc] == 0):
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid

m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print(spiral(m), spiral([[1]]), spiral([[1, 2, 3]]), spiral([[1], [2], [3]]))
for row in make_spiral(5):
    print(" ".join(f"{v:2}" for v in row))
rotate = lambda g: [list(row) for row in zip(*g[::-1])]
print(rotate(m))
print(rotate(rotate(rotate(rotate(m)))) == m)
sq = make_spiral(4)
print([sq[i][i] for i in range(4)], [sq[i][3 - i] for i in range(4)])
def diagonals(g):
    h, w = len(g), len(g[0])
    return [[g[r][d - r] for r in range(h) if 0 <= d - r < w] for d in range(h + w - 1)]
print(diagonals(m))
image = [list("..##."), list(".#..#"), list(".#..#"), list("..##."), list(".....")]
def flood(img, r, c, new):
    old = img[r][c]
    if old == new:
        return 0
    stack, filled = [(r, c)], 0
    while stack:
        r, c = stack.pop()
        if 0 <= r < len(img) and 0 <= c < len(img[0]) and img[r][c] == old:
            img[r][c] = new
            filled += 1
            stack.extend([(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)])
    return filled
print("filled outside:", flood(image, 0, 0, "~"), "inside:", flood(image, 1, 2, "o"))
print("\n".join("".join(row) for row in image))

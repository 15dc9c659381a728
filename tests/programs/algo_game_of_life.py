# Conway's Game of Life on a small toroidal grid, with sets and lists.
def parse(rows):
    return {(r, c) for r, line in enumerate(rows) for c, ch in enumerate(line) if ch == "#"}

def step(live, h, w):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % h, (c + dc) % w)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def render(live, h, w):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(w)) for r in range(h))

H, W = 8, 10
glider = parse([".#", "..#", "###"])
state = glider
for gen in range(5):
    print(f"generation {gen}: {len(state)} alive")
    print(render(state, H, W))
    state = step(state, H, W)

blinker = parse(["", " ###"])
history = [sorted(blinker)]
s = blinker
for _ in range(4):
    s = step(s, H, W)
    history.append(sorted(s))
print("blinker period 2:", history[0] == history[2] == history[4], history[1])

def grid_step(grid):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = sum(grid[(r + dr) % h][(c + dc) % w] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
            new[r][c] = 1 if n == 3 or (n == 2 and grid[r][c]) else 0
    return new
grid = [[1 if (r, c) in glider else 0 for c in range(W)] for r in range(H)]
for _ in range(20):
    grid = grid_step(grid)
s = glider
for _ in range(20):
    s = step(s, H, W)
print("list and set versions agree:", {(r, c) for r in range(H) for c in range(W) if grid[r][c]} == s)
print(render(s, H, W))

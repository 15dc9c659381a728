import heapq


def make_grid(w, h, seed):
    grid = []
    x = seed
    for r in range(h):
        row = []
        for c in range(w):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            row.append(1 if x % 100 < 28 else 0)
        grid.append(row)
    grid[0][0] = grid[h - 1][w - 1] = 0
    return grid


def astar(grid, start, goal):
    h, w = len(grid), len(grid[0])
    open_heap = [(0, 0, start)]
    g = {start: 0}
    came = {}
    expanded = 0
    while open_heap:
        f, cost, cur = heapq.heappop(open_heap)
        if cur == goal:
            path = [cur]
            while cur in came:
                cur = came[cur]
                path.append(cur)
            return cost, len(path), expanded
        if cost > g.get(cur, float("inf")):
            continue
        expanded += 1
        r, c = cur
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and not grid[nr][nc]:
                nxt = (nr, nc)
                ng = cost + 1
                if ng < g.get(nxt, float("inf")):
                    g[nxt] = ng
                    came[nxt] = cur
                    heapq.heappush(open_heap, (ng + abs(goal[0] - nr) + abs(goal[1] - nc), ng, nxt))
    return None, 0, expanded


def flood_regions(grid):
    h, w = len(grid), len(grid[0])
    seen = [[False] * w for _ in range(h)]
    sizes = []
    for r in range(h):
        for c in range(w):
            if grid[r][c] or seen[r][c]:
                continue
            stack = [(r, c)]
            seen[r][c] = True
            n = 0
            while stack:
                y, x = stack.pop()
                n += 1
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < h and 0 <= nx < w and not grid[ny][nx] and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
            sizes.append(n)
    return sorted(sizes, reverse=True)[:5], len(sizes)


for seed in (1, 7):
    grid = make_grid(24, 16, seed)
    print(seed, astar(grid, (0, 0), (15, 23)), flood_regions(grid))

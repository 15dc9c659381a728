# BFS over a grid with collections.deque, tuple unpacking, lists of lists.
from collections import deque
import random
random.seed(5)
W, H = 40, 40
grid = [[1 if random.random() < 0.28 else 0 for _ in range(W)] for _ in range(H)]
grid[0][0] = 0
grid[H - 1][W - 1] = 0

def bfs(grid, start, goal):
    h = len(grid)
    w = len(grid[0])
    dist = [[-1] * w for _ in range(h)]
    sx, sy = start
    dist[sy][sx] = 0
    q = deque([start])
    while q:
        x, y = q.popleft()
        if (x, y) == goal:
            return dist[y][x]
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < w and 0 <= ny < h and grid[ny][nx] == 0 and dist[ny][nx] < 0:
                dist[ny][nx] = dist[y][x] + 1
                q.append((nx, ny))
    return -1

print(bfs(grid, (0, 0), (W - 1, H - 1)))
reach = 0
for k in range(3):
    r = bfs(grid, (0, 0), (-1, -1))
print(r)

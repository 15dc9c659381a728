# Graph traversal: BFS shortest paths, DFS, topological sort, connected components, cycle detection.
from collections import deque

edges = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"), ("F", "G")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
for node in graph:
    graph[node].sort()

def bfs(start):
    dist = {start: 0}
    parent = {start: None}
    q = deque([start])
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                parent[v] = u
                q.append(v)
    return order, dist, parent

order, dist, parent = bfs("A")
print("bfs order:", order)
print("distances:", dict(sorted(dist.items())))
def path_to(target):
    path = []
    while target is not None:
        path.append(target)
        target = parent[target]
    return path[::-1]
print("path A->E:", path_to("E"))

def dfs_recursive(u, seen=None):
    if seen is None:
        seen = []
    seen.append(u)
    for v in graph[u]:
        if v not in seen:
            dfs_recursive(v, seen)
    return seen
print("dfs recursive:", dfs_recursive("A"))

def dfs_iterative(start):
    seen, stack = [], [start]
    while stack:
        u = stack.pop()
        if u in seen:
            continue
        seen.append(u)
        stack.extend(reversed(graph[u]))
    return seen
print("dfs iterative:", dfs_iterative("A"))

def components():
    seen, comps = set(), []
    for node in sorted(graph):
        if node not in seen:
            comp = dfs_iterative(node)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print("components:", components())

deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "core": [], "tests": ["app"]}
def topo_sort(deps):
    state, out = {}, []
    def visit(n):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError(f"cycle at {n}")
        state[n] = "active"
        for d in deps[n]:
            visit(d)
        state[n] = "done"
        out.append(n)
    for n in sorted(deps):
        visit(n)
    return out
print("topo:", topo_sort(deps))
try:
    topo_sort({"a": ["b"], "b": ["c"], "c": ["a"]})
except ValueError as e:
    print("ValueError:", e)

grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def grid_bfs():
    rows, cols = len(grid), len(grid[0])
    start = end = None
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "S": start = (r, c)
            if grid[r][c] == "E": end = (r, c)
    q, dist = deque([start]), {start: 0}
    while q:
        r, c = q.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return dist.get(end, -1)
print("maze shortest path:", grid_bfs())

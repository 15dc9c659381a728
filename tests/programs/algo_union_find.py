# Union-find (disjoint sets) for connectivity and Kruskal's minimum spanning tree.
class DisjointSet:
    def __init__(self, items):
        self.parent = {x: x for x in items}
        self.rank = {x: 0 for x in items}
        self.count = len(self.parent)
    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.count -= 1
        return True
    def groups(self):
        out = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted(sorted(g) for g in out.values())

ds = DisjointSet(range(10))
for a, b in [(0, 1), (2, 3), (1, 3), (5, 6), (7, 8), (8, 9), (9, 7), (4, 4)]:
    print(f"union({a}, {b}) -> {ds.union(a, b)}, sets = {ds.count}")
print(ds.groups())
print(ds.find(3) == ds.find(0), ds.find(5) == ds.find(9))

edges = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"), (5, "C", "E"),
         (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G")]
def kruskal(nodes, edges):
    ds = DisjointSet(nodes)
    tree = []
    for w, u, v in sorted(edges):
        if ds.union(u, v):
            tree.append((u, v, w))
    return tree
mst = kruskal("ABCDEFG", edges)
for u, v, w in mst:
    print(f"  {u}-{v} ({w})")
print("total weight:", sum(w for *_, w in mst), "edges:", len(mst))

def count_islands(grid):
    cells = [(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "#"]
    ds = DisjointSet(cells)
    for r, c in cells:
        for nr, nc in ((r + 1, c), (r, c + 1)):
            if (nr, nc) in ds.parent:
                ds.union((r, c), (nr, nc))
    return ds.count, [len(g) for g in ds.groups()]
print(count_islands(["##..#", "#...#", "..#..", "....#", "###.#"]))
words = ["cat", "bat", "rat", "dog", "dot", "cot", "cog", "xyz"]
ds = DisjointSet(words)
for i, a in enumerate(words):
    for b in words[i + 1:]:
        if sum(x != y for x, y in zip(a, b)) == 1:
            ds.union(a, b)
print(ds.groups())

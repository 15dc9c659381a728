def lcg(seed):
    while True:
        seed = (seed * 214013 + 2531011) % 2 ** 32
        yield (seed >> 16) & 0x7FFF


def dist2(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b))


def kmeans(points, k, iters):
    centers = points[:k]
    assign = []
    for _ in range(iters):
        assign = [min(range(k), key=lambda c: dist2(p, centers[c])) for p in points]
        new = []
        for c in range(k):
            members = [p for p, a in zip(points, assign) if a == c]
            if members:
                dim = len(members[0])
                new.append(tuple(sum(m[d] for m in members) / len(members) for d in range(dim)))
            else:
                new.append(centers[c])
        if new == centers:
            break
        centers = new
    return centers, assign


g = lcg(2024)
pts = []
for i in range(300):
    cx, cy = [(0, 0), (50, 50), (100, 0)][i % 3]
    pts.append((cx + next(g) % 20 - 10, cy + next(g) % 20 - 10))
centers, assign = kmeans(pts, 3, 20)
print([tuple(round(v, 4) for v in c) for c in centers])
print([assign.count(c) for c in range(3)])
inertia = sum(dist2(p, centers[a]) for p, a in zip(pts, assign))
print(round(inertia, 4))
pts3 = [(float(next(g) % 100), float(next(g) % 100), float(next(g) % 100)) for _ in range(200)]
c3, a3 = kmeans(pts3, 4, 10)
print([tuple(round(v, 3) for v in c) for c in c3], sorted(a3.count(c) for c in range(4)))

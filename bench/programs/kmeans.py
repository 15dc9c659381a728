"""k-means clustering of 2-D points written the idiomatic way: generator expressions inside
sum() and min(), list comprehensions, zip.  Each step assigns every point to its nearest
centroid and moves each centroid to the mean of its points.

Usage: python kmeans.py [N]    N steps over 2000 points and 8 clusters; prints the centroids
"""

import sys


def points(n, seed):
    out = []
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        x = (state % 10000) / 100.0
        state = (state * 1103515245 + 12345) % 2147483648
        y = (state % 10000) / 100.0
        out.append([x + (i % 8) * 10.0, y - (i % 8) * 5.0])
    return out


def distance2(p, c):
    return sum((a - b) * (a - b) for a, b in zip(p, c))


def nearest(p, centroids):
    best = min(distance2(p, c) for c in centroids)
    for k in range(len(centroids)):
        if distance2(p, centroids[k]) == best:
            return k
    return -1


def step(pts, centroids):
    groups = [[] for c in centroids]
    for p in pts:
        groups[nearest(p, centroids)].append(p)
    new = []
    for k, g in enumerate(groups):
        if not g:
            new.append(centroids[k])
            continue
        n = len(g)
        new.append([sum(p[0] for p in g) / n, sum(p[1] for p in g) / n])
    return new


def main():
    steps = 10
    if len(sys.argv) > 1:
        steps = int(sys.argv[1])
    pts = points(2000, 42)
    centroids = [list(p) for p in pts[:8]]
    for s in range(steps):
        centroids = step(pts, centroids)
    moved = sum(abs(c[0]) + abs(c[1]) for c in centroids)
    print([[round(v, 6) for v in c] for c in centroids])
    print(round(moved, 6))


main()

# Closest pair and a convex hull over points as tuples.
import random
import math
random.seed(77)
pts = [(random.uniform(-100, 100), random.uniform(-100, 100)) for _ in range(150)]

def dist(p, q):
    dx = p[0] - q[0]
    dy = p[1] - q[1]
    return math.sqrt(dx * dx + dy * dy)

best = float("inf")
pair = None
for i in range(len(pts)):
    for j in range(i + 1, len(pts)):
        d = dist(pts[i], pts[j])
        if d < best:
            best = d
            pair = (i, j)
print(round(best, 6), pair)

def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

def hull(points):
    points = sorted(points)
    lower = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper = []
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]

h = hull(pts)
print(len(h))
per = 0.0
for i in range(len(h)):
    per += dist(h[i], h[(i + 1) % len(h)])
print(round(per, 6))

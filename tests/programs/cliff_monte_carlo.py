# Monte Carlo pi and random walks with a seeded random, math.hypot.
import random
import math

def estimate_pi(n):
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n

def random_walk(steps):
    x = y = 0
    for _ in range(steps):
        d = random.randint(0, 3)
        if d == 0:
            x += 1
        elif d == 1:
            x -= 1
        elif d == 2:
            y += 1
        else:
            y -= 1
    return math.hypot(x, y)

random.seed(12345)
print(estimate_pi(20000))
dists = [random_walk(1000) for _ in range(20)]
print(round(sum(dists) / len(dists), 6))
g = [random.gauss(0, 1) for _ in range(5000)]
mean = sum(g) / len(g)
var = sum((v - mean) ** 2 for v in g) / len(g)
print(round(mean, 6), round(var, 6))

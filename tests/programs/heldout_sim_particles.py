class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return self.state >> 33

    def uniform(self):
        return self.next() / (1 << 31)


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy

    def step(self, dt, w, h):
        self.x += self.vx * dt
        self.y += self.vy * dt
        bounced = 0
        if self.x < 0 or self.x > w:
            self.vx = -self.vx
            self.x = min(max(self.x, 0), w)
            bounced += 1
        if self.y < 0 or self.y > h:
            self.vy = -self.vy
            self.y = min(max(self.y, 0), h)
            bounced += 1
        return bounced


def simulate(n, steps):
    rng = LCG(42)
    ps = [Particle(rng.uniform() * 10, rng.uniform() * 10, rng.uniform() - 0.5, rng.uniform() * 2 - 1) for _ in range(n)]
    bounces = 0
    for s in range(steps):
        for p in ps:
            bounces += p.step(0.5, 10, 10)
    cx = sum(p.x for p in ps) / n
    cy = sum(p.y for p in ps) / n
    energy = sum(0.5 * (p.vx ** 2 + p.vy ** 2) for p in ps)
    return bounces, round(cx, 9), round(cy, 9), round(energy, 9)


print(simulate(30, 200))
rng = LCG(7)
hist = [0] * 10
for _ in range(5000):
    hist[int(rng.uniform() * 10)] += 1
print(hist, sum(hist))
inside = 0
for _ in range(5000):
    x, y = rng.uniform(), rng.uniform()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / 5000)
walk = 0
maxw = 0
for _ in range(3000):
    walk += 1 if rng.next() & 1 else -1
    maxw = max(maxw, abs(walk))
print(walk, maxw, rng.state)

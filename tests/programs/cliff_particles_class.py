# Particles bouncing in a box: float attributes updated by a method.
import math
import random

class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 100:
            self.vx = -self.vx
        if self.y < 0 or self.y > 100:
            self.vy = -self.vy

    def energy(self):
        return 0.5 * (self.vx * self.vx + self.vy * self.vy)

random.seed(42)
ps = [Particle(random.uniform(0, 100), random.uniform(0, 100),
               random.uniform(-5, 5), random.uniform(-5, 5)) for _ in range(50)]
for t in range(60):
    for p in ps:
        p.step(0.01)
e = 0.0
for p in ps:
    e += p.energy()
print(round(e, 6))
cx = sum(p.x for p in ps) / len(ps)
print(round(cx, 6))

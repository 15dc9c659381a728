"""Particles as objects: a small `Vec` class with methods that make new vectors, and a
`Particle` class holding two of them, stepped in a loop — attribute reads and writes, method
calls and object creation on every step, the way object-oriented numeric code is written.

Usage: python particles.py [N]    N steps of 16 particles in a box; prints a checksum
"""

import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self, dt, gravity):
        self.vel = self.vel.add(gravity.scale(dt))
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.y < 0.0:
            self.pos = Vec(self.pos.x, -self.pos.y)
            self.vel = Vec(self.vel.x, -0.9 * self.vel.y)
        if self.pos.x < 0.0 or self.pos.x > 10.0:
            self.vel = Vec(-self.vel.x, self.vel.y)

    def energy(self, gravity):
        return 0.5 * self.vel.dot(self.vel) - gravity.dot(self.pos)


def simulate(particles, steps, dt):
    gravity = Vec(0.0, -9.81)
    for _ in range(steps):
        for p in particles:
            p.step(dt, gravity)
    total = 0.0
    for p in particles:
        total += p.energy(gravity)
    return total


def main():
    n = 2000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    particles = [Particle(Vec(0.5 + i * 0.6, 1.0 + (i % 5)), Vec(1.0 - i * 0.1, 0.0))
                 for i in range(16)]
    print(round(simulate(particles, n, 0.001), 6))


main()

# A Vec class with __slots__ and __add__/__sub__/__mul__ in an n-body loop.
import math

class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z
    def norm(self):
        return math.sqrt(self.dot(self))

bodies = [Vec(math.cos(i), math.sin(i), i * 0.01) for i in range(30)]
vels = [Vec(0.0, 0.0, 0.0) for _ in range(30)]
for step in range(6):
    for i in range(30):
        acc = Vec(0.0, 0.0, 0.0)
        for j in range(30):
            if i != j:
                d = bodies[j] - bodies[i]
                r = d.norm() + 0.01
                acc = acc + d * (1.0 / (r * r * r))
        vels[i] = vels[i] + acc * 0.0001
    for i in range(30):
        bodies[i] = bodies[i] + vels[i] * 0.01
print(round(sum(b.norm() for b in bodies), 6))

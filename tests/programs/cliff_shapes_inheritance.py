# Shapes with inheritance and super().__init__, a polymorphic area() call.
import math
import random

class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return "%s(%.2f)" % (type(self).__name__, self.area())

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r * self.r

class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

random.seed(31)
shapes = []
for i in range(3000):
    k = random.randrange(3)
    if k == 0:
        shapes.append(Circle(random.uniform(0.5, 3)))
    elif k == 1:
        shapes.append(Rect(random.uniform(1, 4), random.uniform(1, 4)))
    else:
        shapes.append(Square(random.uniform(1, 4)))
total = 0.0
for s in shapes:
    total += s.area()
print(round(total, 4))
shapes.sort(key=lambda s: s.area())
print(shapes[0].describe(), shapes[-1].describe())
counts = {}
for s in shapes:
    n = type(s).__name__
    counts[n] = counts.get(n, 0) + 1
print(sorted(counts.items()))

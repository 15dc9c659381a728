class Counter:
    def __init__(self):
        self.n = 0

    def tick(self, k=1):
        self.n += k
        return self.n


class Fancy(Counter):
    def tick(self, k=1):
        self.n += 2 * k
        return self.n


def drive(objs, rounds):
    total = 0
    for r in range(rounds):
        for o in objs:
            total += o.tick()
    return total


a, b = Counter(), Fancy()
print(drive([a, b], 200), a.n, b.n)
Counter.tick = lambda self, k=1: setattr(self, "n", self.n - k) or self.n
print(drive([a, b], 200), a.n, b.n)
b.tick = lambda k=1: 1000
print(drive([a, b], 50), a.n, b.n)
del b.tick
print(drive([b], 50), b.n)


class Shape:
    sides = 0

    def describe(self):
        return self.sides * 10


class Tri(Shape):
    sides = 3


class Sq(Shape):
    sides = 4


shapes = [Tri(), Sq(), Tri(), Shape()]
res = 0
for i in range(400):
    res += shapes[i % 4].describe()
    if i == 200:
        Tri.sides = 30
    if i == 300:
        shapes[1].sides = 0.5
print(res)


class Lazy:
    def __init__(self):
        self.cache = None

    @property
    def value(self):
        if self.cache is None:
            self.cache = 42
        return self.cache

    def __getattr__(self, name):
        return len(name)


lz = Lazy()
t = 0
for i in range(300):
    t += lz.value + lz.abc + lz.longer_name
    if i == 150:
        lz.cache = 1.5
print(t)
bound = a.tick
s = 0
for i in range(500):
    s += bound(2)
print(s, a.n)
meths = [str.upper, str.lower, str.title]
print([m("hELLo wORLD") for m in meths for _ in range(2)][::2])


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


acc = Vec(0, 0)
for i in range(1000):
    acc = acc + Vec(i, -i)
    if i == 600:
        Vec.__add__ = lambda s, o: Vec(s.x + o.x * 2, s.y)
print(acc)

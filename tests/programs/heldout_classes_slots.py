import math


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    @property
    def norm(self):
        return math.sqrt(self.dot(self))

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}: {self.area():.3f}"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self._r = r

    @property
    def r(self):
        return self._r

    @r.setter
    def r(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v

    def area(self):
        return math.pi * self._r ** 2


def simulate(n):
    p = Vec(0.0, 0.0)
    v = Vec(1, 2)
    for i in range(n):
        p = p + v * 0.01
        if i % 100 == 0:
            v = Vec(-v.y, v.x)
    return p


print(simulate(1000))
print(Vec(1, 2) + Vec(3, 4), 2 * Vec(1, 1), Vec(3, 4).norm, Vec(1, 2) == Vec(1, 2), Vec(1, 2) == (1, 2))
try:
    Vec(1, 2).z = 3
except AttributeError as e:
    print("AttributeError:", e)
shapes = [Rect(2, 3), Square(4), Circle(1.5), Rect(0.5, 10)]
for s in shapes:
    print(s.describe())
total = 0.0
for i in range(2000):
    total += shapes[i % 4].area()
print(round(total, 6), Shape.count)
c = shapes[2]
c.r = 2
print(c.r, c.area())
try:
    c.r = -1
except ValueError as e:
    print("ValueError:", e)
try:
    Shape("x").area()
except NotImplementedError:
    print("abstract")
print(isinstance(shapes[1], Rect), issubclass(Square, Shape), type(shapes[1]).__mro__[1].__name__)


class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amt):
        if amt <= 0:
            raise ValueError(f"bad amount {amt}")
        self.balance += amt
        self.history.append(amt)
        return self

    def withdraw(self, amt):
        if amt > self.balance:
            raise RuntimeError("insufficient funds")
        self.balance -= amt
        self.history.append(-amt)
        return self

    def accrue(self):
        self.balance = round(self.balance * (1 + self.interest), 2)

    @classmethod
    def joint(cls, a, b):
        return cls(a + "&" + b, 100)

    @staticmethod
    def fee(x):
        return max(1, x // 100)


class Savings(Account):
    interest = 0.05

    def withdraw(self, amt):
        return super().withdraw(amt + self.fee(amt))


accts = [Account("a"), Savings("b", 1000), Account.joint("c", "d")]
fails = 0
for i in range(300):
    acc = accts[i % 3]
    try:
        if i % 5 == 0:
            acc.withdraw(i * 3)
        else:
            acc.deposit(i % 17)
    except (ValueError, RuntimeError) as e:
        fails += 1
    if i % 50 == 0:
        acc.accrue()
for a in accts:
    print(a.owner, a.balance, len(a.history), sum(a.history))
print(fails, Savings.fee(12345), type(accts[2]).__name__)

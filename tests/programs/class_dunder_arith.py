# Arithmetic dunders: __add__, __radd__, __iadd__, __mul__, __neg__, __abs__, NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", other)
        return self + other
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __bool__(self):
        return bool(self.x or self.y)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b))
print(a + 1, 1 + a, sum([a, b, Vec(0, 1)], Vec(0, 0)))
print(sum([a, b]))
print(a == Vec(1, 2), a != b, bool(Vec(0, 0)), bool(a))
c = a
c += b
print(c, a, c is a)
try:
    a + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    "str" - a
except TypeError as e:
    print("TypeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __lshift__(self, x):
        self.items.insert(0, x)
        return self
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rshift__(self, o): return "rshift"
    def __invert__(self): return "invert"
    def __matmul__(self, o): return "matmul"
acc = Acc()
orig = acc
acc += 1
acc += 2
acc << 0
print(acc.items, acc is orig, acc & 1, acc | 1, acc ^ 1, acc >> 1, ~acc, acc @ acc)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
print(Money(150) + Money(275), max(Money(5), Money(500), Money(50)))

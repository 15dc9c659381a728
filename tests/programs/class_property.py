# property with getter, setter, deleter; computed attributes and validation.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"temperature {value} below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)

class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
c = Circle(2)
print(c.area)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    def __init__(self):
        self.computed = 0
    def _get(self):
        self.computed += 1
        return "value"
    value = property(_get, doc="old-style property")
lz = Lazy()
print(lz.value, lz.value, lz.computed, Lazy.value.__doc__, type(Lazy.value).__name__)

class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Derived().name)

class Account:
    def __init__(self):
        self._balance = 0
    balance = property(lambda self: self._balance)
    def deposit(self, x):
        self._balance += x
a = Account()
a.deposit(50)
print(a.balance)
try:
    del a.balance
except AttributeError as e:
    print("AttributeError:", e)

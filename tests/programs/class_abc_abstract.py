# abc.ABC abstract base classes.
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class HalfDone(Shape):
    def area(self):
        return 0

try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
try:
    HalfDone()
except TypeError as e:
    print("TypeError:", e)
r = Rect(3, 4.5)
print(r.describe(), isinstance(r, Shape), issubclass(Rect, ABC))

class Plugin(ABC):
    name = "base"
    @property
    @abstractmethod
    def version(self):
        ...
    @classmethod
    def create(cls):
        return cls()
class V1(Plugin):
    name = "v1"
    @property
    def version(self):
        return 1
p = V1.create()
print(p.name, p.version, sorted(Plugin.__abstractmethods__), sorted(V1.__abstractmethods__))
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return hasattr(C, "__len__")
        return NotImplemented
print(isinstance([], Sized), isinstance(5, Sized), issubclass(str, Sized))
class Registered(ABC):
    pass
Registered.register(tuple)
print(isinstance((1,), Registered), issubclass(tuple, Registered), isinstance([], Registered))

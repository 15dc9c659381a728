"""Helper module with classes, __all__ and a module-level registry."""
import math

__all__ = ["Circle", "Square", "area_of", "REGISTRY"]

REGISTRY = []


def _register(cls):
    REGISTRY.append(cls.__name__)
    return cls


@_register
class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


@_register
class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def area_of(shape):
    return round(shape.area(), 3)


def not_exported():
    return "only reachable by explicit import"

# functools: reduce, partial, cmp_to_key, total_ordering, singledispatch, cached_property.
import functools
from functools import reduce, partial, cmp_to_key, singledispatch, cached_property

print(reduce(lambda a, b: a + b, range(10)), reduce(max, [3, 8, 1]), reduce(lambda acc, c: c + acc, "abc", ""))
pow2 = partial(pow, 2)
print(pow2(10), pow2(0))
int_base2 = partial(int, base=2)
print(int_base2("1011"), int_base2.func.__name__, int_base2.keywords)
def greet(greeting, name, punct="!"):
    return f"{greeting}, {name}{punct}"
hello = partial(greet, "Hello")
print(hello("Ann"), hello("Bob", punct="?"), partial(hello, punct=".")("Cy"))

def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(compare)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

@singledispatch
def describe(x):
    return f"object: {x!r}"
@describe.register
def _(x: int):
    return f"int: {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}: " + ", ".join(describe(i) for i in x)
@describe.register(str)
def _(x):
    return f"str: {x.upper()}"
print(describe(5))
print(describe("hi"))
print(describe([1, "a", 2.5]))
print(describe(True))

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("  computing area")
        return round(3.14159 * self.r ** 2, 2)
c = Circle(3)
print(c.area, c.area)
c.r = 10
print(c.area)
del c.area
print(c.area)

@functools.total_ordering
class Num:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(Num(1) <= Num(2), Num(3) >= Num(3), Num(5) > Num(4))
print(reduce(lambda d, k: {**d, k: len(d)}, "abc", {}))
composed = reduce(lambda f, g: lambda x: g(f(x)), [lambda x: x + 1, lambda x: x * 3, str])
print(repr(composed(4)))

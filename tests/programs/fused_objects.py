"""sum/min/max/any/all of generator expressions over objects with their own __add__, __lt__,
__gt__ and __bool__ (the builtin's exact sequence of calls, printed), compare results that
are not bools, strings, lists, tuples and iterables with their own __iter__ (subclasses of
list, tuple and str included), in compiled callers."""


class V:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        m = other if isinstance(other, int) else other.n
        print("add", self.n, m)
        return V(self.n + m)

    __radd__ = __add__

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n

    def __gt__(self, other):
        print("gt", self.n, other.n)
        return self.n > other.n

    def __bool__(self):
        print("bool", self.n)
        return self.n != 0

    def __repr__(self):
        return f"V({self.n})"


class Truthy:
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        print("truthy", self.b)
        return self.b


class Weird:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return Truthy(self.n < other.n)

    def __gt__(self, other):
        return Truthy(self.n > other.n)

    def __repr__(self):
        return f"W({self.n})"


class Bag:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("Bag.__iter__")
        return iter(range(self.n))


class L(list):
    def __iter__(self):
        return iter([x * 10 for x in list.__iter__(self)])


class T(tuple):
    def __iter__(self):
        return iter((7, 8))


class S(str):
    def __iter__(self):
        return iter(["zz", "yy"])


def total(v):
    return sum(x for x in v)


def total0(v):
    return sum((V(x) for x in v), 0)


def largest(v):
    return max(x for x in v)


def smallest(v):
    return min(x for x in v)


def some(v):
    return any(x for x in v)


def every(v):
    return all(x for x in v)


def text(v):
    return max(c for c in v), min(c * 2 for c in v), sum(len(c) for c in v)


def glue(v):
    return sum(([x] for x in v), []), sum(((x,) for x in v), ())


def everything(v):
    return sum(x for x in v), max(x for x in v), [x for x in v], any(x == 20 for x in v)


for i in range(3):
    print(total([V(1), V(2), V(3)]), total0([1, 2]))
    print(largest([V(1), V(3), V(2), V(3)]), smallest([V(2), V(1), V(1), V(5)]))
    print(some([V(0), V(0), V(4), V(5)]), every([V(1), V(0), V(4)]))
    print(largest([Weird(1), Weird(3), Weird(2)]), smallest([Weird(2), Weird(1)]))
for i in range(30):
    r = (text("hello"), text(["b", "a", "c"]), text(("xy", "z")), glue(range(4)),
         largest([(1, 2), (1, 3), (0, 9)]), smallest([[2], [1, 5], [1]]),
         some([0, 0.0, "", [], 3]), every([1, "x", [0], 0.0]), some(Bag(0)), every(Bag(3)))
print(r)
for i in range(30):
    r = everything([1, 2]), everything(L([1, 2])), everything(T((1, 2))), text(S("ab"))
print(r)
try:
    total(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    largest([1, "a"])
except TypeError as e:
    print("TypeError:", e)

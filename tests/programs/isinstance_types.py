# type(), isinstance and common type checks used in ordinary code.
values = [0, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, True, 1j, range(2), len]
for v in values:
    print(f"{type(v).__name__:>22}", isinstance(v, (int, float)), isinstance(v, (list, tuple)), callable(v))

def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return f"sequence of {len(x)}"
    if isinstance(x, dict):
        return "mapping"
    return "other"
print([describe(v) for v in [True, 3, 2.0, "x", [1, 2], (1,), {}, None]])
print(type(True) is bool, type(1) is int, type(True) == int, type(type) is type)
print(int.__name__, str.__mro__, bool.__mro__, type(None)())
class Base: pass
class Child(Base): pass
c = Child()
print(isinstance(c, Base), type(c) is Base, type(c).__name__, type(c).__bases__[0].__name__)
print(issubclass(Child, (int, Base)), isinstance(Child, type), isinstance(Base, object))
print(isinstance([], list), isinstance([], object), isinstance(int, type), isinstance(3, object))
def add(a, b):
    if not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        raise TypeError(f"unsupported: {type(a).__name__} + {type(b).__name__}")
    return a + b
for args in [(1, 2), (1.5, 2), ("a", 1)]:
    try:
        print(add(*args))
    except TypeError as e:
        print("TypeError:", e)
print(type(3)(4.7), type("x")(12), type([])("ab"), type(1.5)("2.5"), type({})(a=1))
print(str(type(1)), str(type("s")), repr(int), repr(Child).endswith("Child'>"))
import collections.abc as abc
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance(iter([]), abc.Iterator), isinstance("x", abc.Iterable))
print(isinstance(1, abc.Hashable), isinstance([], abc.Hashable), isinstance(len, abc.Callable))

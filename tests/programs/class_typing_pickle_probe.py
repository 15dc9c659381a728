import abc, pickle, copy, functools, itertools, typing, dataclasses, enum, collections, sys, io
from typing import Generic, TypeVar, Protocol, NamedTuple
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None: self.items: list[T] = []
    def push(self, x: T) -> None: self.items.append(x)
    def pop(self) -> T: return self.items.pop()
s = Stack[int](); s.push(1); s.push(2); print(s.pop(), Stack.__orig_bases__ if hasattr(Stack, "__orig_bases__") else None)
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).area(), isinstance(Sq(1), Shape))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), V(1) >= V(0), max(V(5), V(7)))
@dataclasses.dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0
    tags: tuple = dataclasses.field(default=())
print(P(1, 2) < P(1, 3), P(1), hash(P(1)) == hash(P(1)), dataclasses.asdict(P(2, 3)))
try: P(1).x = 3
except dataclasses.FrozenInstanceError as e: print("frozen", e)
class Color(enum.Enum):
    RED = enum.auto(); GREEN = enum.auto()
print(Color.RED, Color(2), list(Color), Color["GREEN"].value)
data = pickle.loads(pickle.dumps([P(1, 2), V(3), Color.RED]))
print(data[0], data[1], data[2])
def square(x): return x * x
print(pickle.loads(pickle.dumps(square))(7), copy.deepcopy({"f": square})["f"](3))
class Pt(NamedTuple):
    x: int
    y: int = 5
print(Pt(1), Pt(1)._replace(y=2), Pt._fields)
class HasLen(Protocol):
    def __len__(self) -> int: ...
def size(x: HasLen) -> int: return len(x)
print(size("abc"), typing.get_type_hints(size))
dd = collections.defaultdict(lambda: [0])
dd["a"][0] += 1; print(dict(dd))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print("%5.2f|%-4d|%s" % (3.14159, 42, "x"), "{:>6}|{:^5}|{!r}".format("a", "b", "c"))
print(*range(3), sep="-", end="!\n")
print(list(zip("ab", [1, 2], strict=True)), list(enumerate("xy", start=5)))
class Meta(type):
    def __call__(cls, *a):
        print("creating", cls.__name__); return super().__call__(*a)
class W(metaclass=Meta):
    def __init__(self, v): self.v = v
print(W(3).v)
class Lazy:
    def __getattr__(self, name): return f"<{name}>"
print(Lazy().anything)
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v): self._c = v
    @c.deleter
    def c(self): print("deleted")
t = Temp(); t.c = 5; print(t.c); del t.c
class NoHash:
    __hash__ = None
try: hash(NoHash())
except TypeError as e: print(e)

# The object model: reflected operators, __getattribute__/__setattr__, __new__, slots, ABCs, MRO.
import functools
from dataclasses import dataclass, field, asdict, replace, astuple
from typing import NamedTuple
import abc

class V:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("V.__add__"); return NotImplemented
    def __radd__(self, o):
        print("V.__radd__"); return V(self.v + (o.v if isinstance(o, V) else o))
    def __iadd__(self, o):
        print("V.__iadd__"); return NotImplemented
    def __repr__(self): return f"V({self.v})"
class W(V):
    def __radd__(self, o):
        print("W.__radd__"); return W(-1)
x = V(1)
try:
    x += 5
except TypeError as e:
    print(e)
x = 5
x += V(2)
print(x)
print(V(1) + W(2))
print(3 + V(4))
try:
    V(1) + V(2)
except TypeError as e:
    print(e)

class E:
    def __init__(self, k): self.k = k
    def __eq__(self, o):
        if not isinstance(o, E): return NotImplemented
        return self.k == o.k
    __hash__ = object.__hash__
print(E(1) == E(1), E(1) != E(1), E(1) == 1, E(1) != "x", E(1) in [E(2), E(1)])

class Logged:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
    def __getattribute__(self, k):
        if k == "secret": return "hidden"
        return object.__getattribute__(self, k)
    def __delattr__(self, k):
        print("del", k); object.__delattr__(self, k)
lg = Logged(); lg.a = 1; print(lg.a, lg.secret); del lg.a
print(hasattr(lg, "a"))

class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("new instance")
        return cls._inst
    def __init__(self, v): self.v = v
s1 = Single(1); s2 = Single(2); print(s1 is s2, s1.v)

class SlotBase:
    __slots__ = ("a",)
class SlotChild(SlotBase):
    __slots__ = ("b", "__dict__")
sc = SlotChild(); sc.a = 1; sc.b = 2; sc.c = 3; print(sc.a, sc.b, sc.c, SlotBase.__slots__)

Dyn = type("Dyn", (object,), {"x": 5, "get": lambda self: self.x * 2})
print(Dyn().get(), Dyn.__name__, Dyn.x)
class A: pass
class B: pass
a = A(); a.__class__ = B; print(type(a).__name__)

class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
class L(Root):
    def __init__(self, l=0, **kw):
        print("L", l); super().__init__(**kw)
class R(Root):
    def __init__(self, r=0, **kw):
        print("R", r); super().__init__(**kw)
class D(L, R):
    def __init__(self, **kw):
        print("D"); super().__init__(**kw)
D(l=1, r=2, extra=3)
print([c.__name__ for c in D.__mro__])

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def name(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "sq"
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print(e)
print(Sq(3).area(), isinstance(Sq(1), Shape))

@functools.singledispatch
def show(x): return f"obj {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return "list of " + ", ".join(show(i) for i in x)
print(show(1), show("s"), show([1, "a", [2]]))

class Circle:
    def __init__(self, r): self.r = r
    @functools.cached_property
    def area(self):
        print("computing")
        return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area)

@dataclass
class Inv:
    name: str
    qty: int = 0
    price: float = 1.0
    total: float = field(init=False)
    history: list = field(default_factory=list)
    def __post_init__(self):
        self.total = self.qty * self.price
i = Inv("bolt", 3, 0.5)
print(i, asdict(i), astuple(i), replace(i, qty=10).total)
try:
    Inv()
except TypeError as e:
    print(e)

class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = Pt(3, -4); print(p, p.norm(), p._replace(y=1), Pt(1), p._asdict(), p[0], Pt._fields)

class Cfg:
    def __class_getitem__(cls, item): return f"Cfg[{item.__name__}]"
print(Cfg[int])
class Rec:
    pass
lst = [1, 2]; lst.append(lst); print(lst)
d = {"a": 1}; d["self"] = d; print(d)
class Str:
    def __repr__(self): return "R"
print(str(Str()), f"{Str()}", [Str()], format(Str(), ""))
class OnlyStr:
    def __str__(self): return "S"
print([OnlyStr()][0].__str__(), str(OnlyStr()))
class Lenny:
    def __len__(self): return 0
print(bool(Lenny()), not Lenny())
class Chk(type):
    def __instancecheck__(cls, inst): return isinstance(inst, int)
class IntLike(metaclass=Chk): pass
print(isinstance(3, IntLike), isinstance("3", IntLike), isinstance(3, (str, IntLike)))

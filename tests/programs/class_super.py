# Zero-argument and explicit super() in various methods.
class Base:
    def __init__(self, value):
        self.value = value
        self.log = ["Base.__init__"]
    def show(self):
        return f"Base({self.value})"
    @classmethod
    def create(cls, v):
        return cls(v)
    @staticmethod
    def helper():
        return "Base.helper"
    def __repr__(self):
        return "Base-repr"

class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
        self.log.append("Child.__init__")
    def show(self):
        return "Child[" + super().show() + f", {self.extra}]"
    @classmethod
    def create(cls, v):
        obj = super().create(v) if False else cls(v, "via-create")
        obj.log.append("Child.create")
        return obj
    def helper_call(self):
        return super().helper()
    def __repr__(self):
        return "Child+" + super().__repr__()

c = Child(1, "x")
print(c.show(), c.log)
c2 = Child.create(5)
print(c2.show(), c2.log)
print(c.helper_call(), repr(c))

class GrandChild(Child):
    def show(self):
        return "Grand<" + super().show() + ">"
    def explicit(self):
        return super(Child, self).show()
g = GrandChild(2, "y")
print(g.show())
print(g.explicit())

class Stack(list):
    def push(self, x):
        super().append(x)
    def append(self, x):
        raise RuntimeError("use push")
    def __len__(self):
        return super().__len__() * 10
s = Stack()
s.push(1); s.push(2)
print(s, len(s))
try:
    s.append(3)
except RuntimeError as e:
    print("RuntimeError:", e)

class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)
    def __getitem__(self, key):
        return super().__getitem__(key) + 1
cd = Counter()
cd["a"] = 5
print(cd["a"], dict(cd))

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag)

class WithNew:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.created_with = args
        return inst
    def __init__(self, a, b):
        self.total = a + b
w = WithNew(3, 4)
print(w.created_with, w.total)

class InComp(Base):
    def values(self):
        return [super(InComp, self).show() for _ in range(2)]
print(InComp(9).values())

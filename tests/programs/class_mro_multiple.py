# Multiple inheritance, the C3 MRO and cooperative super().
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]

class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()

class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()

class D(B, C):
    def chain(self):
        return ["D"] + super().chain()

print([k.__name__ for k in D.__mro__])
d = D()
print(d.who(), d.chain())

class E(C, B):
    pass
print([k.__name__ for k in E.mro()], E().who(), E().chain())

class Base:
    def __init__(self, **kw):
        print("  Base init, leftover", kw)

class Named(Base):
    def __init__(self, name, **kw):
        print("  Named init", name)
        self.name = name
        super().__init__(**kw)

class Aged(Base):
    def __init__(self, age, **kw):
        print("  Aged init", age)
        self.age = age
        super().__init__(**kw)

class Person(Named, Aged):
    def __init__(self, **kw):
        print("  Person init")
        super().__init__(**kw)

p = Person(name="Ann", age=30, extra=True)
print(p.name, p.age, [k.__name__ for k in Person.__mro__])

class Mixin:
    def greet(self):
        return "hello from " + self.label()

class Thing:
    def label(self):
        return "thing"

class Greeter(Mixin, Thing):
    pass
print(Greeter().greet())

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
print(issubclass(V, Y), isinstance(V(), X))

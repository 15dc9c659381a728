# Scoping rules around class bodies, methods and nested functions.
x = "global x"

class A:
    x = "class x"
    y = x + " (seen in class body)"
    def method(self):
        return x  # class scope is skipped: global x
    def method2(self):
        return self.x
    lam = lambda self: x
    items = [x for _ in range(2)]  # comprehension body does not see class x... but x global exists

a = A()
print(A.y)
print(a.method(), "|", a.method2(), "|", a.lam())
print(A.items)

def outer():
    x = "enclosing x"
    class B:
        print("  in class B body, x =", x)
        x = "B.x"
        def m(self):
            return x
        z = x
    return B

B = outer()
print(B().m(), B.z, B.x)

def outer2():
    y = "outer2 y"
    class C:
        y = "C.y"
        def get(self):
            return y
        @classmethod
        def get_cls(cls):
            return cls.y
    return C()
c = outer2()
print(c.get(), c.get_cls())

class Counter:
    count = 0
    def inc(self):
        Counter.count += 1
        return Counter.count
cnt = Counter()
cnt.inc(); cnt.inc()
print(Counter.count)

class D:
    v = 1
    class Inner:
        try:
            w = v
        except NameError as e:
            w = "NameError: " + str(e)
print(D.Inner.w)

def f():
    class E:
        nonlocal_test = "ok"
        def g(self):
            return type(self).__name__
    return E().g(), E.nonlocal_test
print(f())
class F:
    a = 1
    b = [a * i for i in range(3)] if False else None
    c = (lambda a=a: a * 10)()
print(F.c)
class G:
    name = "G"
    def __init__(self):
        self.name = type(self).name + "-instance"
print(G().name, G.name)

# Simple metaclasses: registries, attribute injection, __call__ overriding.
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            Registry.classes.append(name)
        return cls

class Base(metaclass=Registry):
    pass
class A(Base):
    pass
class B(A):
    pass
print(Registry.classes, type(A).__name__, type(Base) is Registry, isinstance(B, Registry))

class UpperAttrs(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {}
        for k, v in ns.items():
            new_ns[k if k.startswith("__") else k.upper()] = v
        return super().__new__(mcls, name, bases, new_ns)

class Shouty(metaclass=UpperAttrs):
    greeting = "hi"
    def speak(self):
        return "speaking"
print(Shouty.GREETING, Shouty().SPEAK(), hasattr(Shouty, "greeting"))

class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("  creating", cls.__name__)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Database(metaclass=SingletonMeta):
    def __init__(self, url):
        self.url = url
d1 = Database("a://1")
d2 = Database("b://2")
print(d1 is d2, d2.url)

class Fields(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.field_names = [k for k, v in ns.items() if isinstance(v, int)]

class Record(metaclass=Fields):
    a = 1
    b = 2
    c = "not a field"
class Record2(Record):
    z = 26
print(Record.field_names, Record2.field_names)

Dynamic = type("Dynamic", (object,), {"x": 5, "double": lambda self: self.x * 2})
dyn = Dynamic()
print(Dynamic.__name__, dyn.x, dyn.double(), type(dyn).__name__)
Sub = type("Sub", (Dynamic,), {"x": 21})
print(Sub().double(), [c.__name__ for c in Sub.__mro__])

class Meta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
    def describe(cls):
        return f"{cls.__name__} has {len([k for k in vars(cls) if not k.startswith('__')])} attrs"
class Thing(metaclass=Meta):
    x = 1
    y = 2
print(repr(Thing), Thing.describe(), type(type).__name__, type(int).__name__)
class WithPrepareKw(type):
    def __new__(mcls, name, bases, ns, flag=False):
        cls = super().__new__(mcls, name, bases, ns)
        cls.flag = flag
        return cls
    def __init__(cls, name, bases, ns, flag=False):
        super().__init__(name, bases, ns)
class Flagged(metaclass=WithPrepareKw, flag=True):
    pass
print(Flagged.flag)

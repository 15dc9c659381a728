# Descriptors (__get__/__set__/__delete__) and __set_name__.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print(f"__set_name__: {owner.__name__}.{name}")
        self.name = name
        self.storage = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("Ann", 30)
print(p.name, p.age, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(type(Person.name).__name__, Person.age.name)

class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class Host:
    counter = Counted()
h = Host()
print(h.counter, h.counter, Host.counter)
h.__dict__["counter"] = "instance wins for non-data descriptors"
print(h.counter)

class ReadOnly:
    def __get__(self, obj, objtype=None):
        return "constant"
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
    def __delete__(self, obj):
        raise AttributeError("cannot delete")
class K:
    ro = ReadOnly()
k = K()
k.__dict__["ro"] = "shadow?"
print(k.ro)
try:
    k.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del k.ro
except AttributeError as e:
    print("AttributeError:", e)

class LazyProperty:
    def __init__(self, fn):
        self.fn = fn
    def __set_name__(self, owner, name):
        self.attr = name
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.attr] = value
        print("  computed", self.attr)
        return value
class Data:
    @LazyProperty
    def expensive(self):
        return sum(range(1000))
dd = Data()
print(dd.expensive, dd.expensive)

class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        return lambda *a: self.fn(obj, *a)
class UsesMethod:
    @Method
    def hello(self, x):
        return f"hello {x} from {type(self).__name__}"
print(UsesMethod().hello("there"))

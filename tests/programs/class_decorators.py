# Class decorators: registration, adding methods, singletons, auto-repr.
REGISTRY = {}

def register(cls):
    REGISTRY[cls.__name__] = cls
    return cls

def auto_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def with_greeting(greeting):
    def deco(cls):
        cls.greet = lambda self: f"{greeting}, I am {self.name}"
        return cls
    return deco

@register
@auto_repr
@with_greeting("Howdy")
class User:
    def __init__(self, name, level=1):
        self.name = name
        self.level = level

u = User("ann", 3)
print(u, u.greet(), sorted(REGISTRY))

def singleton(cls):
    instances = {}
    def get(*args, **kwargs):
        if cls not in instances:
            instances[cls] = cls(*args, **kwargs)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, value):
        print("  Config created with", value)
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value)

def count_instances(cls):
    original_init = cls.__init__
    cls.created = 0
    def __init__(self, *args, **kwargs):
        cls.created += 1
        original_init(self, *args, **kwargs)
    cls.__init__ = __init__
    return cls

@count_instances
class Widget:
    def __init__(self, kind):
        self.kind = kind

ws = [Widget(k) for k in "abc"]
print(Widget.created, [w.kind for w in ws])

def add_comparisons(cls):
    cls.__lt__ = lambda self, other: self.key() < other.key()
    cls.__eq__ = lambda self, other: self.key() == other.key()
    cls.__hash__ = lambda self: hash(self.key())
    return cls

@register
@add_comparisons
@auto_repr
class Task:
    def __init__(self, prio, title):
        self.prio, self.title = prio, title
    def key(self):
        return (self.prio, self.title)

tasks = [Task(2, "b"), Task(1, "z"), Task(2, "a")]
print(sorted(tasks))
print(Task(1, "z") == tasks[1], len({Task(1, "q"), Task(1, "q")}), sorted(REGISTRY))

# __getattr__, __setattr__, __getattribute__ and attribute lookup order.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("set " + name)
        setattr(self._target, name, value)

class Target:
    def __init__(self):
        self.value = 1
    def method(self):
        return "method on target"

t = Target()
p = Proxy(t)
print(p.value, p.method())
p.value = 42
print(t.value, p._log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Defaults:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name[4:]}"
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
d = Defaults()
print(d.real, d.opt_color, getattr(d, "opt_size"), hasattr(d, "other"))

class Recorder:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("access denied: " + name)
        return object.__getattribute__(self, name)
r = Recorder()
r.secret_key = "x"
r.public = "y"
print(r.public, hasattr(r, "secret_key"))

class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self[k] = v
    def __delattr__(self, k):
        del self[k]
ad = AttrDict(a=1)
ad.b = 2
print(ad.a, ad.b, ad)
del ad.a
print(ad, getattr(ad, "zz", "none"))

class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(name, value)
v = Validated()
v.age = 5
try:
    v.age = -1
except ValueError as e:
    print("ValueError:", e)
print(v.age, vars(v))
print(getattr(5, "real"), getattr("s", "upper")(), getattr([], "nope", "fallback"))
try:
    getattr(5, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)

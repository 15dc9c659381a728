# Class attributes vs instance attributes, shared mutable class attrs, class body execution.
class Config:
    print("executing class body")
    defaults = {"color": "red"}
    shared_list = []
    count = 0
    doubled = count * 2
    names = [n.upper() for n in ("a", "b")]
    def add(self, item):
        self.shared_list.append(item)
    def bump(self):
        self.count += 1  # creates an instance attribute
        return self.count

a, b = Config(), Config()
a.add(1)
b.add(2)
print(Config.shared_list, a.shared_list is b.shared_list)
print(a.bump(), a.bump(), b.bump(), Config.count)
print("count" in vars(a), "count" in vars(Config), Config.doubled, Config.names)
Config.new_attr = "added later"
print(a.new_attr)
a.defaults = {"color": "blue"}
print(a.defaults, b.defaults, Config.defaults)
class Sub(Config):
    count = 100
print(Sub().bump(), Sub.count, Config.count, Sub.shared_list)
print(sorted(k for k in vars(Config) if not k.startswith("__")))
class Temp:
    x = 1
    y = x + 1
    z = [x, y]
    del x
print(Temp.y, Temp.z, hasattr(Temp, "x"))
class Registry:
    items = {}
    @classmethod
    def register(cls, name):
        cls.items[name] = len(cls.items)
        return cls
Registry.register("a").register("b")
print(Registry.items)
def external(self):
    return "external method for " + type(self).__name__
Config.ext = external
print(a.ext())
print(getattr(Config, "count"), getattr(a, "nothing", None))
class Const:
    PI = 3.14159
    E = 2.71828
    def area(self, r):
        return Const.PI * r * r
print(round(Const().area(2), 3), Const.PI + Const.E)
class Outer:
    class Inner:
        value = 42
        def get(self):
            return self.value
    def make(self):
        return self.Inner()
print(Outer().make().get(), Outer.Inner.__qualname__)

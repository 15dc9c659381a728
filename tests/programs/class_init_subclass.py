# __init_subclass__ for plugin registries and validation.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print(f"registered {cls.__name__} as {key!r}")

class CsvPlugin(Plugin, name="csv"):
    def run(self):
        return "parsing csv"

class JsonPlugin(Plugin):
    def run(self):
        return "parsing json"

class StrictJson(JsonPlugin, name="strict-json"):
    def run(self):
        return "strict " + super().run()

for key in sorted(Plugin.registry):
    print(key, "->", Plugin.registry[key]().run())

class Validated:
    required = ()
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [m for m in cls.required if not hasattr(cls, m)]
        if missing:
            raise TypeError(f"{cls.__name__} is missing {missing}")

class Good(Validated):
    required = ("save",)
    def save(self):
        return "saved"
print(Good().save())
try:
    class Bad(Validated):
        required = ("save", "load")
except TypeError as e:
    print("TypeError:", e)

class Counted:
    subclasses = []
    def __init_subclass__(cls):
        Counted.subclasses.append(cls.__name__)
class A(Counted): pass
class B(A): pass
class C(Counted): pass
print(Counted.subclasses)
try:
    class D(Counted, flavor="x"):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Counted.subclasses, [c.__name__ for c in A.__subclasses__()])

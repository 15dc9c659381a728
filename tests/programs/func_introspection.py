# Function attributes commonly used by ordinary programs.
def documented(a, b=1):
    """Add two numbers."""
    return a + b

print(documented.__name__)
print(documented.__doc__)
print(documented.__defaults__)
print(documented.__qualname__)

class Outer:
    def method(self):
        def inner():
            pass
        return inner

print(Outer.method.__name__, Outer.method.__qualname__)
print(Outer().method().__qualname__)

f = lambda x: x
print(f.__name__)

def no_doc():
    pass
print(no_doc.__doc__)
print(no_doc() is None)

documented.custom = "attached"
print(documented.custom)
print(callable(documented), callable(5), callable(Outer), callable(Outer()))

def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print("calls:", counter())
print(type(documented).__name__, type(f).__name__, type(Outer().method).__name__)
print(Outer.__name__, Outer.__qualname__, Outer.__module__)
print(__name__)

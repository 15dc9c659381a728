# Simple decorators, including ones that log and modify results.
def shout(fn):
    def wrapper(*args, **kwargs):
        return str(fn(*args, **kwargs)).upper() + "!"
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("world"))

calls = []
def trace(fn):
    def wrapper(*args):
        calls.append(f"enter {fn.__name__}{args}")
        result = fn(*args)
        calls.append(f"exit {fn.__name__} -> {result}")
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

add(2, 3)
fact(4)
for c in calls:
    print(c)

def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.count += 1
        return fn(*args, **kwargs)
    wrapper.count = 0
    return wrapper

@count_calls
def noop():
    pass

for _ in range(5):
    noop()
print("noop called", noop.count, "times")

def register_into(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco

REG = {}
@register_into(REG)
def alpha():
    return "a"
@register_into(REG)
def beta():
    return "b"
print(sorted(REG), REG["beta"]())
print(hello.__name__)

# Default argument values: evaluated once, shared mutable defaults, None idiom.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def append_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_safe(1), append_safe(2))

counter = 10
def snapshot(value=counter):
    return value

counter = 20
print("default captured at def time:", snapshot())
print(snapshot.__defaults__)

def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod

for args in [(3,), (2, 10), (5, 3)]:
    print(args, power(*args), power(*args, mod=7))
print(power.__kwdefaults__)

def many(a, b=1, c=2, d=3):
    return a + b * 10 + c * 100 + d * 1000
print(many(0), many(0, 9), many(0, d=9), many(0, 1, 2, 3))

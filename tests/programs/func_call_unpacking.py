# Calls with * and ** unpacking, several of each.
def f(a, b, c, d=0, e=0):
    return f"a={a} b={b} c={c} d={d} e={e}"

nums = [1, 2, 3]
print(f(*nums))
print(f(*nums, 4))
print(f(0, *[1, 2], *(3,)))
print(f(*range(3), e=9))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"b": 2}, **{"c": 3, "e": 5}))
print(f(*"xy", c="z"))
print(f(*iter([5, 6, 7]), d=8))
gen = (i * i for i in range(3))
print(f(*gen))

def g(*args, **kwargs):
    return args, sorted(kwargs.items())

print(g(*[], **{}))
print(g(1, *[2, 3], 4, *(5,), x=1, **{"y": 2}, z=3))
print(g(*{"k1": 0, "k2": 0}))

print(max(*[3, 9, 2]))
print(*[1, 2, 3], sep=", ")
print(*"abc", sep="|", end=".\n")
print("{} {} {}".format(*"xyz"))
print("{a}-{b}".format(**{"a": 1, "b": 2}))

try:
    f(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    g(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)

# Comprehension scoping: loop variables do not leak; closures capture correctly.
x = "outer x"
squares = [x * x for x in range(5)]
print(squares, x)
i = "outer i"
s = {i for i in "abc"}
print(sorted(s), i)
d = {k: v for k, v in [("a", 1)]}
print(d)
try:
    print(k)
except NameError as e:
    print("NameError:", e)
g = (y for y in range(3))
try:
    print(y)
except NameError as e:
    print("NameError:", e)
print(list(g))

def f():
    n = 10
    return [n + j for j in range(3)]
print(f())

def g2():
    fns = [lambda: j for j in range(3)]
    return [fn() for fn in fns]
print(g2())

class K:
    factor = 3
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]  # outermost iterable evaluated in class scope
    try:
        scaled = [v * factor for v in values]
    except NameError as e:
        scaled = "NameError: " + str(e)
print(K.doubled, K.scaled)

# The first iterable is evaluated in the enclosing scope, eagerly
data = [1, 2, 3]
gen = (d * 10 for d in data)
data = [7, 8]
print(list(gen))

def nested_scope():
    base = 100
    return [[base + a + b for b in range(2)] for a in range(2)]
print(nested_scope())

total = 0
result = [total + t for t in range(3)]
print(result, total)
# comprehension variable shadowing a builtin does not affect the outside
print([len for len in range(3)], len("abc"))

# Closures created in loops see the final value unless bound via defaults.
fns = []
for i in range(4):
    fns.append(lambda: i)
print([f() for f in fns])

fns = []
for i in range(4):
    fns.append(lambda i=i: i)
print([f() for f in fns])

fns = [lambda: j for j in range(3)]
print([f() for f in fns])

fns = [lambda j=j: j * j for j in range(5)]
print([f() for f in fns])

def make_all():
    out = []
    for k in range(3):
        def f(x, k=k):
            return x + k
        out.append(f)
    return out
print([f(10) for f in make_all()])

def make_factories():
    out = []
    for k in range(3):
        def factory(k):
            return lambda: k * 100
        out.append(factory(k))
    return out
print([f() for f in make_factories()])

def while_closures():
    out = []
    n = 0
    while n < 3:
        out.append(lambda: n)
        n += 1
    return [f() for f in out]
print(while_closures())

handlers = {}
for name in ["red", "green", "blue"]:
    handlers[name] = lambda name=name: name.upper()
print({k: v() for k, v in handlers.items()})

gens = [(x * m for x in range(3)) for m in range(1, 4)]
print([list(g) for g in gens])

# *args and **kwargs collection.
def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "two", c=3.0, d=[4])

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s

print(total(1), total(1, 2, 3), total("a", "b", "c"), total([1], [2]))

def config(**options):
    keys = list(options)
    print("keys in call order:", keys)
    for k, v in options.items():
        print(f"  {k} = {v!r}")
    return len(options)

print(config(z=1, a=2, m="x"))

def wrapper(*args, **kwargs):
    return inner(*args, **kwargs)

def inner(a, b, c=0):
    return a * 100 + b * 10 + c

print(wrapper(1, 2), wrapper(1, 2, 3), wrapper(c=9, b=8, a=7))

def typed(*args):
    return type(args).__name__, len(args)
print(typed(), typed(*range(5)))

def kw_type(**kw):
    kw["added"] = True
    return type(kw).__name__, kw
d = {"x": 1}
print(kw_type(**d), d)

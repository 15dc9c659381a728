# Keyword-only and positional-only parameters.
def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)

print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, e=50, f=60))

def pos_only(x, y=2, /):
    return x * y
print(pos_only(5), pos_only(5, 3))

def kw_only(*, key, reverse=False):
    return sorted([3, 1, 2], key=key, reverse=reverse)
print(kw_only(key=lambda v: -v))
print(kw_only(key=None, reverse=True))

# positional-only names can also be used in **kwargs
def collect(name, /, **kwargs):
    return name, sorted(kwargs.items())
print(collect("n", name="kw", other=1))

def star_kw(a, *args, sep="-", **kw):
    return sep.join(str(x) for x in (a,) + args) + " " + str(sorted(kw))
print(star_kw(1, 2, 3))
print(star_kw(1, 2, sep="+", z=1, y=2))

tests = [
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=5),
    lambda: pos_only(x=1),
    lambda: kw_only(lambda v: v),
    lambda: f(1, 2, 3, 4, 5, e=1),
]
for t in tests:
    try:
        t()
    except TypeError as exc:
        print("TypeError:", exc)

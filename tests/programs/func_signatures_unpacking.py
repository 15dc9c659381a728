# Parameter kinds and their error messages, starred/nested unpacking, inspect.signature.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, sorted(kw.items()))
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, z=9))
print(f(1, 2, 3, 4, 5, 6, e=0, f=1, g=2))
for bad in [lambda: f(1, e=1), lambda: f(1, 2, 3), lambda: f(a=1, b=2, c=3, e=4), lambda: f(1, 2, 3, c=3, e=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
def g(*, key): return key
try:
    g(1)
except TypeError as e:
    print(e)
def h(x, y=[]):
    y.append(x)
    return y
print(h(1), h(2), h([3], []))
a, *b, c = range(6); print(a, b, c)
(p, q), [r, *s] = "ab", (1, 2, 3); print(p, q, r, s)
*init, last = "hello"; print(init, last)
first, *_ = [9]; print(first, _)
head, *mid, tail = 1, 2; print(head, mid, tail)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    x, y, z = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
d1 = {"a": 1, "b": 2}; d2 = {"b": 3, "c": 4}
print({**d1, **d2}, d1 | d2, [*d1, *d2], (*range(3), *"xy"))
def kw_only(**kw): return kw
print(kw_only(**d1, c=5))
try:
    kw_only(**d1, a=2)
except TypeError as e:
    print(e)
print(*[1, 2, 3], sep="-", end="!\n")
def swap_demo():
    a, b = 1, 2
    a, b = b, a
    lst = [1, 2, 3]
    lst[0], lst[2] = lst[2], lst[0]
    return a, b, lst
print(swap_demo())
for i, (k, v) in enumerate(sorted({"x": 1, "y": 2}.items()), start=1):
    print(i, k, v)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
def defaults(a, b=2, *, c=lambda: 3):
    return a + b + c()
print(defaults(1), defaults(1, c=lambda: 10), defaults.__defaults__, sorted(defaults.__kwdefaults__))
import inspect
print(inspect.signature(f))
def ann(a: int, b: "str" = "x") -> list: pass
print(ann.__annotations__)
def pos_only(a, /, **kw): return a, kw
print(pos_only(1, a=2))
print((lambda *a, **k: (a, k))(1, x=2))
nums = [3, 1, 2]
print(sorted(nums, reverse=True), nums.sort() or nums)
try:
    max()
except TypeError as e:
    print(e)
try:
    len(1, 2)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
try:
    (lambda x: x)(1, 2)
except TypeError as e:
    print(e)
class K:
    def m(self, a): return a
try:
    K().m()
except TypeError as e:
    print(e)
try:
    K().m(1, 2)
except TypeError as e:
    print(e)
try:
    K(1)
except TypeError as e:
    print(e)

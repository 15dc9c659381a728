# List/tuple/dict/set displays with * and ** unpacking.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, [*a], (*b,))
print([0, *a, 5, *b, 6], [*range(3), *"hi"])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, {"w": 0, **d1, "x": 100})
print({**{}}, {**d1, "y": None})
print(dict(d1, z=3), dict(**d1), dict([("k", "v")], extra=1))
print([[]] * 2, [[0] * 2] * 2, [x for x in ()], list(), tuple(), set(), dict())
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested, nested["outer"]["inner"][2]["deep"])
print({1: "a", 1.0: "b"}, {"a": 1, "a": 2})
keys = ["k1", "k2"]
print({k: len(k) for k in keys}, dict.fromkeys(keys, 0), dict(zip(keys, [5, 6])))
print(sorted({*"hello"}), len({*"hello"}))
print((1,), (1), (), ((),), [()], type(()).__name__)
t = 1, 2, 3
print(t, type(t).__name__)
single = 5,
print(single)
print([1, 2, 3,], {"a": 1,}, {4, 5,})
print({*a, *b} == {1, 2, 3, 4}, [*a] is a, [*a] == a)
merged = {**dict.fromkeys("abc", 0), **{c: i for i, c in enumerate("bcd")}}
print(merged)
print(*[1, 2], *[3], sep="-")
def f(*args, **kw):
    return [*args, *kw.values()], {**kw}
print(f(*[1, 2], **{"a": 3}))
try:
    print({**[1, 2]})
except TypeError as e:
    print("TypeError:", e)
try:
    print([*5])
except TypeError as e:
    print("TypeError:", e)

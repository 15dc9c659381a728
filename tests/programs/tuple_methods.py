# tuples: immutability, methods, comparison, hashing, packing.
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3), 2 in t)
print(t + (4,), t * 2, (0,) * 3, tuple("abc"), tuple(range(3)), tuple([]))
a, b, c, d = t
print(a, b, c, d)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "b") > (1, "a"), () < (0,))
print(hash((1, 2)) == hash((1, 2)), {(0, 0): "origin"}[(0, 0)], max([(1, "z"), (2, "a")]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
empty = ()
single = (5,)
not_tuple = (5)
print(type(empty).__name__, type(single).__name__, type(not_tuple).__name__, len(empty))
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1])
print(lo, hi, minmax("hello"))
points = [(1, 2), (3, 1), (0, 5)]
print(sorted(points), sorted(points, key=lambda p: p[1]), [x for x, _ in points])
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2))), sum((1, 2, 3)), tuple(x * 2 for x in (1, 2)))
print((1, 2, 3)[::-1], (1,) == (1,), (1, 2) == [1, 2], tuple((1, 2)) is not None)
record = ("Ann", 30, "eng")
name, *rest = record
print(name, rest, f"{record}", str(record), repr(("a",)))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
print(divmod(9, 4), type(divmod(9, 4)).__name__, tuple({"k": 1}), tuple({"k": 1}.items()))

# iter(), next() with defaults, iter(callable, sentinel), builtin iterator behaviour.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
s = iter("ab")
print(next(s), list(s), list(s))
d = {"x": 1, "y": 2}
ki = iter(d)
print(next(ki), list(ki))
print(list(iter(d.values())), list(iter(d.items())))
data = [5, 6, 7, 0, 8]
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
it = iter(range(5))
print(list(zip(it, it)))
it2 = iter([1, 2, 3, 4, 5])
for x in it2:
    if x == 2:
        print("skipping", next(it2))
    print("x =", x)
e = enumerate("abc", 10)
print(next(e), list(e))
z = zip("ab", [1, 2, 3])
print(list(z), list(z))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
m = map(int, ["1", "2", "x"])
print(next(m), next(m))
try:
    next(m)
except ValueError as err:
    print("ValueError:", err)
print(iter(it) is it, hasattr(it, "__next__"), hasattr([], "__next__"))
lst = [1, 2, 3]
li = iter(lst)
lst.append(4)
print(list(li))
f = filter(None, [0, 1, "", "a", None, [], [0]])
print(list(f))
rng = iter(range(3))
print(sum(rng), sum(rng))
print(list(zip()), list(zip([1])), dict(zip("ab", range(10))))
print(sorted(iter([3, 1, 2])), max(iter([3, 9, 1])), min(iter("hello")))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(enumerate(zip("xy", "pq"))))

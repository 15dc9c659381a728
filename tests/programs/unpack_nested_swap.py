# Nested unpacking, swapping, multiple targets.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
(p, q), (r, s) = (1, 2), [3, 4]
print(p, q, r, s)
((x1, y1), (x2, y2)) = [(0, 0), (3, 4)]
print(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
name, (first, last), *extra = ["id7", ("Ada", "Lovelace"), 1815, 1852]
print(name, first, last, extra)
x = y = z = 0
x += 1
print(x, y, z)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
points = [(1, 2), (3, 4), (5, 6)]
for idx, (px, py) in enumerate(points):
    print(idx, px * py)
pairs = dict([("a", 1), ("b", 2)])
for key, value in pairs.items():
    print(key, value)
class P:
    pass
o = P()
o.x, o.y = "X", "Y"
print(o.x, o.y)
d = {}
d["a"], d["b"] = 1, 2
print(d)
s1, s2, s3 = "xyz"
print(s1, s2, s3)
k, v = {"only": 1}.popitem()
print(k, v)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
def fib_pairs(n):
    a, b = 0, 1
    out = []
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out
print(fib_pairs(10))
(a, b), c = "ab", "c"
print(a, b, c)

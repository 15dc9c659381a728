# Starred assignment targets.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcde"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
*everything, = (9, 8, 7)
print(everything)
head, *tail = "x"
print(head, tail)
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    print(a, b)
(x, *y), z = [1, 2, 3], 4
print(x, y, z)
d = {"one": 1, "two": 2, "three": 3}
k1, *others = d
print(k1, others)
*_, penultimate, _ = [10, 20, 30, 40]
print(penultimate)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
it = iter([1, 2, 3, 4, 5])
p, *q = it
print(p, q)
row = [1, 2, 3]
print(*row, *row[::-1])
print([*row, *"ab", *range(2)])
gen = (i * 2 for i in range(4))
m, n, *o = gen
print(m, n, o)

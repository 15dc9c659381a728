# Lists aliased and mutated by callees while a loop walks them.
def clear_tail(xs, k):
    del xs[k:]


def grow(xs):
    xs.append(len(xs) * 2)


def walk_and_shrink(xs):
    total = 0
    i = 0
    while i < len(xs):
        total += xs[i]
        if xs[i] % 5 == 0:
            clear_tail(xs, i + 2)
        i += 1
    return total, xs


def walk_and_grow(xs, limit):
    seen = 0
    for x in xs:
        seen += x
        if len(xs) < limit:
            grow(xs)
    return seen, len(xs)


def swap_refs(a, b):
    for i in range(len(a)):
        a[i], b[i] = b[i], a[i]


def replace_elements(xs):
    out = []
    for i in range(len(xs)):
        xs[i] = xs[-1 - i]
        out.append(xs[i])
    return out


print(walk_and_shrink(list(range(1, 30))))
print(walk_and_grow([1, 2, 3], 40))
a = list(range(10))
b = a
swap_refs(a, b)
print(a, b is a)
c = [1.5, 2.5, 3.5]
d = [1, 2, 3]
swap_refs(c, d)
print(c, d)
print(replace_elements(list(range(9))))
lst = [[0] * 3] * 3
lst[0][0] = 5
print(lst)
rows = [[i * j for j in range(4)] for i in range(4)]
alias = rows[2]
for r in rows:
    for j in range(len(r)):
        r[j] += alias[j]
print(rows)
acc = []
def collect(v, into=acc):
    into.append(v)
    return len(into)
n = 0
for i in range(100):
    n += collect(i)
print(n, acc[-3:])
stack = list(range(50))
popped = 0
while stack:
    v = stack.pop()
    popped += v
    if v % 7 == 0 and v:
        stack.append(v // 7)
print(popped)
data = list(range(20))
for i, v in enumerate(data):
    if v % 3 == 0:
        data.insert(0, -1) if len(data) < 30 else None
print(data)
m = [1, 2, 3]
m += m
m *= 2
m[1:3] = [9]
print(m, m.count(1), m.index(9))
def sorter(xs):
    xs.sort(key=lambda v: -v)
    return xs[0]
vals = [3, 1, 4, 1, 5, 9, 2, 6]
best = 0
for i in range(len(vals)):
    best += sorter(vals) * i
    vals[0] = i
print(best, vals)

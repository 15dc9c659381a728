# In-place list surgery: slice assignment with steps, del, insert/remove/index/count, reverse.
def shuffle(xs, seed):
    for i in range(len(xs) - 1, 0, -1):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        j = seed % (i + 1)
        xs[i], xs[j] = xs[j], xs[i]
    return seed


xs = list(range(40))
seed = shuffle(xs, 7)
print(xs)
print(xs[::3], xs[::-4], xs[-5:], xs[-3:-10:-2], xs[100:], xs[5:2], xs[-100:3])
ys = xs[:]
ys[::2] = [0] * 20
print(ys)
ys[1:5] = []
print(ys, len(ys))
ys[2:2] = ["a", "b", "c"]
print(ys[:8])
ys[-3:] = range(3)
print(ys[-6:])
try:
    ys[::3] = [1, 2]
except ValueError as e:
    print("ValueError", e)
del ys[::5]
print(ys, len(ys))
del ys[-2]
del ys[1:3]
print(ys)
zs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
print(zs.count(5), zs.count(10), zs.index(9), zs.index(9, 6), zs.index(5, 5, 9))
try:
    zs.index(42)
except ValueError as e:
    print("ValueError", e)
zs.remove(1)
zs.insert(0, -1)
zs.insert(-1, 100)
zs.insert(1000, 1000)
zs.insert(-1000, -1000)
print(zs)
zs.reverse()
print(zs, zs.pop(), zs.pop(0), zs.pop(-3))
try:
    zs.remove(12345)
except ValueError as e:
    print("ValueError", e)
grid = [[0] * 5] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 5 for _ in range(3)]
grid[0][0] = 1
print(grid)
# hot loop doing repeated surgery
work = list(range(200))
log = []
for step in range(300):
    k = (step * 37) % len(work)
    v = work.pop(k)
    if v % 3 == 0:
        work.insert(k // 2, v * 2)
    elif v % 3 == 1:
        work.append(v + 1)
    if step % 50 == 0:
        work[10:20] = work[10:20][::-1]
        log.append((step, len(work), work[:3], sum(work)))
print(log)
print(len(work), work[:10], work[-10:], sum(work))
# extend with self, multiply, += aliasing
a = [1, 2, 3]
b = a
a += a
print(a, b, a is b)
a *= 2
print(b, len(b))
a.extend(a)
print(len(a), a[-3:])
c = a * 0
print(c, [None] * 3, [[1]] * 2)
nested = [[i, j] for i in range(3) for j in range(i)]
nested.sort(key=lambda p: (-p[1], p[0]))
print(nested)
m = [1, 2, 3, 4, 5, 6]
m[1::2], m[::2] = m[::2], m[1::2]
print(m)

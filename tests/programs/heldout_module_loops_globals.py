# Hot loops at module level whose variables change type, get rebound by callees, or vanish.
import math

total = 0
count = 0
for i in range(3000):
    total += i * i
    if i == 1500:
        total = total / 7
    count += 1
print(total, count)

acc = 1
for k in range(1, 120):
    acc *= k
    acc //= max(1, k - 3)
print(acc)

limit = 100


def shrink():
    global limit
    limit -= 1
    return limit


steps = 0
while steps < limit:
    steps += 1
    if steps % 10 == 0:
        shrink()
print(steps, limit)

values = [1, 2, 3]
s = 0
for j in range(600):
    s += values[j % len(values)]
    if j == 300:
        values = [0.5, 1.5]
    if j == 450:
        values = (10, 20, 30, 40)
print(s)

f = lambda v: v + 1
r = 0
for j in range(500):
    r = f(r)
    if j == 250:
        f = lambda v: v * 1.001
print(r)

x = 0
for j in range(1000):
    x = x + (j & 7)
    if j == 700:
        del x
        x = 2 ** 64
print(x)

name_hits = 0
for j in range(400):
    try:
        name_hits += undefined_for_now
    except NameError:
        name_hits -= 1
    if j == 200:
        undefined_for_now = 3
print(name_hits)

pi_sum = 0.0
for n in range(1, 4000):
    pi_sum += (-1) ** (n + 1) / (2 * n - 1)
print(pi_sum * 4, math.pi - pi_sum * 4 < 1e-3)

grid = [[0] * 8 for _ in range(8)]
for n in range(2000):
    a, b = divmod(n, 8)
    grid[a % 8][b] += n
print([sum(row) for row in grid])
for n in range(5):
    pass
print(n)
for n in range(0):
    pass
print(n)
w = 10
while w:
    w -= 3 if w > 3 else w
print(w)

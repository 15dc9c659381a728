# Loops at module level: their variables are the module's globals, which native code keeps
# in registers and writes back to the module's dict whenever something may look at it.
import math

N = 400
primes = []
flags = [True] * N
for p in range(2, N):
    if flags[p]:
        primes.append(p)
        for m in range(p * p, N, p):
            flags[m] = False
print(len(primes), primes[-5:], p, m)

total = 0
for i in range(-50, 50, 3):
    total += i * i - (i // 7) * (i % 7)
    if total > 10000:
        break
else:
    total = -total
print(total, i)

x = 1
steps = 0
while x < 2 ** 100:          # past 64 bits: the loop finishes with Python's big ints
    x = x * 3 + steps
    steps += 1
print(steps, x)

acc = 0.0
for k in range(1, 500):
    acc += 1.0 / (k * k)
print(repr(acc), math.sqrt(acc * 6))


def mean():
    return sum(values) / len(values)     # reads the loop's variable


def tally(v):
    global count
    count += v                           # assigns a module variable


values = []
count = 0
for j in range(60):
    values.append(j % 9 * 0.5)
    if j % 20 == 19:
        print("mean", repr(mean()))
        tally(j)
    if j % 25 == 0:
        count -= 1
print(count, len(values))

words = ""
for c in range(65, 91):
    words += chr(c)
    if c % 5 == 0:
        words += "-"
print(words)

table = {}
for n in range(30):
    table[n % 7] = table.get(n % 7, 0) + n
print(sorted(table.items()))

grid = [[0] * 6 for _ in range(6)]
for r in range(6):
    for s in range(6):
        grid[r][s] = r * s - (r ^ s)
print(grid[5], r, s)

state = None
for t in range(12):
    if state is None:
        state = t
    else:
        state = state * 2 + t if t % 2 else state - t
print(state)

errors = 0
for d in range(-3, 4):
    try:
        q = 100 // d
    except ZeroDivisionError as e:
        errors += 1
        last_error = str(e)
print(errors, last_error, q)

squares = []
for e in range(10):
    squares.append([y * y for y in range(e)][-1:] or [None])
print(squares)

total = 0
for item in (3, 1.5, True, 7):
    total += item
print(total, item)

i = 0
while True:
    i += 1
    if i % 17 == 0 and i % 13 == 0:
        break
print("first", i)
del i
try:
    print(i)
except NameError as e:
    print("NameError:", e)

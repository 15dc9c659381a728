# Hot loops at module level: accumulators, list updates, type changes, while with complex conditions.
import math

N = 4000
xs = []
seed = 17
for i in range(N):
    seed = (seed * 48271) % 2147483647
    xs.append(seed % 1000 - 500)
print(len(xs), xs[:6], sum(xs))

pos = neg = zero = 0
run = best = 0
for x in xs:
    if x > 0:
        pos += 1
        run += 1
        if run > best:
            best = run
    elif x < 0:
        neg += 1
        run = 0
    else:
        zero += 1
print(pos, neg, zero, best)

i, j = 0, len(xs) - 1
steps = 0
while i < j and xs[i] != xs[j] and steps < 10**6:
    if abs(xs[i]) < abs(xs[j]):
        i += 1
    else:
        j -= 1
    steps += 1
print(i, j, steps)

mean = sum(xs) / len(xs)
var = 0.0
for x in xs:
    var += (x - mean) ** 2
var /= len(xs) - 1
print(f"{mean:.4f} {var:.4f} {math.sqrt(var):.4f}")

hist = [0] * 10
for x in xs:
    hist[(x + 500) // 100] += 1
print(hist)

acc = 0
for k in range(1, 200):
    acc += k ** 3
    if k == 100:
        acc = acc / 7
    if k == 150:
        acc = int(acc) << 64
print(acc)

words = ["alpha", "beta", "gamma", "delta", "epsilon"]
lengths = {}
for idx, w in enumerate(words * 200, start=1):
    lengths[w] = lengths.get(w, 0) + idx % 7
print(lengths)

a, b = 0, 1
count = 0
while b < 10**50:
    a, b = b, a + b
    count += 1
print(count, b % 10**9)

total = 0
for row in range(60):
    for col in range(60):
        if (row ^ col) & 3 == 0 and not (row + col) % 5:
            total += row * col
        elif row == col:
            continue
        else:
            total -= 1
print(total)

matrix = [[0] * 8 for _ in range(8)]
for n in range(1000):
    r, c = n % 8, (n * 3) % 8
    matrix[r][c] += n
    matrix[c][r] -= 1
print(matrix[0], matrix[7])

s = 0.0
k = 1
while True:
    term = 1.0 / (k * k)
    if term < 1e-9:
        break
    s += term
    k += 1
else:
    print("unreachable")
print(k, s)

for n in range(2, 60):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        if n > 50:
            print("prime", n)
print("i/j at end", i, j, n, d)

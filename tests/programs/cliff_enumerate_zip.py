# zip, enumerate and Kadane's algorithm, in loops at module level.
import random
random.seed(4)
a = [random.randint(-1000, 1000) for _ in range(20000)]
b = [random.randint(-1000, 1000) for _ in range(20000)]
dot = 0
for x, y in zip(a, b):
    dot += x * y
print(dot)
best_i = -1
best = -10**9
for i, v in enumerate(a):
    if v > best:
        best = v
        best_i = i
print(best, best_i)
# running max subarray (Kadane)
cur = 0
ans = a[0]
for v in a:
    cur = max(v, cur + v)
    ans = max(ans, cur)
print(ans)
prefix = [0]
for v in a:
    prefix.append(prefix[-1] + v)
q = 0
for i, (x, y) in enumerate(zip(a, b)):
    if x > y:
        q += prefix[i] % 7
print(q)

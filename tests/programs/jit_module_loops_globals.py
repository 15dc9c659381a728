# Module-level loops whose globals change under them: functions, globals(), exec, del, rebinding.
counter = 0
limit = 100
def bump():
    global counter, limit
    counter += 10
    if counter > 500:
        limit = 50
i = 0
while i < limit:
    counter += 1
    if i % 7 == 0:
        bump()
    i += 1
print(i, counter, limit)
total = 0
for k in range(300):
    total += k
    if k == 150:
        globals()["total"] = -1000
    if k == 200:
        exec("total = total * 2")
print(total, k)
def reader():
    return acc * 2
acc = 0
res = []
for j in range(50):
    acc += j
    res.append(reader())
print(res[-3:], acc)
try:
    for q in range(1000):
        val = 100 // (500 - q)
except ZeroDivisionError as e:
    print("stopped at", q, val, e)
for a in range(10):
    for b in range(10):
        if a * b == 42:
            break
    else:
        continue
    break
print(a, b)
x = 0
for x in range(0):
    pass
print(x)
names = []
for name in ["alpha", "beta", "gamma"] * 100:
    if name not in names:
        names.append(name)
print(names, name)
s = 0.0
for t in range(1000):
    s += t * 0.5
    if t == 500:
        s = int(s)
print(s, type(s).__name__)
data = {}
for n in range(200):
    data.setdefault(n % 7, []).append(n)
    if n == 100:
        del data[3]
print({k: len(v) for k, v in data.items()})
import math
m = 0
for n in range(1, 500):
    m = max(m, math.gcd(n, 360))
    math = __import__("math") if n == 250 else math
print(m)
flag = True
cnt = 0
def stopper():
    global flag
    flag = False
while flag:
    cnt += 1
    if cnt == 777:
        stopper()
print(cnt, flag)
lst = list(range(20))
for idx, v in enumerate(lst):
    if v % 5 == 0:
        lst[idx] = -v
print(lst)
del lst
try:
    for z in range(3):
        print(lst)
except NameError as e:
    print(e)
with open(__file__) as fh:
    lines = 0
    for line in fh:
        lines += 1
print(lines > 50)
big = 1
for p in range(100):
    big = big * 3
print(big % 1000007, p)

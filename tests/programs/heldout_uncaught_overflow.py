import math


def grow(x, n):
    for i in range(n):
        x = x * 1.5 + math.exp(i / 10)
    return x


print(grow(1.0, 100))
print(grow(2.0, 1000))
vals = []
for k in range(1, 20):
    vals.append(10.0 ** (k * 10))
print(vals[-1])
print(2.0 ** 1000)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(math.exp(1000))
except OverflowError as e:
    print("OverflowError:", e)
print(int(2.0 ** 1000) % 1000)
r = 1.0
for i in range(2000):
    r = r * 1.7 if i < 1400 else r
print(r)
print(int(r))

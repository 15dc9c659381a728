# Mean, deviation, extremes and a histogram in loops at module level.
import math
import random
random.seed(314)
N = 20000
xs = [random.random() * 10 for _ in range(N)]
total = 0
sq = 0
mx = -1.0
mn = 1e9
for x in xs:
    total += x
    sq += x * x
    if x > mx:
        mx = x
    if x < mn:
        mn = x
mean = total / N
std = math.sqrt(sq / N - mean * mean)
print(round(mean, 6), round(std, 6), round(mx, 6), round(mn, 6))
hist = [0] * 10
for x in xs:
    b = int(x)
    if b >= 10:
        b = 9
    hist[b] += 1
print(hist)

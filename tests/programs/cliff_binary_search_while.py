# Binary searches in while loops over a sorted list; an integer square root.
import random
random.seed(17)
arr = sorted(random.randint(0, 10**7) for _ in range(5000))

def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

hits = 0
s = 0
for _ in range(5000):
    x = random.randint(0, 10**7)
    i = lower_bound(arr, x)
    if i < len(arr) and arr[i] == x:
        hits += 1
    s += i
print(hits, s)

def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) >> 1
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
t = 0
for n in range(1, 3000):
    t += isqrt(n * 1000)
print(t)

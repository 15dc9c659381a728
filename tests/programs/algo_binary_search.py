# Binary search variants and their use for answers (sqrt, first bad version, rotated arrays).
def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid, steps
        if a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

data = list(range(0, 200, 3))
for t in [0, 99, 100, 197, 198, -5, 500]:
    print(t, binary_search(data, t))

def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
dups = [1, 2, 2, 2, 3, 5, 5, 8]
print([lower_bound(dups, x) for x in range(10)])

def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 12, 2 ** 100]])

def search_rotated(a, target):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        if a[lo] <= a[mid]:
            if a[lo] <= target < a[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if a[mid] < target <= a[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
rot = [15, 18, 22, 30, 2, 5, 8, 11]
print([search_rotated(rot, t) for t in [15, 2, 11, 30, 7]])

def bisect_float(f, lo, hi, eps=1e-12):
    while hi - lo > eps:
        mid = (lo + hi) / 2
        if f(mid) > 0:
            hi = mid
        else:
            lo = mid
    return round(lo, 9)
print(bisect_float(lambda x: x * x - 2, 0, 2), bisect_float(lambda x: x ** 3 - x - 1, 1, 2))
first_bad = 37
print("first bad version:", lower_bound([v >= first_bad for v in range(100)], True))

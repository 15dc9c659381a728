import math


def mean(xs):
    return sum(xs) / len(xs)


def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2


def mode(xs):
    counts = {}
    for x in xs:
        counts[x] = counts.get(x, 0) + 1
    best = max(counts.values())
    return min(k for k, v in counts.items() if v == best)


def percentile(xs, p):
    s = sorted(xs)
    k = (len(s) - 1) * p
    f = math.floor(k)
    c = math.ceil(k)
    if f == c:
        return s[int(k)]
    return s[f] * (c - k) + s[c] * (k - f)


def correlation(xs, ys):
    mx, my = mean(xs), mean(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    den = math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    return num / den


def histogram(xs, bins):
    lo, hi = min(xs), max(xs)
    width = (hi - lo) / bins
    h = [0] * bins
    for x in xs:
        i = int((x - lo) / width)
        if i == bins:
            i -= 1
        h[i] += 1
    return h


def zscores(xs):
    m = mean(xs)
    sd = math.sqrt(variance(xs))
    return [round((x - m) / sd, 4) for x in xs]


seed = 12345
data = []
for i in range(3000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    data.append(seed % 1000)
fdata = [x / 10 + 0.05 for x in data]
print(mean(data), round(variance(data), 6), median(data), mode(data))
print(round(mean(fdata), 9), round(variance(fdata), 6), median(fdata), mode(fdata))
print([percentile(data, p) for p in (0, 0.1, 0.25, 0.5, 0.9, 1)])
print(round(correlation(data[:-1], data[1:]), 9), round(correlation(data, fdata), 9))
print(histogram(data, 10), histogram(fdata, 7))
print(zscores(data[:8]))
print(median([1, 2, 3, 4]), median([3]), median([1.5, 2]), mean([True, True, False]))
running = []
s = 0
for i, x in enumerate(data[:200], 1):
    s += x
    if i % 40 == 0:
        running.append(round(s / i, 3))
print(running)
try:
    mean([])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

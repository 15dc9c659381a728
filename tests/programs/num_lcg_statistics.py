class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33

    def uniform(self):
        return self.next() / 2**31

def histogram(values, bins, lo, hi):
    counts = [0] * bins
    width = (hi - lo) / bins
    for v in values:
        k = int((v - lo) // width)
        if k == bins:
            k -= 1
        counts[k] += 1
    return counts

def mean_var(xs):
    n = 0
    mean = 0.0
    m2 = 0.0
    for x in xs:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
    return mean, m2 / (n - 1)

def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2

def main():
    rng = LCG(42)
    raw = [rng.next() for _ in range(2000)]
    print(raw[:3], max(raw), min(raw))
    us = [rng.uniform() for _ in range(3000)]
    mean, var = mean_var(us)
    print(f"{mean:.6f} {var:.6f} {median(us):.6f}")
    print(histogram(us, 10, 0.0, 1.0))
    dice = [rng.next() % 6 + 1 for _ in range(6000)]
    h = histogram(dice, 6, 1, 7)
    print(h, sum(h), mean_var(dice))
    inside = 0
    for i in range(5000):
        x, y = rng.uniform(), rng.uniform()
        if x * x + y * y <= 1.0:
            inside += 1
    print(inside, 4 * inside / 5000)
    walk = 0
    extremes = [0, 0]
    for i in range(4000):
        walk += 1 if rng.next() & 1 else -1
        extremes[0] = min(extremes[0], walk)
        extremes[1] = max(extremes[1], walk)
    print(walk, extremes, median([3, 1, 2]), median([4, 1, 3, 2]))

main()

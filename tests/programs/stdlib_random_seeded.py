# random with a fixed seed is deterministic.
import random

random.seed(12345)
print([random.randint(1, 100) for _ in range(10)])
print(round(random.random(), 12), round(random.uniform(1, 2), 12))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.choices([1, 2, 3], k=5), random.sample(range(100), 5))
print(random.randrange(0, 100, 5), round(random.gauss(0, 1), 10), random.getrandbits(16))
rng = random.Random(42)
print([rng.randint(0, 9) for _ in range(15)])
rng2 = random.Random(42)
rng = random.Random(42)
print([rng2.randint(0, 9) for _ in range(15)] == [rng.randint(0, 9) for _ in range(15)])
random.seed("string seed")
print(random.random())
def monte_carlo_pi(n, seed):
    r = random.Random(seed)
    inside = sum(1 for _ in range(n) if r.random() ** 2 + r.random() ** 2 <= 1)
    return 4 * inside / n
print(monte_carlo_pi(2000, 7))
def random_walk(steps, seed):
    r = random.Random(seed)
    x = y = 0
    for _ in range(steps):
        dx, dy = r.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x += dx
        y += dy
    return x, y
print(random_walk(500, 1), random_walk(500, 2))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.Random(99).shuffle(deck)
print(deck[:5])
print(random.Random(3).sample(deck, 3), sorted(random.Random(5).choices(range(3), weights=[1, 5, 10], k=10)))

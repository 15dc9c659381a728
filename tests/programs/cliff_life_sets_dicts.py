# Game of life on a set of tuples, neighbour counts in a dict.
import random
random.seed(11)
live = set()
for _ in range(200):
    live.add((random.randint(0, 20), random.randint(0, 20)))

def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    new = set()
    for k, c in counts.items():
        if c == 3 or (c == 2 and k in live):
            new.add(k)
    return new

for gen in range(20):
    live = step(live)
print(len(live))
print(min(live), max(live))

# Infinite generators combined with itertools.
from itertools import islice, count, cycle, takewhile, dropwhile, repeat, accumulate

def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(islice(primes(), 15)))
print(list(islice(naturals(), 5, 10)))
print(list(islice(naturals(), 0, 20, 4)))
print(list(takewhile(lambda x: x < 30, primes())))
print(list(islice(dropwhile(lambda x: x < 100, primes()), 3)))
print(list(islice(cycle("ABC"), 8)))
print(list(islice(count(10, 5), 4)), list(repeat("z", 3)))
print(list(islice(accumulate(naturals()), 6)))

def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(6)), max(collatz(27)), sum(1 for _ in collatz(97)))

def unique_everseen(iterable):
    seen = set()
    for x in iterable:
        if x not in seen:
            seen.add(x)
            yield x
print(list(islice(unique_everseen(n % 7 for n in naturals()), 7)))

def batched(it, n):
    it = iter(it)
    while batch := list(islice(it, n)):
        yield batch
print(list(batched(range(10), 3)))
squares = (n * n for n in naturals())
print(next(x for x in squares if x > 500))
evens = filter(lambda x: x % 2 == 0, naturals())
print(list(islice(map(str, evens), 5)))
def pairwise_diff(gen):
    prev = next(gen)
    for cur in gen:
        yield cur - prev
        prev = cur
print(list(islice(pairwise_diff(primes()), 12)))

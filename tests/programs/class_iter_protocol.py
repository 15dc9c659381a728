# Custom iterators (__iter__/__next__) and iterables.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
c = Countdown(3)
for x in c:
    print("tick", x)
print(list(c), "(exhausted)")

class Range2:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __iter__(self):
        return Range2Iter(self.lo, self.hi)
class Range2Iter:
    def __init__(self, lo, hi):
        self.i, self.hi = lo, hi
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.hi:
            raise StopIteration
        self.i += 1
        return self.i - 1
r = Range2(2, 6)
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True))
print([(a, b) for a in Range2(0, 2) for b in Range2(0, 2)])
it = iter(Range2(0, 3))
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")

class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)), 21 in Fib(100), 22 in Fib(100))
a, b, *rest = Fib(50)
print(a, b, rest)
print(dict(zip(Fib(10), "abcdef")), list(enumerate(Fib(5))))
print(list(map(lambda v: v * 2, Countdown(3))), tuple(Countdown(2)), set(Countdown(3)))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)

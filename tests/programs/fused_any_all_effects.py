"""any/all/min/max of generator expressions whose bodies have side effects: any and all stop
at the first item that decides, and the items before it are computed exactly once, in order,
also when the compiled code falls back to the interpreter mid-loop (an item of another
type); an inner generator is finalized when the consumer is done with it."""


def noisy(x):
    print("see", x)
    return x


def first_big(v):
    return any(noisy(x) > 2 for x in v)


def all_small(v):
    return all(noisy(x) < 3 for x in v)


def biggest(v):
    return max(noisy(x) for x in v)


def gen(n, tag):
    try:
        for i in range(n):
            yield i
    finally:
        print("gen finally", tag)


def consumers(n):
    r = any(x > 1 for x in gen(n, "any"))
    print("after any", r)
    r = all(x < 1 for x in gen(n, "all"))
    print("after all", r)
    r = sum(x for x in gen(n, "sum"))
    print("after sum", r)
    r = [x for x in gen(n, "listcomp") if x]
    print("after listcomp", r)
    return r


class Countdown:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            raise StopIteration
        return self.items.pop()

    def __del__(self):
        print("Countdown released")


def find_two(v):
    r = any(x == 2 for x in Countdown(v))
    print("found", r)


for i in range(30):
    print(first_big([1, 2, 3, 4]), all_small([1, 2, 3, 4]), biggest([3, i % 5]),
          first_big([]), all_small([]))
print(first_big([1, 2.5, "x" < "y", 7]), all_small([0, 1.5, True, 9, 1]))
print(biggest([1, 2.5, 3, True, 10 ** 30]))
for i in range(12):
    consumers(i % 4)
for i in range(4):
    find_two([1, 2, 3])

"""Comprehensions and generator expressions at module level inside a hot loop (compiled as
the module's loop, with module variables and walrus targets that are globals), and recursion
through sum/max of a generator expression and through list comprehensions."""

acc = 0
last = None
counter = 0


def bump():
    global counter
    counter += 1
    return counter


for i in range(300):
    acc += sum(x * i for x in range(5))
    acc += max(x - i for x in [3, 1, 2])
    acc += len([x for x in range(i % 4) if x])
    acc += any(x == i for x in range(0, 300, 7))
    ys = [[a * b for b in range(3)] for a in range(i % 3)]
    acc += sum(sum(r) for r in ys)
    acc += sum((last := x) for x in range(i % 5))
    acc += max(bump() + x for x in [1, 2])
    acc += len([(last2 := y) for y in "abc"])
    acc += sum(x * acc % 7 for x in (1, 2, 3))
print(acc, ys, last, last2, counter)


def fib(n):
    return n if n < 2 else sum(fib(n - k) for k in (1, 2))


def depth(t):
    if not t:
        return 1
    return 1 + max(depth(c) for c in t)


def tree(n):
    return [tree(k) for k in range(n)]


def count(n):
    if n == 0:
        return 0
    return sum(count(n - 1) + 1 for _ in range(1))


def nest(n):
    if n == 0:
        return 0
    return [nest(n - 1) for _ in range(1)][0] + 1


for i in range(30):
    count(5)
    nest(5)
print(fib(15), depth(tree(6)), count(150), nest(150))
try:
    count(100000)
except RecursionError:
    print("RecursionError")
try:
    nest(100000)
except RecursionError:
    print("RecursionError")
print(count(100), nest(100))

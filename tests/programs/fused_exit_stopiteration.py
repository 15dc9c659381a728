"""A StopIteration escaping the body of a generator expression fused into sum() in a
compiled caller: uncaught, it is a RuntimeError chained from the StopIteration, as when
the generator runs (exit status 1)."""


def three(it):
    return sum(next(it) for _ in range(3))


for i in range(30):
    print(three(iter([i, 1, 2])), end=" ")
print()
three(iter([1]))

# An uncaught exception raised deep in a hot loop, after the loop got hot.
def step(xs, i):
    return xs[i] * 2 // (xs[i] - 40)


def run(xs):
    total = 0
    for i in range(len(xs)):
        total += step(xs, i)
    return total


data = list(range(100))
print(run(data[:30]))
print(run(data[50:]))
print(run(data))

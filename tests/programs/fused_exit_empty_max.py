"""max() of an empty generator expression, uncaught, in a compiled caller: the ValueError
comes from the caller's line (no <genexpr> entry in the traceback) and the exit status is 1."""


def largest(v):
    return max(x * 2 for x in v)


def outer(v):
    return largest(v)


for i in range(30):
    print(outer([i, 1]), end=" ")
print()
outer([])

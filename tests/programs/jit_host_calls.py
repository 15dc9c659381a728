"""Native code calling Python callables: builtins, methods of host objects, module functions,
jitvm functions that stay interpreted; results whose type changes; exceptions raised by them,
caught by interpreted callers or not."""

import math


def describe(values):
    words = []
    for v in values:
        words.append(str(v).upper())
    return ", ".join(words)


def report(xs):
    for i, x in enumerate(xs):
        print("item", i, x, sep=":", end=" | ")
    print()
    return len(xs)


def with_try(x):
    try:
        return 100 // x
    except ZeroDivisionError:
        return -1


def use_interpreted(n):
    t = 0
    for i in range(n):
        t += with_try(i - 2)
    return t


def counts(words):
    seen = {}
    for w in words:
        seen[w] = seen.get(w, 0) + 1
    return seen


def changing(i):
    if i < 5:
        return i
    if i < 8:
        return i + 0.5
    return "s" * (i - 7)


def collect(n):
    out = []
    for i in range(n):
        out.append(changing(i))
    return out


def factorials(values):
    t = 0
    for v in values:
        t += math.factorial(v)
    return t


def guarded(values):
    try:
        return factorials(values)
    except ValueError as e:
        return "ValueError: " + str(e)


def calls_method(items):
    total = 0
    for item in items:
        total += item.bit_length()
    return total


print(describe([1, 2.5, True, None, "x"]))
print(report([3, 1.5]))
print(use_interpreted(6))
print(counts(["a", "b", "a", "c", "a"]))
print(collect(10))
print(guarded([1, 2, 5]), guarded([3, -1, 2]))
print(calls_method([1, 255, 1024]))
try:
    calls_method([1, 2.5])
except AttributeError as e:
    print("AttributeError:", e)
print(math.fsum([0.1] * 10), max([1, 5, 2]), sorted([3, 1, 2], key=lambda v: -v))
print(factorials([3, 4]))
print(factorials([2, -3]))

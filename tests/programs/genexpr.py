# Generator expressions: laziness, single-pass, as function arguments.
gen = (n * n for n in range(5))
print(type(gen).__name__)
print(next(gen), next(gen))
print(list(gen))
print(list(gen))
print(sum(n for n in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(sorted((c for c in "python"), reverse=True))
print(",".join(str(i) for i in range(5)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]))
log = []
def noisy(n):
    log.append(n)
    return n
lazy = (noisy(i) for i in range(5))
print("created, log =", log)
first_two = [next(lazy), next(lazy)]
print(first_two, "log =", log)
print(tuple(x for x in range(3)), set(x % 2 for x in range(10)), dict((i, str(i)) for i in range(2)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
pipeline = (w.strip().lower() for w in [" A ", "b ", " C"])
pipeline = (w * 2 for w in pipeline if w != "b")
print(list(pipeline))
def first(it, pred):
    return next((x for x in it if pred(x)), None)
print(first(range(10), lambda v: v > 6), first([], bool))
g = (i for i in range(3))
print(list(zip(g, g)))
print(min((abs(v - 10), v) for v in [3, 8, 14, 11]))

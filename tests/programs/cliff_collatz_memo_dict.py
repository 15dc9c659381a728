# Collatz lengths memoised in a global dict (`n in cache`, recursion).
cache = {1: 1}

def collatz_len(n):
    if n in cache:
        return cache[n]
    if n % 2 == 0:
        r = 1 + collatz_len(n // 2)
    else:
        r = 1 + collatz_len(3 * n + 1)
    cache[n] = r
    return r

best = 0
arg = 0
for i in range(1, 20000):
    l = collatz_len(i)
    if l > best:
        best = l
        arg = i
print(arg, best, len(cache))

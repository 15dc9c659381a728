def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


def first_factor(n):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return d
    else:
        return n


def search(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            break
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    else:
        return -1
    return mid


def nested(n):
    found = []
    for a in range(1, n):
        for b in range(a, n):
            c2 = a * a + b * b
            c = int(c2 ** 0.5)
            if c * c == c2 and c < n:
                found.append((a, b, c))
                break
        else:
            continue
        if len(found) > 12:
            break
    return found


def countdown(n):
    out = []
    while True:
        n -= 1
        if n % 3 == 0:
            continue
        if n < 0:
            break
        out.append(n)
    return out


print([p for p in range(200) if is_prime(p)])
print([first_factor(n) for n in (91, 97, 221, 1001, 7919, 2 ** 31 - 1)])
xs = list(range(0, 3000, 3))
print(search(xs, 1500), search(xs, 1501), search(xs, 0), search(xs, 2997), search([], 1))
print(nested(60))
print(countdown(20))
i = 0
while i < 10:
    i += 1
    if i == 100:
        break
else:
    print("while else ran", i)
k = 0
while k < 1000:
    k += 7
    if k % 13 == 0:
        print("break at", k)
        break
else:
    print("not reached")
total = 0
n = 0
while n < 5000:
    n += 1
    if n % 2:
        continue
    total += n
print(total)
for x in []:
    pass
else:
    print("empty for else")

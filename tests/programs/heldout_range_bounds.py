# range loops with large, negative, reversed bounds; loop variables after the loop; changing bounds.
def loop_sum(a, b, s):
    t = 0
    n = 0
    for i in range(a, b, s):
        t += i
        n += 1
    return t, n


for k in range(300):
    loop_sum(0, k, 1)
print(loop_sum(10, 0, -3), loop_sum(-5, 5, 2), loop_sum(5, 5, 1), loop_sum(0, 10, 100))
print(loop_sum(2**63 - 5, 2**63 + 5, 1))
print(loop_sum(-2**63 + 3, -2**63 - 3, -1))
print(loop_sum(0, 10**20, 10**19), loop_sum(2**62, 2**63, 2**61))
print(loop_sum(9223372036854775800, 9223372036854775807, 3))
try:
    loop_sum(0, 10, 0)
except ValueError as e:
    print("ValueError", e)


def last_var(n):
    for i in range(n):
        pass
    return i


print(last_var(10), last_var(1))
try:
    last_var(0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def shrink(n):
    out = []
    for i in range(n):
        n -= 1
        out.append(n)
    return out


print(shrink(6))


def step_var(n):
    res = []
    for i in range(n):
        i *= 2
        res.append(i)
    return res


print(step_var(5))
r = range(3, 40, 4)
print(len(r), r[2], r[-1], r[::2], 19 in r, 20 in r, r.index(15), list(reversed(r))[:3], r.count(7))
print(len(range(10**18)), range(10**20)[5], list(range(5, -5, -2)))
try:
    len(range(10**20))
except OverflowError as e:
    print("OverflowError", e)
total = 0
for i in range(1000):
    for j in range(i % 10, 0, -1):
        total += i ^ j
print(total)


def nested_break(n):
    found = []
    for i in range(n):
        for j in range(i):
            if i * j > n:
                break
            if (i + j) % 7 == 0:
                found.append((i, j))
        else:
            continue
        if len(found) > 50:
            break
    return len(found), found[-3:]


print(nested_break(100))


def float_step(a, b, s):
    out = []
    x = a
    while x < b:
        out.append(round(x, 10))
        x += s
    return out


print(float_step(0, 1, 0.1), len(float_step(0, 100, 0.01)))


def big_index(xs, i):
    return xs[i]


data = list(range(10))
for i in range(100):
    big_index(data, i % 10)
for i in (-1, -10, 10, 2**63, -2**63 - 1, True):
    try:
        print(big_index(data, i))
    except IndexError as e:
        print("IndexError", e)
try:
    big_index(data, 1.0)
except TypeError as e:
    print("TypeError", e)

def scan(xs):
    out = []
    i = 0
    while (n := len(xs) - i) > 0:
        if (v := xs[i]) % 3 == 0 and (w := v // 3) > 2:
            out.append(w)
        i += 1 + (n % 2 == 0)
    return out


def chain_cmp(xs):
    c = 0
    for a, b, d in zip(xs, xs[1:], xs[2:]):
        if a < b < d:
            c += 1
        elif a > b > d:
            c -= 1
        elif a == b != d:
            c += 10
    return c


def short_circuit(xs):
    calls = []

    def f(v):
        calls.append(v)
        return v

    r = []
    for x in xs:
        r.append(f(x) or f(-1))
        r.append(f(x) and f(x * 2))
        r.append(not f(x))
    return r, len(calls)


def ternaries(n):
    t = 0
    for i in range(n):
        t += i if i % 3 else -i if i % 2 else 0.5
    return t


print(scan(list(range(60))))
print(chain_cmp([1, 2, 3, 3, 3, 2, 1, 5, 5, 6, 7, 8, 1.5, 1.0, 0.5]))
print(short_circuit([0, 1, 2, 0.0, "", "a", None, [], [0]]))
print(ternaries(100), ternaries(1))
data = [5, 3, 8, 1]
if (m := max(data)) > 5:
    print("max", m)
print([y for x in range(10) if (y := x * x) % 2], y)
val = 0 or 0.0 or "" or None or []
print(val, 1 and 2.5 and "x", (0 and 1) or (2 and 0), None or False)
count = 0
for i in range(300):
    if 10 < i < 20 or 100 <= i <= 105 and i % 2 == 0 or not i % 97:
        count += 1
print(count)
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 0 < x < 5, 1 < 2 < x < 4)
print([i for i in range(20) if not (i % 2 and i % 3)])
bools = [True, False]
print([a and b for a in bools for b in bools], [a or not b for a in bools for b in bools], True + True, -True, ~True, True & 1, True | False, True ^ True)

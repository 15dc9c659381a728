# bool arithmetic and bitwise results keep their types in hot code.
def bits(a, b):
    return a & b, a | b, a ^ b, ~a, -a, +a, a + b, a * b, a << 2, a >> 1, a - b


for i in range(3000):
    bits(i & 1 == 0, i % 3 == 0)
for a in (True, False):
    for b in (True, False):
        r = bits(a, b)
        print(a, b, r, [type(v).__name__ for v in r])
print(bits(True, 5), bits(7, False))


def flags(xs):
    any_even = False
    all_pos = True
    parity = False
    count = 0
    for x in xs:
        any_even |= x % 2 == 0
        all_pos &= x > 0
        parity ^= x > 10
        count += x > 5
    return any_even, all_pos, parity, count


print(flags(range(1, 20)), flags([3, 5, -7]), flags([]))
acc = True
for i in range(100):
    acc = acc and i < 50
print(acc)
t = True
t += 1
print(t, type(t).__name__)
t = False
t -= True
print(t)


def cmp_type(a, b):
    return (a < b) + (a == b) * 2


print([cmp_type(i % 3, 1) for i in range(9)], sum(cmp_type(i, 500) for i in range(1000)))
print(True / 2, True // 2, True % 2, True ** 10, divmod(True, 2), abs(False), hash(True), True == 1.0, int(True))
print(max(True, 1), max(1, True), min(False, 0), sum([True] * 10), sorted([True, 0, 1, False, 0.5]))
vals = [x > 3 for x in range(8)]
print(vals, vals.count(True), vals.index(True), vals.count(1), 1 in vals, 2 in vals)


def not_all(xs):
    out = []
    for x in xs:
        out.append(not x)
    return out


print(not_all([0, 1, 0.0, -0.0, 2**70, "", "a", [], [0], None]))
d = {}
for i in range(40):
    d[i % 4 == 0] = d.get(i % 4 == 0, 0) + 1
d[1] = d[1] * 100
print(d)

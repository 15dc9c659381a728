import math

def walk(values):
    out = []
    for v in values:
        out.append((v * 2, v - v if v == v else "nan", -v, abs(v)))
    return out


vals = [0.0, -0.0, 1.5, -2.5, float("inf"), float("-inf"), float("nan"), 1e308, -1e-320]
for row in walk(vals):
    print(row)

def rounding(n):
    res = []
    for i in range(-n, n + 1):
        x = i / 4
        res.append((round(x), round(x, 1), int(x), math.floor(x), math.ceil(x), math.trunc(x)))
    return res

for r in rounding(10):
    print(r)
print(round(2.675, 2), round(0.125, 2), round(-0.5), round(1.5), round(2.5), round(12345, -2), round(-12355, -1))

def fmod_table():
    out = []
    for a in (7.5, -7.5, 0.0, -0.0, 1e-300, 3.0):
        for b in (2.0, -2.0, 0.3, -0.7):
            out.append((a % b, a // b, divmod(a, b), math.fmod(a, b)))
    return out

for t in fmod_table():
    print(t)

def int_mod(n):
    s = []
    for a in range(-n, n + 1, 3):
        for b in (-7, -3, 2, 5):
            s.append((a // b, a % b))
    return s

print(int_mod(12))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print([math.isqrt(n) for n in (0, 1, 15, 16, 17, 10 ** 20, 2 ** 127 - 1)])
print(math.gcd(2 ** 64, 6 ** 30), math.gcd(0, 0), math.gcd(-12, 18), math.lcm(4, 6, 10))
print(math.comb(60, 30), math.perm(20, 5), math.factorial(25))

def inf_loop_acc(n):
    acc = 1.0
    steps = 0
    for i in range(n):
        acc *= 1e30
        steps += 1
        if acc == float("inf"):
            break
    return acc, steps, acc - acc

print(inf_loop_acc(100))
nan = float("nan")
count = 0
for i in range(100):
    x = nan if i % 7 == 0 else float(i)
    if x < 50:
        count += 1
    if x != x:
        count += 1000
print(count)
zero_sign = []
for x in (0.0, -0.0, -1e-400, 1e-400):
    zero_sign.append((math.copysign(1.0, x), str(x), repr(x * -1)))
print(zero_sign)
print(float("1e400"), -float("1e400"), 1e16, 1e15 + 0.3, 123456789.0 * 1000, 2.0 ** 0.5, 10 ** -5, 0.1 + 0.2)
print(int(1e18), int(-1e19), int(2.0 ** 70), float(2 ** 70), float(10 ** 20) == 10 ** 20)
print(7 / 2, -7 / 2, 7 // -2, 2 ** -1, (-8) ** (1 / 3) if False else abs(-8) ** (1 / 3))
print(math.isfinite(1e308 * 10), math.isinf(-1e308 * 10), math.isnan(float("inf") - float("inf")))
print(max(1, 1.0), min(-0.0, 0.0), max(0.0, -0.0), sorted([3, 1.5, -0.0, 0, True, 2]))

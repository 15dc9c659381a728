from fractions import Fraction
from decimal import Decimal, getcontext


def harmonic(n):
    h = Fraction(0)
    for k in range(1, n + 1):
        h += Fraction(1, k)
    return h


def bernoulli(n):
    a = [Fraction(0)] * (n + 1)
    out = []
    for m in range(n + 1):
        a[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        out.append(a[0])
    return out


def egyptian(fr):
    out = []
    while fr.numerator != 0:
        d = -(-fr.denominator // fr.numerator)
        out.append(d)
        fr -= Fraction(1, d)
    return out


def sqrt2(digits):
    getcontext().prec = digits
    x = Decimal(1)
    for _ in range(30):
        x = (x + Decimal(2) / x) / 2
    return x


h = harmonic(60)
print(h.numerator % 10 ** 12, h.denominator % 10 ** 12, float(h))
print(bernoulli(12))
print(egyptian(Fraction(7, 15)), egyptian(Fraction(5, 121)))
print(sqrt2(50))
getcontext().prec = 28
total = Decimal("0")
for i in range(1, 500):
    total += Decimal(i) / Decimal(7)
print(total, total.quantize(Decimal("0.01")), round(total, 3))
f = Fraction(3, 4)
acc = 0
for i in range(200):
    acc += f * i
    if i % 50 == 0:
        acc = acc + 0.5 if i == 100 else acc
print(acc, type(acc).__name__)
print(Fraction(1, 3) + 1, Fraction(1, 3) * 3 == 1, Fraction("0.125"), Fraction(0.1).limit_denominator(1000), 1 / Fraction(3, 7))
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(3), Decimal("10") ** -2, -Decimal("0.0"))

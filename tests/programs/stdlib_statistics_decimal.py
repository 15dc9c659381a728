# statistics, decimal and fractions for exact and statistical computations.
import statistics as stats
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, getcontext
from fractions import Fraction

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(stats.mean(data), stats.median(data), stats.mode(data), stats.pstdev(data), round(stats.stdev(data), 6))
print(stats.median([1, 3, 5, 7]), stats.median_low([1, 3, 5, 7]), stats.median_high([1, 3, 5, 7]), stats.multimode("aabbc"))
print(round(stats.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), 6), stats.fmean([1, 2, 3.5]), stats.quantiles(range(1, 11), n=4))
try:
    stats.mean([])
except stats.StatisticsError as e:
    print("StatisticsError:", e)

prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10"), Decimal("100")]
subtotal = sum(prices)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax, repr(subtotal))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3, Decimal(0.1))
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))
getcontext().prec = 30
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
print(Decimal("1.30") * 2, Decimal("-0"), Decimal("1e3") + 1, Decimal("3.14159").as_tuple().exponent)
try:
    Decimal("abc")
except Exception as e:
    print(type(e).__name__)

h = Fraction(1, 3) + Fraction(1, 6)
print(h, h.numerator, h.denominator, float(h), Fraction(0.75), Fraction("3/9"), Fraction(5, -10))
harmonic = sum(Fraction(1, n) for n in range(1, 11))
print(harmonic, round(float(harmonic), 6), harmonic > 2, Fraction(7, 3) // 1, Fraction(7, 3) % 1)
print(Fraction(1, 3) ** 2, Fraction(2, 3) * 3 == 2, sorted([Fraction(1, 2), Fraction(1, 3), 0.4]))
def egyptian(fr):
    out = []
    while fr.numerator:
        unit = Fraction(1, -(-fr.denominator // fr.numerator))
        out.append(unit)
        fr -= unit
    return out
print(" + ".join(str(f) for f in egyptian(Fraction(4, 13))))

# The math module.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.isqrt(99), math.isqrt(10 ** 20))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2), math.trunc(-3.7))
print(math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6), math.gcd(2 ** 64, 2 ** 40 * 3))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(round(math.sin(math.pi / 6), 10), round(math.cos(0), 10), math.tan(0), round(math.atan2(1, 1), 10))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist((0, 0), (6, 8)))
print(math.exp(0), math.exp(1), math.pow(2, 10), math.fabs(-3), math.copysign(3, -0.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(10, 3))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.isnan(math.nan))
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
print([n for n in range(60) if is_prime(n)])
def quadratic(a, b, c):
    disc = b * b - 4 * a * c
    if disc < 0:
        return ()
    r = math.sqrt(disc)
    return tuple(sorted({(-b - r) / (2 * a), (-b + r) / (2 * a)}))
print(quadratic(1, -3, 2), quadratic(1, 2, 1), quadratic(1, 0, 1))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
from math import sqrt as root, floor
print(root(81), floor(2.9))

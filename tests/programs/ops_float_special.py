# inf, nan, and negative zero.
import math
inf = float("inf")
nan = float("nan")
nz = -0.0
print(inf, -inf, nan, nz, 0.0)
print(repr(nz), str(nz), nz == 0.0, str(nz) == str(0.0), math.copysign(1, nz))
print(inf + 1, inf - inf, inf * 0, inf * -1, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 1, nan is nan)
print(inf == inf, inf > 1e308, -inf < -1e308, inf > nan)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.isfinite(inf))
print(max(1, inf), min(-inf, 0), sorted([3, inf, -inf, 0]))
print(-nz, abs(nz), nz + 0.0, nz * -1, 0.0 * -1, nz - 0.0, -0.0 + -0.0)
print(round(-0.4), round(-0.0), -0.0 // 1, -0.5 // 1, 0.0 % -1, -0.0 % 1)
print(int(-0.0), float(-0), -0, -(0.0), -(-0.0))
print(f"{nz}", f"{nz:.2f}", f"{inf:.3f}", f"{nan}", f"{-inf:>8}")
print(str(inf).upper(), float("Infinity"), float("-NaN"), float("-inf") == -inf)
for bad in [lambda: int(inf), lambda: int(nan), lambda: math.sqrt(-1), lambda: 1e308 ** 2, lambda: math.log(0)]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(1e308 + 1e308, -1e308 * 1e10, 2.0 ** 1024 if False else "skip")
print([x for x in [1.0, nan, 2.0] if x == x])
print(inf // 1 if False else "skip", math.fmod(-7, 3), math.fmod(7, -3))
print(nan in [nan], [nan] == [nan], (nz, 0.0) == (0.0, nz))

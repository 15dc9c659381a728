# Float formatting and repr.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e16, 1e15, 123456789.123456789,
        1e-5, 0.0001, 1.5e-10, 3.14159, 2.5, 1e22, 1e-7, 12345678912345678.0, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(float("1.5"), float("  -2.25 "), float("1e3"), float(7), float("inf"), float("-inf"))
print(3.0 * 2, 7.0 / 2, 2 ** 0.5, 10 ** -2, 4 ** 0.5, 8 ** (1 / 3))
print(round(3.14159, 2), round(2.675, 2), round(-1.5), round(0.5), round(1.5), round(1e20))
print(round(1234.5678, -2), round(5.5), round(6.5), round(-0.4))
print(int(2.9), int(-2.9), float(int(1e10)))
print(1.5.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio(), (0.1).hex())
print(f"{3.14159:.2f} {2.5:e} {1234567.891:,.2f} {0.25:%} {1e-5:g} {123456789.0:g}")
print(sum([0.1] * 10), 0.1 * 10, 1e300 * 10, -1e300 * 10)
print(1.0 == 1, 1.0 != 1, hash(1.0) == hash(1))
print(max(1.5, 2), min(-0.5, 0), abs(-3.5), divmod(7.5, 2))
print(float("nan") != float("nan"), 1e308 * 10 == float("inf"))
print(2.0 ** 10, 10.0 ** 20, 10.0 ** 15, 2.0 ** -3)
print(1 / 7, 22 / 7, 355 / 113, 1e-10 + 1)

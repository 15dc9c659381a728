# Integer arithmetic.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, abs(-a), ~a)
print(divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(-a, -b))
print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** 2, -2 ** 2, 0 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-3, 3))
print(10 / 4, 10 / 5, 1 / 3, 2 / 3, -7 / 2)
print(7 // 2, 7 % 2, 1 + 2 * 3 - 4 // 2 ** 2)
print((1 + 2) * (3 + 4), 100 - 10 - 1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(int("42"), int("-0017"), int("ff", 16), int("0b101", 0), int("  12  "), int(3.99), int(-3.99))
print(int("1_000_000"), 1_000_000, 0x1F, 0o17, 0b1010)
print(round(2.5), round(3.5), round(-2.5), round(7, -1), round(15, -1), round(25, -1))
print(max(3, 9, 2), min(3, 9, 2), sum(range(101)), abs(-0))
total = 0
for i in range(1, 11):
    total += i * i
print("sum of squares:", total)
print(True + True, True * 10, False - 1, 5 + True)
print(7 .bit_length(), (255).bit_length(), (-1).bit_length(), (0).bit_length())
print((10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(hex(255), oct(8), bin(5), hex(-42), bin(-3))
print(abs(-12345678901234567890))
print(isinstance(7 // 2, int), isinstance(7 / 7, float), type(2 ** -1).__name__)

# Arbitrary-precision integers.
big = 2 ** 100
print(big, big + 1, big * big, big - 2 ** 99)
print(-big, big // 7, big % 1000007, -big // 7, -big % 1000007)
print(2 ** 63, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -(2 ** 64) - 1)
print((2 ** 63 - 1) + 1, -(2 ** 63) - 1, (2 ** 62) * 4, (2 ** 32) * (2 ** 32))
print(9223372036854775807 * 9223372036854775807)
fact = 1
for i in range(1, 41):
    fact *= i
print(fact)
print(len(str(2 ** 1000)), str(3 ** 200)[:20])
print(sum(int(d) for d in str(2 ** 1000)))
print(big >> 50, big << 10, big & (2 ** 64 - 1), big | 1, big ^ (big - 1))
print(~big, -big >> 3, (-big) & 0xFFFF)
print(pow(7, 10 ** 5, 10 ** 9 + 7), pow(2, 2 ** 20, 97))
print(divmod(10 ** 30, 10 ** 15 + 3), divmod(-(10 ** 30), 10 ** 15 + 3))
print(10 ** 20 / 10 ** 10, 10 ** 30 / 3, (2 ** 80) / (2 ** 78))
print(int("9" * 40) + 1, hex(2 ** 70), bin(2 ** 65 + 1), oct(8 ** 30))
print(abs(-(10 ** 25)), (10 ** 25).bit_length(), max(2 ** 70, 2 ** 69 * 3))
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, -2 ** 64 < -2 ** 63)
print(float(2 ** 64), int(1e20), int(float(2 ** 53 + 1)))
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print("fib300:", a)
print(12345678901234567890 % 97, -12345678901234567890 // 97)
print(round(123456789012345678901234567890, -10))
x = 2 ** 63 - 1
x += 1
print(x, type(x).__name__)
x -= 2 ** 64
print(x)
x *= -3
print(x)

# Bitwise operators and shifts on ints (including negatives and bigs).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b))
for x in [0, 1, -1, 5, -5, 255, -256]:
    print(x, ~x, x & 0xF, x | 0x10, x ^ -1, x << 3, x >> 1, x >> 100)
print(1 << 64, 1 << 100, (1 << 64) >> 63, -1 << 70, (-1 << 70) >> 69)
print(-17 >> 2, -17 // 4, 17 >> 2, -1 >> 1)
print(0xFF & -0x10, -0x10 | 0xFF, -12 ^ 5, -12 & -5, -12 | -5)
mask = 0
for bit in [0, 3, 5, 7]:
    mask |= 1 << bit
print("mask", mask, bin(mask), [i for i in range(8) if mask >> i & 1])
n = 0b10110110
count = 0
while n:
    n &= n - 1
    count += 1
print("popcount", count, bin(0b10110110).count("1"))
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} ^ {3, 4}, {1, 2, 3} - {1})
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1 >> -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.0 << 1)
except TypeError as e:
    print("TypeError:", e)
x = 0b1
x <<= 5
x |= 3
x ^= 0b100000
x &= 0b11
x >>= 1
print(x)
def swap_xor(a, b):
    a ^= b
    b ^= a
    a ^= b
    return a, b
print(swap_xor(12, 34))
print((1 << 63) - 1, -(1 << 63), (1 << 63) ^ ((1 << 63) - 1), (2 ** 64 - 1) & -(2 ** 63))

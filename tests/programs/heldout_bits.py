def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r


def gray(n):
    return n ^ (n >> 1)


def xorshift(seed, count):
    x = seed
    out = []
    for _ in range(count):
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        out.append(x % 1000)
    return x, out


def neg_shifts():
    res = []
    for v in (-1, -2, -7, -(2 ** 62), -(2 ** 63), -(2 ** 64) + 3):
        res.append((v >> 1, v >> 63, v >> 100, v << 3, v & 0xFF, v | 1, v ^ -1, ~v))
    return res


def shift_growth():
    x = 1
    seq = []
    for i in range(0, 140, 7):
        seq.append((x << i) >> (i // 2))
    return seq


def subsets_sum(xs):
    n = len(xs)
    best = 0
    for mask in range(1 << n):
        s = 0
        for i in range(n):
            if mask >> i & 1:
                s += xs[i]
        if s <= 100 and s > best:
            best = s
    return best


print([popcount(n) for n in (0, 1, 255, 2 ** 63 - 1, 2 ** 64 + 2 ** 63, 12345678901234567890)])
print([reverse_bits(n, 8) for n in range(16)], reverse_bits(0xDEADBEEF, 32))
print([gray(i) for i in range(16)])
print(xorshift(88172645463325252, 20))
for row in neg_shifts():
    print(row)
print(shift_growth())
print(subsets_sum([17, 23, 5, 41, 12, 9, 31, 2, 14, 27]))
print(1 << 62, 1 << 63, 1 << 64, (1 << 63) - 1 + 1, -1 << 63, ~(2 ** 63), ~0, -(-1 << 63))
print(0xFF & -256, -1 & 2 ** 70, 2 ** 70 | 1, (2 ** 70) ^ (2 ** 70 - 1), 5 >> 0, 0 << 100)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -5
except ValueError as e:
    print("ValueError:", e)
h = 0
for ch in "a fairly long string to hash with fnv style mixing" * 20:
    h = ((h ^ ord(ch)) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
print(h, hex(h), bin(h)[:20], h.bit_length(), h.to_bytes(8, "little")[:3])
sig = 0
for i in range(2000):
    sig = (sig << 1) ^ i
    if sig > 2 ** 40:
        sig &= 0xFFFFF
print(sig)
print(int.from_bytes(b"\x01\x02\x03", "big"), (1024).bit_count() if hasattr(int, "bit_count") else 1, (-5).bit_length())

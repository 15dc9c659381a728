# Roman numerals and other base conversions.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} out of range")
    out = []
    for value, sym in VALUES:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)

def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total

for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} {r:<12} {from_roman(r)}")
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000, 7)))
for bad in (0, 4000, -1):
    try:
        to_roman(bad)
    except ValueError as e:
        print("ValueError:", e)

def to_base(n, base):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(digits[d])
    return sign + "".join(reversed(out))
for n in [0, 255, -255, 1000, 2 ** 40]:
    print(n, [to_base(n, b) for b in (2, 8, 16, 36)], int(to_base(n, 36), 36) == n)
def roman_sum(a, b):
    return to_roman(from_roman(a) + from_roman(b))
print(roman_sum("XIV", "XXVIII"), roman_sum("MCM", "XCIX"))

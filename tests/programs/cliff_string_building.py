# Base conversion by string building, palindromes, f-strings, a rolling hash.
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = ""
    while n > 0:
        s = digits[n % b] + s
        n //= b
    return s

def is_pal(s):
    return s == s[::-1]

count = 0
total = 0
for n in range(1, 10000):
    if is_pal(str(n)) and is_pal(to_base(n, 2)):
        count += 1
        total += n
print(count, total)

parts = []
for i in range(5000):
    parts.append(f"{i:05d}-{to_base(i, 16)}")
joined = ",".join(parts)
print(len(joined), joined[:60])
h = 0
for ch in joined:
    h = (h * 31 + ord(ch)) % 1000000007
print(h)

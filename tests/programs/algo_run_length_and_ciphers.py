# Encoding utilities: run-length encoding, Caesar/Vigenere ciphers, base64, simple checksums.
import base64
from itertools import groupby

def rle_encode(s):
    return "".join(f"{len(list(g))}{ch}" for ch, g in groupby(s))

def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabbbcccc", ""]:
    enc = rle_encode(s)
    print(repr(enc), rle_decode(enc) == s)

def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            out.append(caesar(ch, -shift if decrypt else shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)

msg = "Attack at Dawn! Meet at the old mill, 5pm."
print(caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)
enc = vigenere(msg, "lemon")
print(enc, vigenere(enc, "lemon", decrypt=True) == msg)
b64 = base64.b64encode(msg.encode()).decode()
print(b64, base64.b64decode(b64).decode() == msg, base64.b16encode(b"hi"), base64.urlsafe_b64encode(b"\xfb\xff"))
def luhn_valid(number):
    digits = [int(d) for d in str(number)][::-1]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0
print([luhn_valid(n) for n in (79927398713, 79927398710, 4539578763621486, 1234567812345678)])
def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
import zlib
print(adler32(b"Wikipedia"), zlib.adler32(b"Wikipedia"), hex(zlib.crc32(b"hello")))
freq = sorted(((c, msg.lower().count(c)) for c in set(msg.lower()) if c.isalpha()), key=lambda p: (-p[1], p[0]))
print(freq[:5])

# A Caesar cipher with a chained comparison, letter frequencies, setdefault.
import random
random.seed(9)
alphabet = "abcdefghijklmnopqrstuvwxyz"
words = ["".join(random.choice(alphabet) for _ in range(random.randint(3, 9))) for _ in range(2000)]
text = " ".join(words)

def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)

enc = caesar(text, 13)
dec = caesar(enc, 13)
print(dec == text, enc[:40])
freq = [0] * 26
for ch in enc:
    if ch != " ":
        freq[ord(ch) - 97] += 1
print(freq.index(max(freq)), max(freq))
vowels = set("aeiou")
nv = 0
for w in words:
    c = 0
    for ch in w:
        if ch in vowels:
            c += 1
    if c * 2 > len(w):
        nv += 1
print(nv)
caps = [w.capitalize() for w in words if len(w) > 6]
print(len(caps), caps[:3])
rev = {}
for w in words:
    rev.setdefault(w[0], []).append(w)
print(sorted((k, len(v)) for k, v in rev.items())[:5])

def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def is_pal(s):
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


def longest_pal(s):
    best = ""
    for c in range(len(s)):
        for lo, hi in ((c, c), (c, c + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


def rle(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev, n = ch, 1
    out.append(f"{n}{prev}")
    return "".join(out)


def word_stats(text):
    words = text.split()
    lengths = {}
    for w in words:
        w = w.strip(".,;!?").lower()
        lengths[len(w)] = lengths.get(len(w), 0) + 1
    return sorted(lengths.items())


def hash_str(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


text = "The Quick Brown Fox, jumps over the lazy dog! Pack my box with five dozen liquor jugs. " * 10
enc = caesar(text, 13)
print(enc[:60], caesar(enc, 13) == text)
print([w for w in ["racecar", "level", "jitvm", "noon", "", "ab"] if is_pal(w)])
print(longest_pal("forgeeksskeegforabacdfgdcabaracecarxyz"))
print(rle("aaabccddddde" * 3), rle(""), rle("z"))
print(word_stats(text))
print(hash_str(text), [hash_str(str(i)) % 97 for i in range(10)])
s = ""
n = 0
while len(s) < 300:
    s += chr(65 + n % 26) * (n % 4)
    n += 1
print(len(s), s[-20:], s.count("A"), s.find("DDD"), s.rfind("B"), s.index("CC"))
acc = 0
for i in range(2000):
    t = str(i)
    acc += int(t[::-1]) + len(t) + t.count("1")
print(acc)
print("-".join(map(str, range(5))), "abc" * 3, "x" in "xyz", "abc" < "abd", "Z" < "a", "10" < "9")
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello world".replace("o", "0", 1), "a,b;c".split(";"), "  pad ".strip())
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|", "%-5s|%5s" % ("ab", "cd"), "{:#x}".format(255))
words = sorted(set(text.lower().replace(",", "").replace(".", "").replace("!", "").split()))
print(words, len(words))
print(max(words, key=len), min(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[::-1])[:3])
print(ord("€"), chr(8364), "€uro".encode("utf-8"), len("€uro"), "ß".upper(), "İ".lower().__len__())

# Everyday string manipulation tasks.
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]

for s in ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"]:
    print(repr(s), is_palindrome(s))

def reverse_words(s):
    return " ".join(reversed(s.split()))
print(reverse_words("  the sky   is blue "))

def compress(s):
    if not s:
        return ""
    out, count = [], 1
    for prev, cur in zip(s, s[1:]):
        if cur == prev:
            count += 1
        else:
            out.append(f"{prev}{count}")
            count = 1
    out.append(f"{s[-1]}{count}")
    return "".join(out)
print(compress("aaabccddddde"), compress("abc"), compress(""))

def anagram_groups(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return sorted(sorted(g) for g in groups.values())
print(anagram_groups(["eat", "tea", "tan", "ate", "nat", "bat"]))

def to_snake(name):
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i:
            out.append("_")
        out.append(c.lower())
    return "".join(out)
def to_camel(name):
    first, *rest = name.split("_")
    return first + "".join(p.title() for p in rest)
for n in ["parseHttpResponse", "XMLParser", "simple"]:
    print(n, "->", to_snake(n), "->", to_camel(to_snake(n)))

def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
for l in wrap("The quick brown fox jumps over the lazy dog and keeps on running far away", 20):
    print(f"|{l:<20}|")

def vowel_count(s):
    return {v: s.lower().count(v) for v in "aeiou"}
print(vowel_count("Programming In Python Is Fun"))
print("".join(c.upper() if i % 2 else c.lower() for i, c in enumerate("alternating caps")))
print(" ".join(w[::-1] for w in "reverse each word".split()))
s = "hello world"
print(s.title(), s.capitalize(), s.count("o"), s.replace("o", "0", 1), "-".join(s.split()))
print(sorted(set("mississippi")), "".join(dict.fromkeys("mississippi")))
print(ord("a"), chr(ord("a") + 25), [chr(c) for c in range(ord("A"), ord("F"))])
longest = max("find the longest word in this sentence".split(), key=len)
print(longest, len(longest))
print(f"{'centered':^20}|", f"{'right':>10}|", "%-8s|" % "left")

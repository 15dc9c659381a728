# Text processing: a regex tokenizer class with __iter__, an index with dunders, Counter, wrapping.
import re
from collections import Counter, defaultdict

DOC = """\
Alice was beginning to get very tired of sitting by her sister on the bank,
and of having nothing to do: once or twice she had peeped into the book her
sister was reading, but it had no pictures or conversations in it, "and what
is the use of a book," thought Alice "without pictures or conversations?"
"""

class Tokenizer:
    WORD = re.compile(r"[A-Za-z']+")
    def __init__(self, text):
        self.text = text
    def __iter__(self):
        for m in self.WORD.finditer(self.text):
            yield m.group().lower(), m.start()
    def words(self):
        return [w for w, _ in self]

class Index:
    def __init__(self):
        self.pos = defaultdict(list)
    def add(self, word, at):
        self.pos[word].append(at)
    def __getitem__(self, w):
        return self.pos.get(w, [])
    def __contains__(self, w):
        return w in self.pos
    def __len__(self):
        return len(self.pos)
    def top(self, n):
        return sorted(self.pos, key=lambda w: (-len(self.pos[w]), w))[:n]

tok = Tokenizer(DOC)
idx = Index()
for w, at in tok:
    idx.add(w, at)
print(len(idx), "alice" in idx, "rabbit" in idx, idx["sister"], idx.top(5))
words = tok.words()
c = Counter(words)
print(c.most_common(4), sum(c.values()), c["the"], c["zzz"])
print(Counter("abracadabra") - Counter("abc"), (Counter(a=3) + Counter(a=1, b=2)).most_common())
lines = DOC.splitlines()
for i, ln in enumerate(lines, 1):
    print(f"{i:>2}: {ln[:30]:<30} | {len(ln):3d} chars, {len(ln.split()):2d} words")
longest = max(words, key=len)
print(f"longest={longest!r} ({len(longest)}), avg={sum(map(len, words)) / len(words):.3f}")
caps = re.findall(r"\b[A-Z]\w*", DOC)
print(caps, re.sub(r"\s+", " ", DOC)[:60])
quotes = re.findall(r'"([^"]*)"', DOC.replace("\n", " "))
print(quotes)
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar(lines[0], 13)
print(enc, caesar(enc, 13) == lines[0])
def wrap(text, width):
    line, out = [], []
    for w in text.split():
        if sum(map(len, line)) + len(line) + len(w) > width:
            out.append(" ".join(line))
            line = []
        line.append(w)
    out.append(" ".join(line))
    return out
for ln in wrap(DOC, 40):
    print(f"|{ln:^40}|")
vowels = {v: sum(w.count(v) for w in words) for v in "aeiou"}
print(vowels, max(vowels, key=vowels.get))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(2))
acr = "".join(w[0].upper() for w in "portable network graphics".split())
print(acr, "-".join(reversed(acr)), acr.lower().center(11, "*"))
pal = [w for w in set(words) if len(w) > 1 and w == w[::-1]]
print(sorted(pal))
table = str.maketrans({"a": "4", "e": "3", "o": "0"})
print(lines[1].translate(table))

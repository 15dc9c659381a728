# Text statistics with dicts, Counter, sorting and string methods.
from collections import Counter
import string

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""

lines = TEXT.splitlines()
words = [w.strip(string.punctuation).lower() for w in TEXT.split()]
words = [w for w in words if w]
print("lines:", len(lines), "words:", len(words), "chars:", len(TEXT))
print("unique words:", len(set(words)))
freq = Counter(words)
for word, n in freq.most_common(6):
    print(f"  {word:<8} {n:>3} {'#' * n}")
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
print("longest:", max(sorted(set(words)), key=len))
print("average length:", round(sum(map(len, words)) / len(words), 3))
letters = Counter(c for c in TEXT.lower() if c.isalpha())
print("top letters:", "".join(c for c, _ in letters.most_common(10)))
vowels = sum(letters[v] for v in "aeiou")
print("vowel ratio:", f"{vowels / sum(letters.values()):.3f}")
bigrams = Counter(zip(words, words[1:]))
print("top bigrams:", [" ".join(b) for b, _ in bigrams.most_common(3)])
first_letters = Counter(w[0] for w in words)
print(sorted(first_letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
for i, line in enumerate(lines, 1):
    ws = line.split()
    print(f"{i}: {len(ws):2d} words, starts {ws[0]!r}, ends {ws[-1]!r}")
capitalized = sorted({w.strip(string.punctuation) for w in TEXT.split() if w[0].isupper()})
print("capitalized:", capitalized)
index = {}
for lineno, line in enumerate(lines, 1):
    for w in line.lower().split():
        index.setdefault(w.strip(string.punctuation), set()).add(lineno)
for w in ["times", "season", "us", "hope"]:
    print(w, sorted(index[w]))

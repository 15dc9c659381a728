# Word and word-pair frequencies with dicts, sorted by count with a lambda.
import random
random.seed(1)
words = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa"]
text = []
for i in range(20000):
    text.append(words[random.randrange(len(words))])

counts = {}
for w in text:
    counts[w] = counts.get(w, 0) + 1
items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in items:
    print(w, c)

pairs = {}
for i in range(len(text) - 1):
    key = (text[i], text[i + 1])
    if key in pairs:
        pairs[key] += 1
    else:
        pairs[key] = 1
top = sorted(pairs, key=lambda k: pairs[k], reverse=True)[:5]
print(top)

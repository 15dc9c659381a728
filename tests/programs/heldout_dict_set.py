def word_counts(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def invert(d):
    inv = {}
    for k, v in d.items():
        inv.setdefault(v, []).append(k)
    return inv


def unique_sums(n):
    seen = set()
    dup = 0
    for a in range(n):
        for b in range(a, n):
            s = a * a + b * b
            if s in seen:
                dup += 1
            seen.add(s)
    return len(seen), dup


def memo_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = memo_paths(r - 1, c, memo) + memo_paths(r, c - 1, memo)
    memo[key] = v
    return v


def graph_components(edges, n):
    adj = {i: set() for i in range(n)}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    seen = set()
    comps = []
    for start in range(n):
        if start in seen:
            continue
        stack = [start]
        comp = 0
        seen.add(start)
        while stack:
            v = stack.pop()
            comp += 1
            for w in adj[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        comps.append(comp)
    return sorted(comps, reverse=True)


text = ("the quick brown fox jumps over the lazy dog the fox " * 30).split()
wc = word_counts(text)
print(sorted(wc.items()))
print(sorted((k, sorted(v)) for k, v in invert(wc).items()))
print(unique_sums(120))
print(memo_paths(16, 16, {}), memo_paths(40, 40, {}))
edges = [((i * 7) % 200, (i * 11 + 3) % 200) for i in range(120)]
print(graph_components(edges, 200)[:10])
a = set(range(0, 100, 3))
b = set(range(0, 100, 5))
print(len(a | b), sorted(a & b), len(a - b), len(a ^ b), a <= a | b, {1, 2} < {1, 2})
d = {i: str(i) for i in range(10)}
for k in list(d):
    if k % 2:
        del d[k]
d.update({20: "x"}, y=1)
print(d, d.pop(4), d.pop(99, "none"), d.popitem(), len(d))
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
cnt = {}
for i in range(5000):
    key = (i % 7, i % 3 == 0)
    cnt[key] = cnt.get(key, 0) + i
print(sorted(cnt.items()))
fs = frozenset([1, 2, 3])
print({fs: 1}[frozenset([3, 2, 1])], {1: "a", 1.0: "b", True: "c"})
nested = {}
for i in range(100):
    nested.setdefault(i % 4, {}).setdefault(i % 3, []).append(i)
print(nested[2][1], {k: len(v) for k, v in nested.items()})
print(dict(zip("abc", range(3))), dict.fromkeys("xy", 0), {**{"a": 1}, "b": 2, **{"a": 3}})
try:
    print({}["missing"])
except KeyError as e:
    print("KeyError:", e, repr(e))

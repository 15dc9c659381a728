# dict methods and behaviour (insertion order, views, comprehension).
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("zz"), d.get("zz", 0), "a" in d, 2 in d)
print(d.setdefault("d", 4), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d, len(d))
d2 = d.copy()
d2["a"] = "changed"
print(d["a"], d2["a"])
print(dict.fromkeys(["k1", "k2"]), dict.fromkeys("ab", []), dict(zip("abc", range(3))))
print({**d, "a": 0} == d, d == dict(d), {1: 2} == {1: 2.0})
keys = d.keys()
d["new"] = 1
print(keys, "new" in keys, len(keys))
print(sorted(d.keys() & {"a", "x", "q"}), sorted(d.keys() - {"a"}), d.items() >= {("a", 1)})
del d["new"]
d["a"] = 10  # updating keeps position
print(d)
del d["a"]
d["a"] = 11  # re-inserting moves to end
print(d)
print(sorted(d.items(), key=lambda kv: kv[1]), max(d, key=d.get), min(d.values()))
print({k: v for k, v in d.items() if v > 8}, {v: k for k, v in d.items()})
print(list(reversed(d)), list(reversed(d.items()))[:2])
m = {"a": 1} | {"b": 2} | {"a": 3}
print(m)
nested = {}
for word in "one two three two one one".split():
    nested.setdefault(len(word), {}).setdefault(word, 0)
    nested[len(word)][word] += 1
print(nested)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    for k in d:
        d["boom"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(d.pop("boom", None), d.clear(), d, bool(d))
print(dict(a=1, b=2), dict({"x": 1}, y=2), dict([[1, 2], (3, 4)]), {(1, 2): "tuple key", None: "none key"})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))

# collections: Counter, defaultdict, OrderedDict, deque, ChainMap.
from collections import Counter, defaultdict, OrderedDict, deque, ChainMap

text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
print(words.most_common(3), words["the"], words["missing"])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(5))
print(sorted((letters - Counter("aeiou" * 10)).items())[:5])
a, b = Counter("aabbbc"), Counter("abccd")
print(a + b, a - b, a & b, a | b)
print(sorted(a.elements()), a.total(), Counter({"x": 3, "y": -1}))
a.update("zz")
a.subtract({"b": 2})
print(a)

groups = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[w[0]].append(w)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(last=False), od)

dq = deque([1, 2, 3], maxlen=5)
dq.append(4)
dq.appendleft(0)
dq.append(5)
print(dq, dq.maxlen, dq[0], dq[-1])
dq.rotate(2)
print(dq)
dq.rotate(-1)
print(dq, dq.popleft(), dq.pop(), dq)
dq.extend([7, 8])
dq.extendleft([-1, -2])
print(dq, len(dq), 7 in dq)

defaults = {"color": "red", "size": "M"}
overrides = {"size": "L"}
cm = ChainMap(overrides, defaults)
print(cm["color"], cm["size"], dict(cm), cm.maps[0])
cm["new"] = 1
print(overrides)
queue = deque()
for task in ["a", "b", "c"]:
    queue.append(task)
while queue:
    print("processing", queue.popleft())

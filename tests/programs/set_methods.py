# set and frozenset operations (printed sorted for determinism).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference({1}, {2})), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7, 8}), {1} < a, a <= a, a < a)
s = set()
s.add(3); s.add(1); s.add(3)
print(sorted(s), len(s), 3 in s, 2 not in s)
s.update([5, 6], {7})
s.discard(100)
s.remove(1)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
x = {10, 20}
x |= {30}
x &= {20, 30, 40}
x -= {20}
x ^= {99}
print(sorted(x))
popped = {42}.pop()
print(popped)
fs = frozenset([3, 1, 2])
print(sorted(fs), fs | {9} == {1, 2, 3, 9}, type(fs | {9}).__name__, hash(fs) == hash(frozenset([1, 2, 3])))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
print(sorted({w[0] for w in words}), sorted(set("mississippi")))
print(set() == set(), set() == frozenset(), {1, 2} == {2, 1}, {1: 0}.keys() == {1})
seen, dups = set(), set()
for n in [1, 5, 2, 5, 1, 9, 2, 2]:
    (dups if n in seen else seen).add(n)
print(sorted(seen), sorted(dups))
print(sorted({(1, 2), (2, 1), (1, 2)}), {1, 2, 3} - {2} == {1, 3})
print(set(range(5)) & set(range(3, 8)), {x % 3 for x in range(10)}, sorted({-1, -5, 3}))
s2 = {1, 2, 3}
s2.intersection_update({2, 3, 4})
s2.difference_update({3})
s2.symmetric_difference_update({2, 8})
print(s2, set("") == set(), bool(set()), repr(set()), repr(frozenset()))
print(len({1, 1.0, True}), {0, False}, {1, 2} | frozenset([3]), frozenset([1]) | {2})

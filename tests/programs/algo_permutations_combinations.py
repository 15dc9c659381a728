# Hand-written permutations, combinations, subsets and next_permutation, checked against itertools.
import itertools

def permutations(items):
    if len(items) <= 1:
        return [list(items)]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out

def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    return [[first] + c for c in combinations(rest, k - 1)] + combinations(rest, k)

def subsets(items):
    out = [[]]
    for x in items:
        out += [s + [x] for s in out]
    return out

def next_permutation(a):
    a = list(a)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return None
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return a

print(permutations([1, 2, 3]))
print(len(permutations(list(range(6)))), [list(p) for p in itertools.permutations([1, 2, 3])] == permutations([1, 2, 3]))
print(combinations("abcd", 2))
print(all(combinations(list(range(7)), k) == [list(c) for c in itertools.combinations(range(7), k)] for k in range(8)))
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
p = [1, 2, 3]
seq = []
while p:
    seq.append("".join(map(str, p)))
    p = next_permutation(p)
print(seq)
print(next_permutation([1, 1, 5]), next_permutation([3, 2, 1]), next_permutation("abdc"))
def derangements(n):
    return sum(1 for perm in itertools.permutations(range(n)) if all(i != v for i, v in enumerate(perm)))
print([derangements(n) for n in range(7)])
def partitions(n, max_part=None):
    if max_part is None:
        max_part = n
    if n == 0:
        return [[]]
    return [[k] + rest for k in range(min(n, max_part), 0, -1) for rest in partitions(n - k, k)]
print(partitions(5), len(partitions(12)))
print(["".join(c) for c in itertools.product("01", repeat=3)])

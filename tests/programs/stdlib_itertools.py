# itertools recipes.
import itertools as it
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")))
print(list(it.permutations([1, 2, 3])), list(it.permutations("abc", 2)))
print(list(it.combinations(range(4), 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.accumulate([3, 1, 4], max)))
for key, group in it.groupby("aaabbcaa"):
    print(key, list(group))
data = sorted([("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)])
for key, grp in it.groupby(data, key=lambda p: p[0]):
    print(key, [v for _, v in grp])
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.filterfalse(lambda x: x % 2, range(8))))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
print(list(it.pairwise("abcd")), list(it.repeat(7, 3)))
counter = it.count(start=1, step=2)
print(next(counter), next(counter), next(counter))
print(sum(1 for _ in it.combinations(range(10), 3)), len(list(it.permutations(range(5)))))
def powerset(s):
    s = list(s)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
print(list(powerset("xyz")))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(g) for k, g in it.groupby(words, key=lambda w: w[0])})
coins = [1, 2, 5]
ways = [c for n in range(1, 5) for c in it.combinations_with_replacement(coins, n) if sum(c) == 5]
print(ways)
print(list(it.dropwhile(lambda x: x != "c", "abcdcba")))

# list methods and behaviour.
a = [3, 1, 4, 1, 5]
a.append(9)
a.extend([2, 6])
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 50)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.count(1), a.index(5, 2))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a[::-1])
b = a.copy()
b.clear()
print(a, b)
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
print([1, 2] + [3], [0] * 4, [[0] * 2 for _ in range(2)], 3 in [1, 2, 3], [1, 2] * 0)
aliased = [[0] * 2] * 2
aliased[0][0] = 1
print(aliased)
nums = list(range(10))
print(nums[2:8:2], sum(nums), min(nums), max(nums), nums.index(7))
stack = []
stack.append(1); stack.append(2); stack.append(3)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [] < [0], [[1, 2], [1]] > [[1, 1]])
lst = [5, 3, 8]
sorted_copy = sorted(lst)
print(lst, sorted_copy, lst.sort(), lst)
nested = [[3, "c"], [1, "a"], [2, "b"]]
nested.sort()
print(nested, list(map(list, zip(*nested))))
data = [("x", 3), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: (t[1], t[0]), reverse=True))
lst = [1, 2, 3, 4, 5, 6]
lst[1:3] = [20, 30, 40]
del lst[::2]
print(lst)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
print(list(reversed([])), [x for x in [1, None, 2] if x is not None], [None] * 2)
m = [1, 2, 3]
m += m
print(m, m * 2 == m + m, len(m * 3))
print(list(enumerate(["a", "b"])), [i for i, v in enumerate([5, 6, 5]) if v == 5])

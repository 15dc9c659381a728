# Comparisons, chained comparisons, ordering of sequences.
x = 5
print(1 < x < 10, 1 < x > 10, 5 <= x <= 5, 1 < 2 < 3 < 4 > 2, 3 > 2 == 2)
print(1 == 1.0, None is not None, "a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 99))
print([] == [], [] is [], () == (), {} == {}, {1: 2} == {1: 2.0})
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == [1, 2], "1" == 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(1))
print(calls)
calls.clear()
print(v(1) < v(5) > v(2) == v(2))
print(calls)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(max("apple", "banana", "cherry"), min([3, 1], [2, 9], [2, 1]))
for a, b in [(1, 2), (2, 2), (3, 2)]:
    print(a, b, a < b, a <= b, a == b, a != b, a >= b, a > b)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
print(1 == None, None == None, None != 0)
print(True == 1, False == 0, True > False, 2 > True)
print(1 < 2.5 < 3, 2 ** 64 > 1.8e19, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1, 2} == {2, 1})

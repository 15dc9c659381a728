# Augmented assignment on ints, floats, strings, lists, tuples, dicts, sets.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x /= 4; print(x)
f = 1.5
f *= 4; f -= 0.5; f /= 2
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)
st = {1, 2}
st |= {3}; st &= {2, 3, 4}; st -= {2}; st ^= {9}
print(sorted(st))
d = {"a": 1}
d |= {"b": 2}
print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
grid[0][0] -= 1
print(grid)
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 41
b.v *= 2
print(b.v)
nums = [1, 2, 3]
i = 0
nums[i] += 10
nums[-1] **= 2
print(nums)
lst2 = [1]
lst2 += "ab"
lst2 += range(2)
print(lst2)
try:
    t2 = (1,)
    t2 += [2]
except TypeError as e:
    print("TypeError:", e)
n = 2 ** 62
n *= 4
print(n)

# Slice assignment (incl. extended slices) and deletion.
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[:0] = [-1, -2]
print(lst)
lst[len(lst):] = [99]
print(lst)
lst[1:3] = []
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
del lst[::3]
print(lst)
del lst[1:3]
print(lst)
del lst[-1]
print(lst)
lst[:] = "xyz"
print(lst)
nums = list(range(8))
nums[::-2] = ["a", "b", "c", "d"]
print(nums)
try:
    nums[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
nums = [1, 2, 3]
nums[1:2] = nums
print(nums)
nums[10:20] = [7]
print(nums)
m = [[1, 2, 3], [4, 5, 6]]
m[0][1:] = [20, 30, 40]
print(m)
del m[0][:2]
print(m)
b = bytearray(b"hello")
b[0:1] = b"J"
del b[-1]
print(b)
s = list("abcdef")
s[1:5:2] = s[4:0:-2]
print(s)
del s[:]
print(s, len(s))
t = list(range(5))
t[-2:] = t[:2]
print(t)
t[2:2] = (100, 200)
print(t)
try:
    (1, 2, 3)[0:1] = [5]
except TypeError as e:
    print("TypeError:", e)
d = {"a": [1, 2, 3]}
d["a"][1:] = [9]
print(d)

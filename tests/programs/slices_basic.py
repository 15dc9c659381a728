# Slicing lists, tuples, strings, ranges with steps and negative indices.
lst = list(range(10))
print(lst[2:5], lst[:3], lst[7:], lst[-3:], lst[:-7], lst[::3], lst[1::2])
print(lst[::-1], lst[8:2:-2], lst[-1:-4:-1], lst[5:5], lst[7:2], lst[100:], lst[-100:2])
print(lst[::-3], lst[3::-1], lst[:3:-1], lst[-2::-3])
s = "Hello, World"
print(s[7:], s[:5], s[::-1], s[::2], s[-5:-1], s[1:-1])
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1], t[::4], type(t[1:2]).__name__)
r = range(0, 20, 2)
print(r[2:5], list(r[::-1]), r[-1], list(r[1::3]))
print(lst[slice(1, 4)], lst[slice(None, None, -2)], s[slice(3)])
sl = slice(1, 8, 3)
print(sl.start, sl.stop, sl.step, sl.indices(5))
copy = lst[:]
print(copy == lst, copy is lst)
text = "abcdefgh"
print([text[i:i + 3] for i in range(0, len(text), 3)])
print(text[len(text):], text[-len(text)], text[2:-2][::-1])
def rotate(seq, k):
    k %= len(seq)
    return seq[k:] + seq[:k]
print(rotate([1, 2, 3, 4, 5], 2), rotate("abcdef", -1))
print("racecar"[::-1] == "racecar", "python"[::-1] == "python")
try:
    print(lst[::0])
except ValueError as e:
    print("ValueError:", e)
try:
    print(lst[1.5:])
except TypeError as e:
    print("TypeError:", e)
print(lst[True:3], lst[None:None:None])
big = list(range(100))
print(big[10:90:17], big[-10:-90:-23])

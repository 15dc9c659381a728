# for loops over various iterables, for-else, enumerate, zip, range forms.
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("down", i)
print(list(range(0)), list(range(5, 2)), list(range(-3, 3, 2)))
for ch in "hey":
    print("char", ch)
for k in {"b": 2, "a": 1}:
    print("key", k)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print("item", k, v)
for idx, word in enumerate(["x", "y", "z"], start=1):
    print(idx, word)
for a, b in zip([1, 2, 3], "abcd"):
    print(a, b)

def search(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

search([4, 8, 15], 8)
search([4, 8, 15], 16)
search([], 1)

for x in []:
    print("never")
else:
    print("empty loop else")

for i in range(5):
    if i == 1:
        continue
    print("loop body", i)
else:
    print("completed without break, i =", i)

# loop variable persists after loop
for last in range(4):
    pass
print("last:", last)

# modifying the loop variable does not affect iteration
for i in range(3):
    print("i before", i)
    i = 100
# iterate over a copy while mutating the original
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
r = range(2, 20, 4)
print(r, len(r), r[1], r[-1], 10 in r, 11 in r, list(reversed(r)))

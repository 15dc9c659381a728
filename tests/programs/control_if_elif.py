# if / elif / else chains, truthiness, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))

values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {"k": 1}, set(), None, True, False]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")

def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizzbuzz(i) for i in range(1, 31)))

def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])

x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
if not x == 7:
    print("unreachable")
elif x != 8 and not x < 0:
    print("elif taken")

def empty_branches(v):
    if v:
        pass
    else:
        return "else"
    return "after pass"
print(empty_branches(1), empty_branches(0))
print("yes" if [] else "no", "yes" if [[]] else "no")

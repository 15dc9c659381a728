# and/or return operands and short-circuit; not.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [0] and "x", "a" or "b", not 0, not "x", not [], not None)
def side(label, value):
    print("  eval", label)
    return value
print(side("a", 0) and side("b", 1))
print(side("a", 1) and side("b", 2))
print(side("a", 0) or side("b", 0) or side("c", 3))
print(side("a", 5) or side("b", 6))
print(side("x", 1) and side("y", 0) or side("z", "fallback"))
print(not side("n", []))
x = None
name = x or "anonymous"
print(name)
items = [0, "", None, 3, "hi"]
print([i or "EMPTY" for i in items])
print([i and "SET" for i in items])
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, None, 3]))
def check(n):
    return n > 0 and n % 2 == 0 and "even positive" or "other"
print([check(n) for n in (-2, 3, 4)])
print(True and True, True and False, False or False, (1 and [] or {}))
a, b = 3, 0
print(b != 0 and a / b > 1)
print(a if a > b else b, (a > b) + 0, (a < b) * 10)
result = 1 < 2 and "lt" or "ge"
print(result)
print(0 or 0.0 or "" or None)
print(1 and 2 and 3 and 4, 1 and 2 and 0 and 4)

# Floor division and modulo with negative operands (ints and floats).
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(f"{a:3} // {b:3} = {a // b:3}   {a:3} % {b:3} = {a % b:3}   divmod={divmod(a, b)}")

fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (-0.0, 3), (1e-300, 3), (-1.0, 3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))

print(-1 % 1e100 if False else "skip")
print(10 % 3.5, -10 % 3.5, 10 // 3.5, -10 // 3.5)
print(5 % -0.3, -5 % 0.3)
print(2 ** 100 // 3, -(2 ** 100) // 3, 2 ** 100 % 7, -(2 ** 100) % 7)
print(-(2 ** 100) // -(2 ** 50), (2 ** 100) % -(2 ** 50 + 1))
for a in range(-4, 5):
    print(a, a // 4, a % 4, a // -4, a % -4)
for exc_case in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    a, b = exc_case
    for name, fn in [("//", lambda: a // b), ("%", lambda: a % b), ("/", lambda: a / b), ("divmod", lambda: divmod(a, b))]:
        try:
            fn()
        except ZeroDivisionError as e:
            print(a, name, b, "->", e)

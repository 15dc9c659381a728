# repr/str/format of many values: complex, floats, bytes, ranges, slices, big ints, % and format().
print(..., Ellipsis, NotImplemented, type(...).__name__, None.__class__.__name__)
z = complex(3, -4)
print(z, abs(z), z.conjugate(), z * 1j, (1 + 2j) / (3 - 1j), z.real, z.imag, complex("1+2j"), 2j ** 2, repr(-0j))
print(f"{z:.2f}", format(1 + 1j, "^12"), (0.5).hex(), float.fromhex("0x1.8p1"), (0.75).as_integer_ratio(), (3.0).is_integer())
print(1e308 * 10, -1e308 * 10, float("inf") - float("inf"), 10 ** 20 / 3, 2 ** 0.5, 10 // 3.0, -10 // 3.0, 7.5 % -2)
print(r"raw\n", "\N{GREEK SMALL LETTER ALPHA}", "\u00e9\x41\101", b"%d-%s" % (5, b"x"), b"abc"[1], b"abc"[1:], bytes([65, 66]), bytearray(b"hi") + b"!")
print(range(10)[2:8:2], range(0, 10, 3)[-1], 9 in range(0, 10, 3), len(range(10, 0, -3)), list(reversed(range(1, 10, 4))), range(5) == range(0, 5))
a = list(range(10))
print(a[::-1], a[-3:], a[:-7:-2], a[8:2:-3], a[100:], a[-100:2], a[::3])
a[2:5] = ["x"]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(e)
del a[::3]; print(a)
del a[1], a[0]; print(a)
try:
    ", ".join(["a", 1])
except TypeError as e:
    print(e)
try:
    int("1.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
print(repr(['it\'s', "say \"hi\"", 'both \' "', "\\"]), str(("a",)), repr({1: "x", "k": (1,)}), set(), frozenset({3, 1, 2}), {3, 1, 2, 100, 33})
print(sorted({"b": 1, "a": 2, "c": 0}.items(), key=lambda kv: kv[1]), sorted([[2, 1], [1, 2], [1]]), sorted(["B", "a", "C"]))
print("a", "b", sep="", end="|\n"); print(1, 2, 3, sep=", "); print(); print("", end=""); print("x", flush=True)
print(int.__name__, str(int), repr(str), type(None), type(type), object, [int, float])
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(-0.0), bool(0j), bool(None), bool(range(0)))
print(1 == 1.0, hash(1) == hash(1.0), {1: "a", 1.0: "b", True: "c"}, {0, False, 0.0})
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9, round(0.1 + 0.2, 10), 3 * 0.1, 1 / 3, 2 / 3, 100 / 7)
print(min(3, 1.5, 2), max("apple", "banana"), max([1, 2], [1, 3]), sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []))
print(any(x > 3 for x in [1, 5]), all([]), any([]), list(filter(str.isdigit, "a1b2")), abs(-0.0), -0.0 + 0.0)
print(divmod(2**65, 7), divmod(-2**65, 7), pow(2, 100, 97), pow(-3, 3), pow(2.0, -2), (-8) ** (1 / 3) if False else 0)
print(isinstance(True, int), issubclass(bool, int), True + True, True * 10, -True, ~True, True & False, True ^ True, type(True + 0))
print(str(123456789012345678901234567890 * 987654321), int("1" * 40) % 97, (10**50 + 1) // 7, -(10**30) >> 10, 12345678901234567890 & 0xFFFF)
print(float(2**53 + 1), int(1e20), int(-1.9e3), 2**63 == 2.0**63, 2**1000 > 1e300, 2**1100 > float("inf"), float(10**308) if True else 0)
try:
    float(10**400)
except OverflowError as e:
    print(e)
print(round(123.456, -1), round(-0.5), round(0.5), round(1.5), round(2.675, 2), round(5, 1), type(round(5.5)), type(round(5.5, 0)))
print("%5.1f|%-6d|%06.2f|%e|%g|%G" % (3.14159, 42, -3.7, 12345.678, 0.00001234, 1e20), "%s %s" % (None, [1]), "%r" % "x", "%i" % 3.9)
print("{:>8}|{:<8}|{:^8}|{:*>8.2f}|{:+}|{: }".format("r", "l", "c", 3.14159, 5, 5), "{0}{1}{0}".format("a", "b"), "{!r}".format("q"))
print(format(1234567, ","), format(0.000001234, ".3e"), format(12, "b"), format(-12, "#x"), format(3.0, "g"), format(1e-7, "g"), format(123456789.0, "g"))
print(str(1.0e-5), str(123456789.123), str(1.5e300), repr(2.0**-1074), 1e22, 1e21, 1e16, 123456789012345678.0)
print(list(map(str, [0.1, 0.25, 1/7, 1e-10, 5e-324])), float("1_000.5"), int("1_000"), 0x_ff, 0o17, 0b1010)

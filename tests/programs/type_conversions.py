# Conversions between builtin types.
print(int("42"), int("-7"), int(3.9), int(-3.9), int("1010", 2), int("z", 36), int(True), int("+5"))
print(float("3.25"), float(2), float("1e-3"), float(" 7 "), float("-0"), float(True))
print(str(42), str(3.0), str(-0.0), str([1, "a"]), str({"k": (1,)}), str(None), str(1e100))
print(bool(0), bool(0.0), bool(""), bool("False"), bool([]), bool([0]), bool(None), bool(-1))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list({"a": 1}.items()), list(range(3)))
print(tuple([1, 2]), tuple("hi"), set([3, 3, 1]), frozenset("aab") == frozenset("ab"))
print(dict([("a", 1), ("b", 2)]), dict(zip(["x", "y"], [1, 2])), dict(a=1))
print(chr(9731), ord("☃"), hex(ord("A")), int("41", 16), chr(int("41", 16)))
print(repr(str(b"bytes")), bytes("abc", "ascii"), "abc".encode(), b"abc".decode(), list("abc".encode()))
print(round(2.675, 2), int(round(2.5)), int(float("1e3")), float(int("10")) / 4)
print(str(12345)[::-1], int(str(12345)[::-1]), sum(int(d) for d in str(2 ** 50)))
print([int(x) for x in "1 2 3".split()], list(map(float, ["1.5", "2"])), ",".join(map(str, [1, 2, 3])))
print(float("inf"), float("-inf"), float("nan"), int(1e15), int(12345678901234567890.0))
for bad in ["", "1.5", "abc", "1e3", " ", "0x10"]:
    try:
        print(repr(bad), "->", int(bad))
    except ValueError as e:
        print(repr(bad), "-> ValueError:", e)
for bad in ["", "abc", "1,5", "--1"]:
    try:
        print(float(bad))
    except ValueError as e:
        print("ValueError:", e)
print(int("0x10", 16), int("0o17", 8), int("0b11", 2), int("10", 0), int("0x10", 0), int("1_000"))
print(complex("3+4j"), complex(3), abs(complex(3, 4)), str(1 + 2j), (1 + 2j).real)
print(ascii("naïve"), repr("naïve"), "naïve".encode("ascii", "replace"), "naïve".encode("ascii", "ignore"))
print(f"{255:b}", f"{255:o}", f"{255:x}", int(f"{255:b}", 2), format(10, "08b"))

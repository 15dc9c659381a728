# String operators: +, *, %, in, comparisons, indexing.
s = "hello"
print(s + " world", s * 3, 3 * "ab", "-" * 0, s[0], s[-1], s[1:4], s[::-1], s[::2])
print(len(s), "ll" in s, s.find("l"), s.rfind("l"), s.index("e"), s.count("l"))
print("%s is %d years and %.2f m" % ("Ann", 30, 1.756))
print("%5s|%-5s|%05d|%x|%X|%o|%e|%r" % ("a", "b", 42, 255, 255, 8, 12345.678, "q"))
print("%(name)s=%(val)d" % {"name": "x", "val": 3}, "%%", "%c" % 65, "%c" % "z")
print("%+d %+d % d" % (5, -5, 5), "%.3s" % "abcdef", "%*d" % (6, 42))
print("a" < "b" < "c", "abc" == "ab" + "c", "A" < "a", ord("A"), chr(97), ord("€"))
print(str(123) + str(4.5) + str(None) + str(True) + str([1]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("nl\n"))
print(repr("uni: é ü 日本"), repr("\x00\x7f"), ascii("é"), "é".encode("utf-8"))
print("abc"[5:], "abc"[-10:2], "abc"[1:1])
try:
    print("abc"[5])
except IndexError as e:
    print("IndexError:", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * "b")
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "j"
except TypeError as e:
    print("TypeError:", e)
multi = """line one
line two
    indented"""
print(multi)
print(multi.splitlines())
raw = r"C:\new\table"
print(raw, len(raw))
print("con" "cat" "enation")
print("\u00e9\N{BULLET}\t|", "\\", "\'")
print("%s and %s" % ([1, 2], (3,)), "%s" % ((1, 2),))

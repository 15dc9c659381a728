# Format specification mini-language via format(), str.format and f-strings.
n = 1234567.891
print(format(n, ",.2f"), format(n, "_.1f"), format(n, ".3e"), format(n, ".4g"), format(n, "%"))
print(format(42, "08b"), format(42, "x"), format(42, "#X"), format(42, "+d"), format(-42, " d"))
print(format(42, "c"), format(3.5, ".0f"), format(4.5, ".0f"), format(0.000012345, ".3g"))
for spec in ["<10", ">10", "^10", "*<10", "->10", "_^10", "10", "=+10"]:
    print(f"[{7:{spec}}]")
for spec in ["<8", ">8", "^8", ".3", "*^9.2"]:
    print(f"[{'text':{spec}}]")
print("{:>8.3f}|{:<8d}|{:^8s}|".format(3.14159, 42, "mid"))
print("{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {1[k]}".format([5, 6], {"k": 7}))
print("{!r:>10}".format("q"), "{:,}".format(10 ** 10), "{:.2%}".format(0.4567))
print("{:e}".format(0.0), "{:g}".format(1e-10), "{:g}".format(123456789), "{:G}".format(1e100))
print(f"{12345:,}", f"{-12345.678:,.1f}", f"{0.5:.0%}", f"{1/3:.10f}")
print(f"{'left':<{6}}|{'right':>{6}}|")
print(f"{3:03}", f"{-3:03}", f"{3.0:06.2f}", f"{-3.0:+07.2f}")
print(format(1e16, ".0f"), format(2 ** 70, ","), format(-2 ** 70, "x"))
print(format(True, "d"), format(True), format(None), format([1, 2]))
print("{:10}|{:<10}|".format(5, 5), "{:10}|".format("s"))
table = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 3)]
print(f"{'name':<10}{'price':>8}{'qty':>6}")
for name, price, qty in table:
    print(f"{name:<10}{price:>8.2f}{qty:>6d}")
print(f"{'total':<10}{sum(p * q for _, p, q in table):>14.2f}")
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
print("{{}} {}".format(1), "%-6s|" % "ab", "%6.2f|" % 2.345)
print(format(float("nan"), "f"), format(float("-inf"), ">6"), format(-0.0, ".1f"))

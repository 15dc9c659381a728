import math


def table(rows):
    lines = []
    for name, qty, price in rows:
        lines.append(f"{name:<10}|{qty:>5d}|{price:>10.2f}|{qty * price:>12,.2f}")
    return "\n".join(lines)


def bar_chart(values, width=30):
    top = max(values)
    out = ""
    for i, v in enumerate(values):
        n = int(v / top * width)
        out += f"{i:02d} {'#' * n}{'.' * (width - n)} {v:6.1%}\n"
    return out


def number_formats(x):
    return [f"{x}", f"{x!r}", f"{x:e}", f"{x:.3g}", f"{x:+.4f}", f"{x:010.3f}", f"{x:^12.1f}", format(x, ",.3f"), "%.5f" % x, "%r" % x]


def int_formats(n):
    return [f"{n:b}", f"{n:o}", f"{n:x}", f"{n:#X}", f"{n:,}", f"{n:_}", f"{n:+d}", f"{n:>8}", f"{n:08d}", "%d|%5d|%-5d|" % (n, n, n), "%x" % n]


rows = [("apple", 3, 1.25), ("banana", 12, 0.5), ("cherry", 100, 7.125), ("durian", 1, 1234567.891)]
print(table(rows))
print(bar_chart([0.12, 0.5, 0.33, 0.05, 0.9]))
for x in (3.14159265, -0.0, 1e-7, 123456789.123, 2.5, float("inf"), float("nan"), 1e22, 0.1):
    print(number_formats(x))
for n in (0, 255, -255, 2 ** 64 + 5, -(2 ** 40)):
    print(int_formats(n))
s = ""
for i in range(500):
    s += str(i % 10)
    if i % 100 == 99:
        s += "\n"
print(len(s), s.count("\n"), s[:25])
parts = []
for i in range(200):
    parts.append(f"{i:03}:{i * i:x}")
print(",".join(parts[-5:]), len("".join(parts)))
print("{:>6}|{:<6}|{:^6}|{:*^9}".format("a", "b", "c", "mid"))
print("{0}{1}{0}".format("ab", "cd"), "{name}-{n:03d}".format(name="x", n=7), "{:.2%}".format(0.4567))
print(repr("quote's"), repr('dq"'), ascii("héllo"), "tab\there", str(b"bytes"), f"{'nested'!r:>10}")
print(f"{math.pi:.10f} {math.e:.3e} {2 ** 0.5:.15g} {1 / 3!s} {10 ** 20:.3e} {12345.6789:,.1f}")
w = 12
p = 3
print(f"{math.pi:{w}.{p}f}|{'x':{'>'}{w}}|{42:{'0'}{w}d}")
print(str(1.0), str(1e16), str(1.5e-5), str(123456789012345678.0), str(0.1 + 0.7), repr(2 / 3), str(-1e-10))
print("a,b,,c".split(","), " x  y ".split(), "abc".center(9, "-"), "Title case words".title(), "x".join("abc"))
print("%s and %s" % ("a", [1, 2]), "%5.1f%%" % 99.44, "%-6s|" % "ab", "%c%c" % (72, "i"), "%o" % 8)
acc = []
for i in range(30):
    acc.append(("%3d" % i) + ("*" if i % 7 == 0 else " "))
print("".join(acc))

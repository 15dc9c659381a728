# Full text justification, centring and a simple table formatter.
import textwrap

TEXT = ("This is an example of text justification. Every line except the last must be exactly the "
        "requested width, with extra spaces distributed as evenly as possible from the left.")

def justify(words, width):
    lines, cur, length = [], [], 0
    for w in words:
        if cur and length + len(cur) + len(w) > width:
            lines.append((cur, length))
            cur, length = [], 0
        cur.append(w)
        length += len(w)
    out = []
    for ws, ln in lines:
        if len(ws) == 1:
            out.append(ws[0].ljust(width))
            continue
        gaps = len(ws) - 1
        spaces, extra = divmod(width - ln, gaps)
        line = ""
        for i, w in enumerate(ws[:-1]):
            line += w + " " * (spaces + (1 if i < extra else 0))
        out.append(line + ws[-1])
    out.append(" ".join(cur).ljust(width))
    return out

for width in (30, 45):
    print("+" + "-" * width + "+")
    for line in justify(TEXT.split(), width):
        print("|" + line + "|")
    print("+" + "-" * width + "+")

print(textwrap.fill(TEXT, 40))
print(textwrap.shorten(TEXT, 50), textwrap.dedent("    a\n      b\n    c").splitlines())
print(textwrap.indent("one\ntwo", "> "))

rows = [("Name", "Qty", "Price"), ("apple", 3, 0.5), ("watermelon", 1, 3.25), ("kiwi", 12, 0.2)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for i, row in enumerate(rows):
    cells = [str(row[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(row[1:], widths[1:])]
    print(" | ".join(cells))
    if i == 0:
        print("-+-".join("-" * w for w in widths))
print("*".center(11, "*"))
for n in (1, 3, 5, 7, 9, 11):
    print(("*" * n).center(11))

# Parsing lines with strip, partition, split and join.
import random
random.seed(88)
lines = []
for i in range(3000):
    k = random.randint(1, 6)
    fields = [str(random.randint(0, 999)) for _ in range(k)]
    lines.append("  id=%d ; " % i + ",".join(fields) + " \n")
tot = 0
longest = ""
for ln in lines:
    ln = ln.strip()
    head, _, rest = ln.partition(";")
    ident = int(head.split("=")[1])
    vals = [int(v) for v in rest.strip().split(",")]
    tot += sum(vals) * (ident % 3)
    s = "-".join(str(v) for v in vals)
    if len(s) > len(longest):
        longest = s
print(tot, longest)
words = " ".join(lines).split()
up = sum(1 for w in words if w.startswith("id"))
print(up, len(words))

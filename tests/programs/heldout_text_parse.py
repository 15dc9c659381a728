LOG = """\
2024-01-03 12:00:01 INFO user=alice action=login ms=120
2024-01-03 12:00:05 WARN user=bob action=upload ms=3400 size=1.5
2024-01-03 12:01:00 ERROR user=alice action=upload ms=bad
2024-01-03 12:02:30 INFO user=carol action=logout ms=15
2024-01-04 08:00:00 INFO user=bob action=login ms=98
garbage line
2024-01-04 09:10:11 ERROR user=dave action=delete ms=77 size=-2.25
"""


def parse_line(line):
    parts = line.split()
    if len(parts) < 4:
        raise ValueError(f"short line: {line!r}")
    date, time, level = parts[:3]
    fields = dict(p.split("=", 1) for p in parts[3:])
    fields["ms"] = int(fields["ms"])
    if "size" in fields:
        fields["size"] = float(fields["size"])
    return date, time, level, fields


def summarize(text, reps):
    per_user = {}
    levels = {}
    errors = []
    for _ in range(reps):
        for n, line in enumerate(text.splitlines(), 1):
            try:
                date, time, level, f = parse_line(line)
            except ValueError as e:
                errors.append((n, str(e)[:30]))
                continue
            levels[level] = levels.get(level, 0) + 1
            u = per_user.setdefault(f["user"], [0, 0, 0.0])
            u[0] += 1
            u[1] += f["ms"]
            u[2] += f.get("size", 0)
    return per_user, levels, errors


per_user, levels, errors = summarize(LOG, 40)
for user in sorted(per_user):
    c, ms, size = per_user[user]
    print(f"{user:>6} {c:4d} {ms:8d} {ms / c:9.2f} {size:+.2f}")
print(sorted(levels.items()), len(errors), errors[:3])


def tokenize(expr):
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == "."):
                j += 1
            tokens.append(float(expr[i:j]) if "." in expr[i:j] else int(expr[i:j]))
            i = j
        elif ch in "+-*/()%":
            tokens.append(ch)
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
    return tokens


def evaluate(tokens):
    pos = 0

    def expr():
        nonlocal pos
        v = term()
        while pos < len(tokens) and tokens[pos] in ("+", "-"):
            op = tokens[pos]
            pos += 1
            r = term()
            v = v + r if op == "+" else v - r
        return v

    def term():
        nonlocal pos
        v = factor()
        while pos < len(tokens) and tokens[pos] in ("*", "/", "%"):
            op = tokens[pos]
            pos += 1
            r = factor()
            v = v * r if op == "*" else v / r if op == "/" else v % r
        return v

    def factor():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        if t == "(":
            v = expr()
            pos += 1
            return v
        if t == "-":
            return -factor()
        return t

    return expr()


for e in ("1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "7 % -3", "-(2.5 * 4) + 1", "2 * (3 + (4 - 1)) * 1.5", "1 / 0", "3 $ 4", "99999999999 * 99999999999"):
    try:
        print(e, "=", evaluate(tokenize(e)))
    except (ZeroDivisionError, SyntaxError) as ex:
        print(e, "->", type(ex).__name__, ex)
words = LOG.lower().replace("=", " ").split()
freq = {}
for w in words:
    if w.isalpha():
        freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
print(" ".join(w.capitalize() for w in "the end of the log".split()), "|".join(sorted(set(LOG.split()[2::7]))))

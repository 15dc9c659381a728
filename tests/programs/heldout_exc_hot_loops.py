def safe_div(xs, ys):
    out = []
    errors = 0
    for x, y in zip(xs, ys):
        try:
            out.append(x // y)
        except ZeroDivisionError:
            errors += 1
            out.append(None)
    return out, errors


def lookup(table, keys):
    hits = misses = 0
    for k in keys:
        try:
            hits += table[k]
        except KeyError:
            misses += 1
    return hits, misses


def index_probe(xs, n):
    s = 0
    for i in range(n):
        try:
            s += xs[i * 3 - 10]
        except IndexError as e:
            s -= 1
            last = str(e)
    return s, last


def parse_all(tokens):
    nums = []
    bad = []
    for t in tokens:
        try:
            nums.append(int(t))
        except ValueError:
            try:
                nums.append(float(t))
            except ValueError as e:
                bad.append(str(e))
    return nums, bad


def finally_count(n):
    entered = exited = 0
    for i in range(n):
        try:
            entered += 1
            if i % 4 == 0:
                continue
            if i == n - 3:
                break
            x = 10 / (i % 5)
        except ZeroDivisionError:
            entered += 100
        finally:
            exited += 1
    return entered, exited


class Bad(Exception):
    def __init__(self, code):
        super().__init__(f"bad code {code}")
        self.code = code


def raiser(i):
    if i % 11 == 0:
        raise Bad(i)
    return i


def custom(n):
    t = 0
    codes = []
    for i in range(n):
        try:
            t += raiser(i)
        except Bad as b:
            codes.append(b.code)
    return t, codes


print(safe_div(list(range(-20, 20)), [(i % 4) - 1 for i in range(40)]))
table = {i: i * i for i in range(0, 100, 3)}
print(lookup(table, range(200)), lookup({"a": 1.5}, "abab"))
print(index_probe(list(range(50)), 30))
print(parse_all(["1", "2.5", "x", "-7", "1e3", "nan", "0x10", " 42 ", "3_000", "1.2.3"]))
print(finally_count(50))
print(custom(100))
errs = []
for v in [1, 0, "a", None, [], 2.0, 0.0]:
    try:
        errs.append(10 / v)
    except (ZeroDivisionError, TypeError) as e:
        errs.append(type(e).__name__ + ": " + str(e))
print(errs)
total = 0
for i in range(1000):
    try:
        if i % 100 == 99:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total += int(str(e)) * 2
    else:
        total += 1
print(total)
try:
    for i in range(10):
        try:
            1 / (i - 5)
        except ZeroDivisionError:
            raise RuntimeError("wrapped") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__, i)

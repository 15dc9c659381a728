# Hot loops over polymorphic objects, changing types, generators, closures, keyword calls, bigints.
class Shape:
    def area(self): raise NotImplementedError(type(self).__name__)
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r * self.r
class Blob(Shape): pass
def total_area(shapes):
    t = 0
    errs = 0
    for s in shapes:
        try:
            t += s.area()
        except NotImplementedError as e:
            errs += 1
            last = str(e)
    return round(t, 3), errs
shapes = []
for i in range(600):
    if i % 3 == 0: shapes.append(Rect(i % 5, 2))
    elif i % 3 == 1: shapes.append(Circle(i % 4))
    else: shapes.append(Rect(1.5, i % 7) if i % 50 else Blob())
print(total_area(shapes))
def mutate_types(n):
    x = 0
    out = []
    for i in range(n):
        if i == n // 2:
            x = "str"
        if isinstance(x, int):
            x += i
        else:
            x = x + "!" if len(x) < 10 else x[:3]
        out.append(x)
    return out[-3:], out[n // 2 - 1]
print(mutate_types(100))
def gen_consume(n):
    def squares(k):
        for i in range(k):
            yield i * i
    s = 0
    for i in range(n):
        for v in squares(i % 10):
            s += v
    return s
print(gen_consume(500))
def deep_calls(n):
    def a(x): return b(x) + 1
    def b(x): return c(x) * 2
    def c(x):
        if x == 777: raise ValueError("seven")
        return x % 13
    tot = 0
    for i in range(n):
        try:
            tot += a(i)
        except ValueError as e:
            tot -= 1000
    return tot
print(deep_calls(1500))
def list_of_lists(n):
    grid = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            grid[i][j] = (i ^ j) & 7
    cols = [sum(grid[r][c] for r in range(n)) for c in range(n)]
    return cols[:6], max(max(r) for r in grid)
print(list_of_lists(40))
def keyword_calls(n):
    def f(a, b=2, *, c=3): return a + b * c
    s = 0
    for i in range(n):
        s += f(i) + f(i, c=i) + f(a=i, b=1) + f(*(i, i), **{"c": 1})
    return s
print(keyword_calls(300))
def closures_hot(n):
    fs = [lambda x, k=k: x * k for k in range(5)]
    total = 0
    for i in range(n):
        total += fs[i % 5](i)
    return total
print(closures_hot(1000))
def str_ops(n):
    words = []
    for i in range(n):
        w = f"w{i:03d}"
        if w.endswith("7"):
            words.append(w.upper())
        elif i % 11 == 0:
            words.append(w[::-1])
    return len(words), words[:4], "-".join(words[-3:])
print(str_ops(400))
def dict_counts(n):
    d = {}
    for i in range(n):
        k = i % 17
        if k in d:
            d[k] += 1
        else:
            d[k] = 1
        if i % 100 == 99:
            del d[k]
    return sorted(d.items())[:5], len(d)
print(dict_counts(2000))
def while_else(n):
    i = 0
    found = []
    while i < n:
        j = 2
        while j * j <= i:
            if i % j == 0:
                break
            j += 1
        else:
            if i > 1: found.append(i)
        i += 1
    return found[-3:], len(found)
print(while_else(2000))
def tuple_swap_hot(n):
    a, b, c = 1, 2, 3
    for i in range(n):
        a, b, c = b, c, (a + b + c) % 1000
    return a, b, c
print(tuple_swap_hot(5000))
def float_int_mix(n):
    acc = 0
    for i in range(n):
        acc += i / 3 if i % 2 else i // 3
        acc -= int(acc) if i % 97 == 0 else 0
    return round(acc, 4)
print(float_int_mix(3000))
def bigint_hot(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a % 10**9, len(str(a))
print(bigint_hot(500))

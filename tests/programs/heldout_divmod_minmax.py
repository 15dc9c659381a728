def digits(n, base):
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(r)
    return out[::-1] or [0]


def time_parts(seconds):
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    d, h = divmod(h, 24)
    return d, h, m, s


class Item:
    def __init__(self, name, weight, value):
        self.name = name
        self.weight = weight
        self.value = value

    def __repr__(self):
        return f"Item({self.name})"


items = [Item(f"i{k}", (k * 7) % 13 + 1, (k * 11) % 17 + 1) for k in range(40)]
print(max(items, key=lambda it: it.value / it.weight), min(items, key=lambda it: (it.weight, -it.value)))
print(max(range(-50, 50), key=abs), min(range(-50, 50), key=abs), max([], default="empty"), min("hello"))
print(max(3, 7.5, -2), min(3, 7.0, 7), max([1, 2], [1, 3]), max("abc", "abd", key=len))
print(sorted(items, key=lambda it: (-it.value, it.name))[:5])
print([digits(n, b) for n, b in ((255, 2), (255, 16), (10 ** 20, 1000), (0, 7))])
print(time_parts(1000000), time_parts(86399.5), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(2 ** 70, 3))
print(abs(-5), abs(-5.5), abs(-2 ** 70), abs(True), abs(-0.0), abs(complex(3, 4)))
acc = 0
for i in range(-300, 300):
    q, r = divmod(i, 7)
    acc += q * 3 + r
    acc += abs(i) % 5
    acc = max(acc, -acc)
print(acc)
print(min((abs(x - 17.3), x) for x in range(40)), max(zip("abc", [3, 1, 2]), key=lambda p: p[1]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    min(1, "a")
except TypeError as e:
    print("TypeError:", e)
best = None
for it in items:
    if best is None or it.value * best.weight > best.value * it.weight:
        best = it
print(best, best.value, best.weight)
clamped = [min(max(x, -10), 10) for x in range(-30, 30, 4)]
print(clamped, sum(clamped))
fl = [max(x / 3, 2) for x in range(8)]
print(fl, [type(v).__name__ for v in fl])
print(round(sum(abs(i - 50.5) for i in range(100)) / 100, 3))

# Assignment expressions (walrus), including in comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list has {n} items")
values = iter([5, 3, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)
print([y for x in data if (y := x * 2) > 6])
print("y leaks from comprehension:", y)
print([last := i for i in range(4)], last)
total = 0
print([total := total + x for x in data], total)
def f(x):
    return x * 10
print([(x, fx) for x in range(5) if (fx := f(x)) % 20 == 0])
print((z := 5) + z, z)
print(any((hit := w).startswith("c") for w in ["apple", "cherry", "cat"]), hit)
import re
for line in ["key=value", "bad line", "x=1"]:
    if (m := re.match(r"(\w+)=(\w+)", line)) is not None:
        print("parsed", m.group(1), m.group(2))
    else:
        print("no match:", line)
def outer():
    [inner_leak := k for k in range(3)]
    return inner_leak
print(outer())
chunks = []
buf = list(range(10))
while chunk := buf[:3]:
    chunks.append(chunk)
    buf = buf[3:]
print(chunks)
print([(a := i, a * a) for i in range(3)])
print({k: (sq := k * k) for k in range(3)}, sq)

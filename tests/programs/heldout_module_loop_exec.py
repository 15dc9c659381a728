# Module-level loops whose variables are read and written by callees through globals(), global, exec.
total = 0
step = 1
log = []


def peek():
    return total, step


def bump_step():
    global step
    step += 1


def via_dict():
    g = globals()
    g["total"] = g["total"] + 1000


for i in range(500):
    total += step
    if i % 100 == 0:
        bump_step()
        log.append(peek())
    if i % 150 == 0:
        via_dict()
print(total, step, log)

x = 0
for i in range(300):
    x += i
    if i == 200:
        exec("x = -5")
    if i == 250:
        exec("del x", globals())
        x = 0.5
print(x)

names = []
for j in range(50):
    k = j * 2
    if j == 25:
        names = sorted(n for n in globals() if len(n) == 1)
print(names, k)

acc = []
for n in range(200):
    acc.append(n)
    if n == 100:
        acc = acc[:10]
    if len(acc) > 60:
        del acc[0]
print(len(acc), acc[:3], acc[-1])

counter = 0


def reset():
    global counter
    counter = "reset"


for i in range(100):
    if isinstance(counter, str):
        counter = len(counter)
    counter += i
    if i == 50:
        reset()
print(counter)

for i in range(100):
    try:
        val = 10 // (i - 50)
    except ZeroDivisionError:
        val = None
        del i
        i = "gone"
print(val, i)

ys = [1, 2, 3]
zz = 0
for y in ys:
    zz += y
    if y < 50:
        ys.append(y * 2)
print(zz, len(ys))

vars_seen = 0
for q in range(100):
    vars_seen += len(vars()) > 0
    if q == 10:
        globals().pop("zz")
print(vars_seen, "zz" in globals())
i = 0
while i < 1000:
    i += 1
    if i % 333 == 0:
        globals()["i"] += 10
print(i)

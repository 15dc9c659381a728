# A module-level loop updates globals that functions read, where some function also assigns
# them (`global`): compiled readers read those from the module's dict, so the loop must write
# its variables there before calling them, directly or through another function.
def reader():
    return acc * 2


def via():
    return reader() + scale


def setter(v):
    global acc, scale
    acc = v
    scale = v * 10


acc = 0
scale = 1
res = []
for j in range(60):
    acc += j
    res.append(reader())
    if j % 20 == 19:
        scale += 1
        res.append(via())
print(res[-4:], acc, scale)
setter(7)
print(reader(), via())
total = 0.0
for k in range(200):
    scale = k * 0.5
    total += via()
print(total, scale)

def en(xs, start):
    out = []
    for i, x in enumerate(xs, start):
        out.append((i, x))
    return out

def en2(xs):
    s = 0
    for i, x in enumerate(xs, True):
        s += i * x
    return s, i

def main():
    for r in range(3):
        print(en([1, 2, 3], 0))
    print(en([1, 2, 3], 2**63 - 2))
    print(en([1, 2], -2**63))
    print(en([1, 2], 2**64))
    print(en([1.5, 2], True))
    print(en2([1, 2, 3]), en2([1.0, 2.0]))
    try:
        en([1], 1.5)
    except TypeError as e:
        print("TE", e)
    xs = [1, 2, 3]
    for i, x in enumerate(xs):
        if i < 5:
            xs.append(x + 10)
    print(xs)
    t = (1, 2, 3)
    acc = 0
    for i, x in enumerate(t, -5):
        acc += i * x
    print(acc)
    print([i * x for i, x in enumerate(range(5), 3)])
main()

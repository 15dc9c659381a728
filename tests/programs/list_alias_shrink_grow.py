def clear_it(xs):
    xs.clear()

def shrink(xs):
    del xs[len(xs) // 2:]

def walk(xs, ys):
    s = 0
    for x in xs:
        s += x
        if x == 5:
            clear_it(ys)
        if x == 3:
            shrink(ys)
    return s

def walk_idx(xs):
    s = 0
    i = 0
    while i < len(xs):
        s += xs[i]
        if xs[i] % 4 == 0:
            del xs[i]
        else:
            i += 1
    return s, xs

def inplace(xs, ys):
    xs += ys
    xs *= 2
    return xs

def selfref(n):
    a = [0, 1]
    for i in range(n):
        a[0] = a
        a[0] = i
        a[i % 2] += a[1 - i % 2]
    return a

def main():
    for r in range(3):
        a = list(range(10))
        print(walk(a, a), a)
        b = list(range(10))
        print(walk(b, list(b)), b)
    print(walk_idx(list(range(20))))
    print(walk_idx([4, 8, 1.5, 12, 2**64, 7]))
    x = [1, 2]
    y = x
    r = inplace(x, x)
    print(x, y, r is x)
    print(selfref(10), selfref(93))
    m = [[1, 2], [3, 4]]
    row = m[0]
    for i in range(5):
        row.append(i)
        m[0] = m[0][1:]
    print(m, row)
    z = [5] * 3
    w = [z] * 3
    for i in range(3):
        w[i][i] += 1
    print(w, z)
    q = list(range(5))
    q[1:4] = q
    print(q)
    q[::2] = [0.5] * len(q[::2])
    print(q)
    try:
        q[::2] = [1]
    except ValueError as e:
        print("VE", e)
    q[:] = []
    print(q, sum(q), max(q, default=-1))
    try:
        min(q)
    except ValueError as e:
        print("VE", e)
main()

def outer(n):
    total = 0
    step = 1
    def bump():
        nonlocal step
        step = step * 2 if step < 2**40 else 0.5
    for i in range(n):
        total += step
        if i % 5 == 0:
            bump()
    return total, step

def counter():
    count = [0]
    best = None
    def add(v):
        nonlocal best
        count[0] += 1
        if best is None or v > best:
            best = v
        return best
    return add, count

def accum(n):
    xs = []
    k = 0
    def push(v):
        xs.append(v + k)
    for i in range(n):
        k = i % 3
        push(i)
    return xs

def main():
    for n in (3, 10, 60, 300):
        print(outer(n))
    add, count = counter()
    r = 0
    for i in range(100):
        r = add((i * 37) % 101)
    print(r, count)
    add(2.5e3)
    print(add(1), count)
    print(accum(10))
    lams = [lambda x, i=i: x * i for i in range(5)]
    s = 0
    for j in range(20):
        for f in lams:
            s += f(j)
    print(s)
main()

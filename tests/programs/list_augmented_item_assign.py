def bump(xs, d):
    for i in range(len(xs)):
        xs[i] += d
        xs[-1 - i] *= 2
    return xs

def grid_bump(m, d):
    for i in range(len(m)):
        for j in range(len(m[i])):
            m[i][j] += d * (i + 1)
            m[j % len(m)][i] -= 1
    return m

def counts(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
        c[w] += 0
    return c

def main():
    for r in range(3):
        print(bump([1, 2, 3], 1), bump([2**61, 2**62], 2**61), bump([1.5, 2], 0.5), bump([True, False], True))
        print(grid_bump([[1, 2], [3, 4]], 1), grid_bump([[2**62, 0], [0, 0]], 2**62), grid_bump([[0.5]], 2))
        print(counts([1, 2, 1, 3, 2.0, True, 1.0]))
    xs = [0] * 5
    for k in range(200):
        xs[k % 5] += k * k * k * k * k * k * k
    print(xs)
main()

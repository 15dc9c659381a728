def weighted(xs, ws):
    t = 0
    for x, w in zip(xs, ws):
        t += x * w
    return t


def positions(xs, target):
    found = []
    for i, x in enumerate(xs, 1):
        if x == target:
            found.append(i)
    return found


def rev_sum(xs):
    t = 0
    k = 1
    for x in reversed(xs):
        t += x * k
        k += 1
    return t


def rank(scores):
    out = []
    for r, (name, s) in enumerate(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))):
        out.append(f"{r + 1}. {name}={s}")
    return out


def windows(xs, k):
    res = []
    for i in range(len(xs) - k + 1):
        res.append(max(xs[i:i + k]) - min(xs[i:i + k]))
    return res


n = 500
xs = [(i * 37) % 101 for i in range(n)]
ws = [1.0 / (i + 1) for i in range(n - 3)]
print(round(weighted(xs, ws), 9), weighted(xs, xs), weighted(xs, [2 ** 60] * 3))
print(positions(xs, 0), positions("mississippi", "s"))
print(rev_sum(xs), rev_sum([0.5, 1.5]), rev_sum(range(10)))
print(rank({"ann": 3, "bob": 5, "cy": 3, "dee": 9, "eve": 5}))
print(windows(xs[:40], 5))
print(list(zip(range(3), "abc", [1.5, 2.5, 3.5, 4.5])))
print(list(enumerate(reversed("hello"), start=-2)))
print(sorted(xs[:20]), sorted(xs[:20], reverse=True)[:5])
print(sorted(["b", "A", "c", "a"], key=str.lower), sorted([(2, "b"), (1, "z"), (2, "a")]))
total = 0
for i, (a, b) in enumerate(zip(xs, xs[1:])):
    if a < b:
        total += i
    else:
        total -= 1
print(total)
it = iter(range(10))
print(next(it), next(it), list(it), next(it, "end"))
print(list(map(lambda a, b: a - b, range(5), [10, 20, 30])), list(filter(None, [0, 1, "", "x", None, 2.0])))
print(any(x > 99 for x in xs), all(x >= 0 for x in xs), sum(1 for x in xs if x % 2), min(xs), max(xs))
print(sum(range(10 ** 6)), sum([0.1] * 7), sum([[1], [2]], []), sum((2 ** 63, 2 ** 63)))
d = {}
for k, v in zip("abcabcabc", range(9)):
    d[k] = d.get(k, 0) + v
print(d, list(d.items()), list(reversed(list(d))))
mat = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([sum(col) for col in zip(*mat)], [row[::-1] for row in reversed(mat)])
acc = 0
for idx in range(300):
    for j, v in enumerate(mat[idx % 3]):
        acc += j * v
print(acc)

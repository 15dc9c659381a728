def rotate(xs, k):
    for _ in range(k):
        xs.append(xs.pop(0))
    return xs


def dedupe(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def remove_evens(xs):
    i = 0
    while i < len(xs):
        if xs[i] % 2 == 0:
            del xs[i]
        else:
            i += 1
    return xs


def insert_sorted(xs, v):
    i = len(xs)
    xs.append(v)
    while i > 0 and xs[i - 1] > v:
        xs[i] = xs[i - 1]
        i -= 1
    xs[i] = v


def prefix_sums(xs):
    ps = [0] * (len(xs) + 1)
    for i, x in enumerate(xs):
        ps[i + 1] = ps[i] + x
    return ps


def slices(xs):
    out = []
    for i in range(0, len(xs), 3):
        out.append(xs[i:i + 3])
        out.append(xs[-i - 1::-4][:2])
    return out


print(rotate(list(range(10)), 23))
print(dedupe([(i * 7) % 11 for i in range(60)]), dedupe("mississippi"))
print(remove_evens(list(range(40))), remove_evens([2, 4, 6.0]))
xs = []
for v in [(i * 37) % 101 for i in range(100)]:
    insert_sorted(xs, v)
print(xs == sorted(xs), xs[:10], len(xs))
print(prefix_sums([1, 2, 3, 4]), prefix_sums([0.5] * 4), prefix_sums([2 ** 62] * 3))
print(slices(list(range(12))))
lst = list(range(20))
lst[2:5] = []
lst[::2] = [0] * len(lst[::2])
del lst[-3:]
lst.extend(range(3))
lst.reverse()
print(lst, lst.index(0), lst.count(0))
try:
    lst[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    print([1, 2][-3])
except IndexError as e:
    print("IndexError:", e)
q = [0]
seen = {0}
order = []
while q:
    v = q.pop(0)
    order.append(v)
    for w in (v * 2 + 1, v * 3 + 1):
        if w < 200 and w not in seen:
            seen.add(w)
            q.append(w)
print(len(order), order[:15], sum(order))
mat = [[0] * 6 for _ in range(6)]
for step in range(1000):
    i, j = step % 6, (step // 6) % 6
    mat[i][j] = mat[j][i] + step % 13
print(mat)
copies = [row[:] for row in mat]
copies[0][0] = -1
print(mat[0][0], copies[0][0], mat == copies, [r[::-1] for r in copies[:2]])
nums = [3, 1, 2]
for i in range(200):
    nums = nums + [nums[-1] + nums[-3]] if len(nums) < 60 else nums[1:]
print(nums[-5:], len(nums))
chunks = [list(range(i)) for i in range(8)]
print([len(c) for c in chunks], sum(map(len, chunks)), max(chunks, key=len), min(chunks))
print([x * y for x, y in zip([1, 2, 3], [4, 5, 6])], [[i] * i for i in range(4)], list(map(list, zip(*[[1, 2], [3, 4]]))))
print(list(range(10))[::-3], list(range(10))[8:2:-2], list(range(10))[-100:100], [1, 2, 3] * 0, [] * 5)

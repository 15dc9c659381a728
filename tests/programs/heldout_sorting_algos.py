def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    eq = [x for x in xs if x == pivot]
    more = [x for x in xs if x > pivot]
    return quicksort(less) + eq + quicksort(more)


def merge_sort(xs):
    if len(xs) <= 1:
        return list(xs)
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def heapsort(xs):
    xs = list(xs)
    n = len(xs)

    def sift(start, end):
        root = start
        while 2 * root + 1 < end:
            child = 2 * root + 1
            if child + 1 < end and xs[child] < xs[child + 1]:
                child += 1
            if xs[root] < xs[child]:
                xs[root], xs[child] = xs[child], xs[root]
                root = child
            else:
                return

    for s in range(n // 2 - 1, -1, -1):
        sift(s, n)
    for end in range(n - 1, 0, -1):
        xs[0], xs[end] = xs[end], xs[0]
        sift(0, end)
    return xs


def insertion(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs


def counting(xs, k):
    counts = [0] * k
    for x in xs:
        counts[x] += 1
    out = []
    for v, c in enumerate(counts):
        out.extend([v] * c)
    return out


data = [(i * 7919 + 13) % 1009 - 500 for i in range(1500)]
fdata = [x / 7 for x in data]
mixed = [x if x % 3 else x + 0.5 for x in data[:300]]
words = [("w%d" % ((i * 31) % 97)) for i in range(300)]
ref = sorted(data)
print(quicksort(data) == ref, merge_sort(data) == ref, heapsort(data) == ref, insertion(data[:300]) == sorted(data[:300]))
print(quicksort(fdata)[:4], heapsort(mixed)[:4], merge_sort(words)[:6], insertion(words)[-3:])
print(counting([x + 500 for x in data], 1010)[:10])
recs = [(f"n{i % 13}", (i * 37) % 11, i * 0.1) for i in range(200)]
print(sorted(recs, key=lambda r: (r[1], r[0], -r[2]))[:4])
print(sorted(recs, key=lambda r: r[2], reverse=True)[0])
stable = sorted(range(30), key=lambda v: v % 4)
print(stable)
print(sorted([[3, 1], [2, 9], [3, 0], [1]]), sorted("Hello World"), sorted({3: 1, 1: 2}))
big = [2 ** 64 - i * 2 ** 60 for i in range(20)]
print(heapsort(big)[:3], quicksort(big + [0.5])[:2])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)

# Container dunders: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__.
class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"position {pos} out of range")
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value
    def __contains__(self, value):
        return value in self.cells
    def __iter__(self):
        for y in range(self.h):
            yield [self[x, y] for x in range(self.w)]

g = Grid(3, 2)
g[1, 0] = 5
g[2, 1] = 7
g[0, 0] += 1
print(len(g), g[1, 0], 7 in g, 9 in g)
for row in g:
    print(row)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)

class SparseVector:
    def __init__(self, n):
        self.n = n
        self.data = {}
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        return self.data.get(i, 0)
    def __setitem__(self, i, v):
        self.data[i] = v
    def __delitem__(self, i):
        self.data.pop(i, None)
    def __len__(self):
        return self.n
    def __reversed__(self):
        return (self[i] for i in range(self.n - 1, -1, -1))
    def __bool__(self):
        return bool(self.data)

v = SparseVector(6)
print(bool(v))
v[1] = 10
v[4] = 40
print(v[1], v[2], v[-2], v[::2], v[1:5], list(reversed(v)), bool(v))
del v[1]
print(v[:], len(v), sorted(v.data.items()))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])
class Dictish:
    def __init__(self):
        self.store = {}
    def __getitem__(self, k):
        return self.store[k.lower()]
    def __setitem__(self, k, v):
        self.store[k.lower()] = v
    def keys(self):
        return self.store.keys()
d = Dictish()
d["Key"] = 1
d["OTHER"] = 2
print(d["KEY"], dict(**d), {**d})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)

# A class whose __getattribute__ counts (and logs) every lookup: jitvm's own bookkeeping
# (call dispatch, type feedback, the JIT's argument checks) must never trigger it.
log = []


class Watched:
    def __getattribute__(self, name):
        log.append(name)
        return object.__getattribute__(self, name)

    def area(self, k):
        return k * 2


def use(w, n):
    total = 0
    for i in range(n):
        total += w.area(i)
    return total


w = Watched()
for _ in range(30):
    use(w, 50)
print(use(w, 10), len(log), sorted(set(log)))
print(isinstance(w, Watched), type(w).__name__, w.__class__.__name__, len(log))


def pair(a, b):
    return a, b


for _ in range(50):
    pair(w, 1)
print(len(log))

"""Reference counts and memory stay flat when compiled code runs sum/min/max/any/all of
generator expressions and list comprehensions many times (a shared object's refcount, the
iterated list's, tracemalloc), and items are released when CPython releases them (their
__del__ and weakref callbacks print)."""

import gc
import sys
import tracemalloc
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def __lt__(self, other):
        return self.n < other.n

    def __gt__(self, other):
        return self.n > other.n

    def __bool__(self):
        return self.n > 0


def largest(v):
    return max(Item(x) for x in v)


def smallest(v):
    return min(it for it in v)


def some(v):
    return any(Item(x) for x in v)


def odd(v):
    return [Item(x) for x in v if x % 2]


def gone(ref):
    print("weakref callback")


def refs(v):
    return sum(1 for x in v if weakref.ref(x, gone))


for i in range(4):
    r = largest([1, 3, 2])
    print("got", r.n)
    del r
    print("after del")
    print(some([0, 0, 5, 6]))
    print(len(odd([1, 2, 3])))
    items = [Item(10), Item(20)]
    print(smallest(items).n)
    del items
    print("end", i)
for i in range(3):
    print(refs([Item(100 + i)]))


def work(v, o):
    return (sum(x * 2 for x in v) + len([o for x in v]) + (max(p for p in [o]) is o)
            + any(x is o for x in v) + (min(p for p in (o,)) is o))


def work2(v, o):
    return sum((x for x in v), 0.5) + len([[o, x] for x in v for y in v]) + len([x for x in v if x is o])


def run(n, o, shared):
    for i in range(n):
        work(shared, o)
        work((1.5, 2.5), o)
        work(iter([1, 2]), o)
        work(range(3), o)
        work2(shared, o)
        work2([1.5], o)


o = object()
shared = [1, 2, 3]
for i in range(10):
    run(50, o, shared)
base = sys.getrefcount(o), sys.getrefcount(shared)
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
run(2000, o, shared)
gc.collect()
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(sys.getrefcount(o) - base[0], sys.getrefcount(shared) - base[1], after - before < 20000)

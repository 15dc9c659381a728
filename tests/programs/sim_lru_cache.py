# Implementing LRU and LFU caches (OrderedDict and plain dicts) and measuring hit rates.
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0
    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None
    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            return evicted[0]
    def __repr__(self):
        return f"LRU({list(self.data)})"

class LFUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.values = {}
        self.freq = {}
        self.order = 0
        self.last = {}
    def get(self, key):
        if key not in self.values:
            return None
        self.freq[key] += 1
        self.order += 1
        self.last[key] = self.order
        return self.values[key]
    def put(self, key, value):
        evicted = None
        if key not in self.values and len(self.values) >= self.capacity:
            evicted = min(self.values, key=lambda k: (self.freq[k], self.last[k]))
            for d in (self.values, self.freq, self.last):
                del d[evicted]
        self.values[key] = value
        self.freq[key] = self.freq.get(key, 0) + 1
        self.order += 1
        self.last[key] = self.order
        return evicted

lru = LRUCache(3)
for op in ["put a", "put b", "put c", "get a", "put d", "get b", "get c", "put e", "get a", "get d"]:
    kind, key = op.split()
    if kind == "put":
        ev = lru.put(key, key.upper())
        print(f"{op:6} evicted={ev} {lru}")
    else:
        print(f"{op:6} -> {lru.get(key)} {lru}")
print("hits", lru.hits, "misses", lru.misses)

lfu = LFUCache(2)
print(lfu.put(1, "one"), lfu.put(2, "two"), lfu.get(1), lfu.put(3, "three"), lfu.get(2), lfu.get(3), lfu.put(4, "four"), lfu.get(1), lfu.get(3), lfu.get(4))

def simulate(cache_cls, capacity, pattern):
    cache = cache_cls(capacity)
    hits = 0
    for k in pattern:
        if cache.get(k) is not None:
            hits += 1
        else:
            cache.put(k, k)
    return hits
pattern = [i % 7 for i in range(50)] + [1, 2, 1, 2, 1, 3] * 5
for cap in (3, 5, 7):
    print(cap, simulate(LRUCache, cap, pattern), simulate(LFUCache, cap, pattern))

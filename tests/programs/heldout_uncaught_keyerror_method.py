class Registry:
    def __init__(self):
        self.items = {}

    def add(self, key, value):
        self.items[key] = self.items.get(key, 0) + value

    def total_for(self, keys):
        t = 0
        for k in keys:
            t += self.items[k]
        return t


reg = Registry()
for i in range(500):
    reg.add(f"k{i % 20}", i)
print(reg.total_for([f"k{i}" for i in range(20)]))
print(reg.total_for(["k1", "k2"] * 100))
print(reg.total_for(["k3", "k4", "k99", "k5"]))

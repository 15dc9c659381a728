# A Point class with __eq__ and __hash__ in a set, growing a frontier.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def neighbors(self):
        return [Point(self.x + 1, self.y), Point(self.x - 1, self.y),
                Point(self.x, self.y + 1), Point(self.x, self.y - 1)]

seen = {Point(0, 0)}
frontier = [Point(0, 0)]
for step in range(20):
    nxt = []
    for p in frontier:
        for q in p.neighbors():
            if q not in seen and (q.x * q.y) % 7 != 3:
                seen.add(q)
                nxt.append(q)
    frontier = nxt
print(len(seen), len(frontier))
print(sorted(seen, key=lambda p: (p.x, p.y))[:3])

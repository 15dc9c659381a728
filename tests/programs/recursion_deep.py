# Deep (but legal) recursion, raising the recursion limit, and recovering from RecursionError.
import sys
from functools import lru_cache

def depth_sum(n):
    return 0 if n == 0 else n + depth_sum(n - 1)

print(depth_sum(900))

def build_nested(n):
    return [] if n == 0 else [build_nested(n - 1)]

def nested_depth(x):
    return 0 if not x else 1 + nested_depth(x[0])

print(nested_depth(build_nested(800)))

@lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)

print(ways(400) % 1000000007)

def runaway(n):
    return runaway(n + 1) + 1

try:
    runaway(0)
except RecursionError as e:
    print("RecursionError caught:", str(e).startswith("maximum recursion depth exceeded"))
print("still works after recovery:", depth_sum(100))

old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print("limit raised:", sys.getrecursionlimit() > old)
print(depth_sum(3000))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 200))

def gen_chain(n):
    if n == 0:
        yield "bottom"
        return
    yield from gen_chain(n - 1)
print(list(gen_chain(300)))

class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
chain = None
for _ in range(1500):
    chain = Node(chain)
print(chain.length())
sys.setrecursionlimit(old)

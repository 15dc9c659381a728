import sys


def depth(n):
    return 1 + depth(n + 1) if n >= 0 else 0


def count_down(n):
    if n == 0:
        return 0
    return 1 + count_down(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(sys.getrecursionlimit())
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
print(count_down(900))
for i in range(3):
    try:
        count_down(5000)
    except RecursionError as e:
        print(i, type(e).__name__, str(e)[:40])
print(ackermann(2, 3), ackermann(2, 200))
print(fact(200) % 10 ** 12, len(str(fact(500))))


class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt

    def total(self):
        return self.val + (self.nxt.total() if self.nxt else 0)


head = None
for v in range(500):
    head = Node(v, head)
print(head.total())
for v in range(500, 3000):
    head = Node(v, head)
try:
    print(head.total())
except RecursionError:
    print("too deep")


def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)


def mutual_b(n):
    return mutual_a(n - 2) + 1


print(mutual_a(600))
try:
    mutual_a(10 ** 5)
except RecursionError as e:
    print("mutual:", e)
sys.setrecursionlimit(3000)
print(count_down(2500))

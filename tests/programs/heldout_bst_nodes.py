class Node:
    __slots__ = ("key", "val", "left", "right")

    def __init__(self, key, val):
        self.key = key
        self.val = val
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, val):
        if self.root is None:
            self.root = Node(key, val)
            self.size += 1
            return
        node = self.root
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key, val)
                    self.size += 1
                    return
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key, val)
                    self.size += 1
                    return
                node = node.right
            else:
                node.val = val
                return

    def get(self, key, default=None):
        node = self.root
        while node is not None:
            if key == node.key:
                return node.val
            node = node.left if key < node.key else node.right
        return default

    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def inorder(self):
        out = []
        stack = []
        node = self.root
        while stack or node is not None:
            while node is not None:
                stack.append(node)
                node = node.left
            node = stack.pop()
            out.append(node.key)
            node = node.right
        return out


t = BST()
seed = 1
for i in range(600):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    t.insert(seed % 5000, i)
print(t.size, t.height(), t.inorder()[:10])
hits = 0
total = 0
for k in range(0, 5000, 7):
    v = t.get(k)
    if v is not None:
        hits += 1
        total += v
print(hits, total, t.get(-1, "none"))
ft = BST()
for i in range(300):
    ft.insert((i * 37 % 101) / 4, str(i))
print(ft.size, ft.inorder()[:5], ft.get(2.5), ft.get(25 / 10))
mixed = BST()
for k in [5, 2.5, 7, True, 3, 2 ** 70, -1.5, 0]:
    mixed.insert(k, k)
print(mixed.inorder(), mixed.get(1), mixed.get(1.0))


class LinkedList:
    def __init__(self):
        self.head = None
        self.n = 0

    def push(self, v):
        self.head = (v, self.head)
        self.n += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node[0]
            node = node[1]

    def reverse(self):
        prev = None
        node = self.head
        while node:
            prev, node = (node[0], prev), node[1]
        self.head = prev


ll = LinkedList()
for i in range(300):
    ll.push(i * i)
print(ll.n, sum(ll), list(ll)[:5])
ll.reverse()
print(list(ll)[:5], max(ll), min(x for x in ll if x > 500))
try:
    t.insert("str", 1)
except TypeError as e:
    print("TypeError:", e)

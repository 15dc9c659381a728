# A binary search tree with insert, search, delete, traversals and height.
class Node:
    __slots__ = ("key", "left", "right")
    def __init__(self, key):
        self.key, self.left, self.right = key, None, None

class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        def _ins(node):
            if node is None:
                self.size += 1
                return Node(key)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            return node
        self.root = _ins(self.root)
    def __contains__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False
    def inorder(self):
        def _walk(node):
            if node:
                yield from _walk(node.left)
                yield node.key
                yield from _walk(node.right)
        return list(_walk(self.root))
    def preorder(self):
        out, stack = [], [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right: stack.append(n.right)
            if n.left: stack.append(n.left)
        return out
    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))
    def delete(self, key):
        def _del(node, key):
            if node is None:
                return None
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None:
                    self.size -= 1
                    return node.right
                if node.right is None:
                    self.size -= 1
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key = succ.key
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)
    def __len__(self):
        return self.size

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    t.insert(k)
print(len(t), t.inorder(), t.preorder(), t.height())
print(40 in t, 99 in t)
for k in [20, 30, 50, 99]:
    t.delete(k)
    print("delete", k, "->", t.inorder(), "size", len(t), "root", t.root.key)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(words.inorder(), words.height())
skewed = BST()
for i in range(30):
    skewed.insert(i)
print(skewed.height(), len(skewed))

# copy.copy and copy.deepcopy on nested containers and custom classes.
import copy

original = {"name": "cfg", "items": [1, [2, 3]], "meta": {"tags": {"a", "b"}}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
shallow["items"][1].append(4)
deep["items"][1].append(99)
shallow["name"] = "changed"
print(original["name"], original["items"], deep["items"], shallow["items"] is original["items"])
print(deep["meta"] == original["meta"], deep["meta"]["tags"] is original["meta"]["tags"])

class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"

tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t2.children[1].children[0].value = 40
t3 = copy.copy(tree)
t3.value = 100
t3.children.append(Node(5))
print(tree)
print(t2)
print(t3.value, tree.value, t3.children is tree.children)

shared = [1, 2]
container = [shared, shared]
dc = copy.deepcopy(container)
print(dc[0] is dc[1], dc[0] is shared)
cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc[1] is cyclic)

class Tracked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("  __copy__ called")
        return Tracked(self.v)
    def __deepcopy__(self, memo):
        print("  __deepcopy__ called")
        return Tracked(copy.deepcopy(self.v, memo))
tr = Tracked([1, 2])
c1 = copy.copy(tr)
c2 = copy.deepcopy(tr)
print(c1.v is tr.v, c2.v is tr.v, c2.v == tr.v)
nums = [1, 2, 3]
print(copy.copy(nums) == nums, copy.copy(nums) is nums, copy.copy((1, 2)) is not None, list(nums), nums[:] is nums)
grid = [[0] * 3] * 2
grid[0][0] = 1
fixed = copy.deepcopy([[0] * 3 for _ in range(2)])
fixed[0][0] = 1
print(grid, fixed)

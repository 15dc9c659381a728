# A function, method or class named `top` is an ordinary scope (Python 3.11's symtable takes
# any table named "top" for the module's; jitvm once compiled such locals as globals).


class Stack:
    def __init__(self):
        self.items = []

    def push(self, v):
        self.items.append(v)

    def top(self):
        if not self.items:
            raise IndexError("top of empty stack")
        return self.items[-1]

    def top_n(self, n):
        return sorted(self.items, key=lambda v: (-v, str(v)))[:n]


s = Stack()
for v in [3, 1, 4, 1, 5, 9, 2, 6]:
    s.push(v)
print(s.top(), s.top_n(3))


def top(scores, k=2):
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best = [name for name, _ in ranked[:k]]
    counter = 0

    def bump():
        nonlocal counter
        counter += 1
        return counter

    bump()
    return best, bump()


print(top({"ann": 3, "bob": 7, "cy": 5}))
print("ranked" in globals(), "best" in globals())


class top:
    label = "class named top"

    def describe(self):
        return [self.label for _ in range(2)]


print(top().describe())
try:
    Stack().top()
except IndexError as e:
    print("IndexError:", e)

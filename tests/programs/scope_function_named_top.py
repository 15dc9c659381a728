# CPython 3.11's symtable takes any scope named "top" for the module's own (its lookup
# compares the name): a function, method or class called `top` must keep its locals local.

def top(xs):
    total = 0
    for x in xs:
        total += x
    try:
        return total / len(xs)
    except ZeroDivisionError as e:
        return str(e)


def outer(n):
    count = 0

    def top(k):
        nonlocal count
        count += k
        local = count * 2
        return local

    for i in range(n):
        top(i)
    return count


class Stack:
    def __init__(self):
        self.items = []

    def push(self, v):
        self.items.append(v)

    def top(self):
        last = self.items[-1] if self.items else None
        return last


def make_class():
    class top:
        size = 3
        doubled = [size * 2] * 2

        def area(self):
            side = self.size
            return side * side
    return top


g = 10


def uses_global():
    def top():
        global g
        g += 1
        seen = g
        return seen
    return top(), top()


print(top([1, 2, 3, 4]), top([]), top([2.5, 0.5]))
print(outer(5), outer(0))
s = Stack()
print(s.top())
for v in range(4):
    s.push(v * v)
print(s.top(), s.items)
cls = make_class()
print(cls().area(), cls.doubled, cls.__name__)
print(uses_global(), g)

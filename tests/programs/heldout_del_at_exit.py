# Objects with __del__ left in globals at exit: CPython finalizes them in the order they were
# made, with the module's globals (a list, a helper function, a class counter) still there.
closed = []


def label(name):
    return "<" + name + ">"


class Resource:
    live = 0

    def __init__(self, name):
        self.name = name
        Resource.live += 1

    def __del__(self):
        Resource.live -= 1
        closed.append(self.name)
        print("close", label(self.name), len(closed), Resource.live)


class Pooled(Resource):
    pass


def churn(n):
    total = 0
    for i in range(n):
        r = Resource("tmp%d" % (i % 3))  # freed at once, in the loop
        total += len(r.name)
    return total


print(churn(200), len(closed), Resource.live)
closed.clear()
pool = [Pooled("p%d" % i) for i in range(4)]
main = Resource("main")
x, y = Resource("x"), Resource("y")
x, y = y, x  # the names now hold them in the other order
registry = {"a": Resource("reg-a"), "b": [Resource("reg-b")]}
pool.reverse()
print("end", Resource.live, len(closed))

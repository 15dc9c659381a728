# yield from: delegation, return values, nested delegation.
def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield 3
    return "outer-result"

print(list(outer()))
g = outer()
for v in g:
    print("got", v)

def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, (4, 5)], []], [[6]], 7])))

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", range(3), [None], {"k": 1})))

def accumulate():
    total = 0
    while True:
        value = yield
        if value is None:
            return total
        total += value

def gather(results):
    while True:
        total = yield from accumulate()
        results.append(total)

res = []
acc = gather(res)
next(acc)
for v in [1, 2, 3, None, 10, 20, None]:
    acc.send(v)
print("totals:", res)

def tree(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from tree(child, depth + 1)
t = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
print("\n".join(tree(t)))

def delegating_sender():
    got = yield from echo()
    yield f"echo finished with {got}"
def echo():
    received = []
    while True:
        x = yield len(received)
        if x == "stop":
            return received
        received.append(x)
d = delegating_sender()
print(next(d), d.send("a"), d.send("b"), d.send("stop"))
def from_generator_expr():
    yield from (x * 10 for x in range(3))
    return (yield from [100])
print(list(from_generator_expr()))

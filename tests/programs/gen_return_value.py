# Generator return values, StopIteration.value, gi_running/gi_frame basics.
def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total

g = gen(4)
while True:
    try:
        print("yielded", next(g))
    except StopIteration as stop:
        print("returned", stop.value, stop.args)
        break

def empty_return():
    return
    yield
try:
    next(empty_return())
except StopIteration as s:
    print("value of bare return:", s.value)

def return_tuple():
    yield "x"
    return 1, 2
rt = return_tuple()
next(rt)
try:
    next(rt)
except StopIteration as s:
    print("tuple value:", s.value)

def manual_driver(generator):
    values = []
    try:
        while True:
            values.append(next(generator))
    except StopIteration as e:
        return values, e.value
print(manual_driver(gen(5)))

def wrapper():
    r = yield from gen(3)
    return r * 100
print(manual_driver(wrapper()))

def stop_in_list():
    yield 1
    return "ignored by list()"
print(list(stop_in_list()))

def return_none_explicitly():
    yield 1
    return None
print(manual_driver(return_none_explicitly()))
g2 = gen(2)
print(g2.gi_running, g2.gi_frame is not None)
next(g2); next(g2)
try:
    next(g2)
except StopIteration as e:
    print("done", e.value, g2.gi_frame is None)
try:
    raise StopIteration(7)
except StopIteration as e:
    print("manual StopIteration value:", e.value)
print(gen.__name__, type(gen(1)).__name__)

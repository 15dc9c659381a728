# nonlocal rebinding across several nesting levels.
def counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
print(c(), c(), c(10))
d = counter(100)
print(d(), c())

def accumulate():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total
    def report():
        return total, list(history)
    return add, report

add, report = accumulate()
for v in [3, 4, 5]:
    add(v)
print(report())

def three_levels():
    x = 1
    def level2():
        def level3():
            nonlocal x
            x *= 10
            return x
        level3()
        return level3()
    result = level2()
    return result, x
print(three_levels())

def shadow():
    x = "outer"
    def inner():
        x = "inner-local"
        return x
    inner()
    return x
print(shadow())

def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
s = fib_gen()
print([s() for _ in range(12)])

def toggler():
    state = False
    def toggle():
        nonlocal state
        state = not state
        return state
    return toggle
t = toggler()
print(t(), t(), t())

def del_nonlocal():
    y = 5
    def kill():
        nonlocal y
        del y
    kill()
    try:
        return y
    except NameError as e:
        return "NameError: " + str(e)
print(del_nonlocal())

# Closures capture variables (cells), not values.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))

def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(outer()())

def multi_level():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()
print(multi_level()())

def shared_cell():
    value = 0
    def get():
        return value
    def bump():
        nonlocal value
        value += 1
    return get, bump
get, bump = shared_cell()
bump(); bump(); bump()
print("shared:", get())

def closure_over_param(items):
    def total():
        return sum(items)
    items.append(100)
    return total
print(closure_over_param([1, 2, 3])())

print(add5.__closure__ is not None, len(add5.__closure__))
print(add5.__closure__[0].cell_contents)

def no_closure():
    return 1
print(no_closure.__closure__)

def deep(n):
    fns = []
    def level(k):
        if k == 0:
            return lambda: n
        return level(k - 1)
    return level(5)
print(deep(42)())

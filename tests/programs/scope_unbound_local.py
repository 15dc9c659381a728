# UnboundLocalError and NameError in typical mistakes, and their fixes.
counter = 0

def broken_increment():
    counter += 1  # assignment makes 'counter' local
    return counter

try:
    broken_increment()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def conditional_assign(flag):
    if flag:
        value = "set"
    return value

print(conditional_assign(True))
try:
    conditional_assign(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def read_then_assign():
    print("reading", counter)
    counter = 5

try:
    read_then_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def uses_undefined():
    return undefined_variable + 1

try:
    uses_undefined()
except NameError as e:
    print("NameError:", e, "| is UnboundLocalError:", isinstance(e, UnboundLocalError))

def closure_unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print("NameError in closure:", e)
    later = "now defined"
    return inner()
print(closure_unbound())

def loop_var_unbound(items):
    for item in items:
        pass
    return item
print(loop_var_unbound([1, 2]))
try:
    loop_var_unbound([])
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def except_var_cleared():
    try:
        raise ValueError("x")
    except ValueError as err:
        pass
    return err
try:
    except_var_cleared()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def fixed_increment():
    global counter
    counter += 1
    return counter
print(fixed_increment(), fixed_increment())
try:
    print(len(undefined_global_name))
except NameError as e:
    print("NameError:", e)

# return/break/continue interacting with try/finally.
def return_override():
    try:
        return "try"
    finally:
        return "finally"
print(return_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_continue())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"exception discarded at i={i}"
print(break_in_finally())

def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 99
        print("  x set to", x)
print(return_value_evaluated_first())

def mutable_return():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(mutable_return())

def nested_finally():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")
print(nested_finally())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n >= 3:
                return n
        finally:
            print("  finally n =", n)
print(while_finally())

def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("  finally after except-return")
print(except_return())

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
for v in gen():
    print("got", v)
    break
print("after break")

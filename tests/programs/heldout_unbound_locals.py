# del of locals, exception variables cleared after except, UnboundLocalError in hot code.
def after_except(n):
    res = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
        except ValueError as e:
            res.append(e.args[0])
        try:
            res.append(e)
        except UnboundLocalError as u:
            res.append("unbound")
    return res[:8], len(res)


print(after_except(300))


def del_local(n):
    out = []
    for i in range(n):
        x = i * 2
        if i % 4 == 0:
            del x
        try:
            out.append(x)
        except UnboundLocalError as e:
            out.append(str(e))
    return out[:6], len(out)


print(del_local(400))


def maybe_def(flag):
    if flag:
        y = 10
    return y


for i in range(500):
    maybe_def(True)
try:
    maybe_def(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def del_list_items(n):
    xs = list(range(n))
    i = 0
    while i < len(xs):
        if xs[i] % 3 == 0:
            del xs[i]
        else:
            i += 1
    return xs[:10], len(xs)


print(del_list_items(3000))


def cleanup():
    data = [1, 2, 3]
    alias = data
    del data
    alias.append(4)
    try:
        return data
    except NameError as e:
        return type(e).__name__, str(e), alias


print(cleanup())
g = 5


def use_then_assign():
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    g = 6
    return g


print(use_then_assign())


def closure_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()


print(closure_unbound())
try:
    undefined_global_name
except NameError as e:
    print("NameError", e)

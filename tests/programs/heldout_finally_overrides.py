# finally overriding return, exceptions in finally, return in loops with finally, exception chains.
def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            continue
    return "done"


def count_finally(n):
    c = 0
    for i in range(n):
        try:
            if i % 2:
                continue
            c += 1
        finally:
            c += 10
    return c


def exc_in_finally():
    try:
        try:
            1 / 0
        finally:
            raise KeyError("in finally")
    except KeyError as e:
        return repr(e), type(e.__context__).__name__


def loop_ret(xs):
    for x in xs:
        try:
            if x > 5:
                return x
        finally:
            xs.append(-1) if len(xs) < 20 else None
    return None


print(override(), swallow(), count_finally(1001), exc_in_finally(), loop_ret([1, 2, 9, 3]))
results = []
for k in range(3000):
    try:
        try:
            if k % 5 == 0:
                raise ValueError("v")
            elif k % 5 == 1:
                raise IndexError("i")
            r = k
        except ValueError:
            r = -1
        else:
            r += 1
        finally:
            if k % 7 == 0:
                r = 0
    except IndexError:
        r = -2
    results.append(r)
print(sum(results), results[:15])


def gen_finally():
    try:
        for i in range(10):
            yield i
    finally:
        results.append("closed")


g = gen_finally()
for v in g:
    if v == 3:
        break
del g
print(results[-1])


def chain(n):
    try:
        if n == 0:
            raise ValueError("base")
        return chain(n - 1)
    except ValueError as e:
        raise RuntimeError(f"level {n}") from e


try:
    chain(4)
except RuntimeError as e:
    depth = 0
    c = e
    while c is not None:
        depth += 1
        c = c.__cause__
    print(e, depth, repr(e.__cause__))


def suppressed(n):
    msgs = []
    for i in range(n):
        try:
            try:
                raise TypeError(i)
            except TypeError:
                raise ValueError(i * 2)
        except ValueError as e:
            msgs.append((e.args[0], e.__context__.args[0], e.__suppress_context__))
    return msgs[-2:], len(msgs)


print(suppressed(500))

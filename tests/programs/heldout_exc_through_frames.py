# Exceptions through several (natively compiled) frames, finally blocks, re-raise, context.
log = []


def level3(x):
    if x % 17 == 16:
        raise KeyError(x)
    if x % 23 == 22:
        return [][x]
    return x


def level2(x):
    try:
        return level3(x) * 2
    finally:
        if x % 29 == 0:
            log.append(x)


def level1(n):
    ok = 0
    errs = {}
    for x in range(n):
        try:
            ok += level2(x)
        except LookupError as e:
            name = type(e).__name__
            errs[name] = errs.get(name, 0) + 1
    return ok, sorted(errs.items())


print(level1(500), log[:6], len(log))


def reraise(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        log.append("zd")
        raise


def wrap(n):
    try:
        return reraise(n)
    except ZeroDivisionError as e:
        try:
            raise ValueError("wrapped") from e
        except ValueError as v:
            return str(v.__cause__)


print([wrap(k) for k in range(-2, 3)], log[-1])


def context_chain():
    try:
        try:
            {}["a"]
        except KeyError:
            1 / 0
    except ZeroDivisionError as e:
        return type(e.__context__).__name__, str(e.__context__)


print(context_chain())


def gen_with_finally(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(("gen done", n))


total = 0
for i in range(50):
    for v in gen_with_finally(i % 5):
        total += v
        if v == 2:
            break
print(total, log[-1])


class Resource:
    opened = 0

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, et, ev, tb):
        Resource.opened -= 1
        return et is KeyError


def use(n):
    c = 0
    for i in range(n):
        with Resource():
            if i % 3 == 0:
                raise KeyError(i)
            c += i
    return c


print(use(100), Resource.opened)


def finally_return():
    for i in range(10):
        try:
            if i == 3:
                return i
        finally:
            if i == 3:
                log.append("final")
    return -1


print(finally_return(), log[-1])


def loop_with_else(n):
    res = []
    for i in range(n):
        try:
            if i % 4 == 0:
                raise IndexError
        except IndexError:
            res.append("e")
        else:
            res.append("o")
        finally:
            res.append(".")
    return "".join(res)


print(loop_with_else(12))
errors = []
for exc in (ValueError("v"), TypeError("t"), ArithmeticError("a"), OverflowError("o"), StopIteration(5)):
    try:
        raise exc
    except (ValueError, TypeError) as e:
        errors.append(("VT", str(e)))
    except ArithmeticError as e:
        errors.append(("A", type(e).__name__))
    except Exception as e:
        errors.append(("E", repr(e)))
print(errors)
try:
    try:
        raise ValueError("inner")
    finally:
        log.append("cleanup")
except ValueError as e:
    print("outer caught", e, log[-1])
print(len(log))

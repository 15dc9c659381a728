# Exception chaining, finally overriding return/break/continue, context managers suppressing.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError, LookupError):
    pass

def find(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(404, f"missing {k!r}") from e

try:
    find({}, "x")
except LookupError as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__, e.code)

def ctx():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    ctx()
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

def nofrom():
    try:
        {}["a"]
    except KeyError:
        raise TypeError("t") from None
try:
    nofrom()
except TypeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

def f_return():
    try:
        return "try"
    finally:
        print("finally runs")
print(f_return())

def f_override():
    try:
        return 1
    finally:
        return 2
print(f_override())

def f_swallow():
    try:
        raise RuntimeError("lost")
    finally:
        return "swallowed"
print(f_swallow())

out = []
for i in range(6):
    try:
        if i == 1: continue
        if i == 4: break
        out.append(i)
    finally:
        out.append(-i)
print(out)

def loop_exc():
    res = []
    for s in ["1", "x", "3", None, "5"]:
        try:
            res.append(int(s))
        except ValueError as e:
            res.append(str(e))
        except TypeError as e:
            res.append(type(e).__name__)
        else:
            res.append("ok")
        finally:
            res.append("|")
    return res
print(loop_exc())

try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise
except KeyError as e:
    print("reraised", e, e.args)

e_saved = None
try:
    raise OSError(2, "No such file")
except OSError as e:
    e_saved = e
print(e_saved.errno, e_saved.strerror, e_saved)
try:
    e
except NameError as ne:
    print("NameError:", ne)

class Res:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail: raise RuntimeError("enter failed " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return et is KeyError
with Res("a") as a, Res("b") as b:
    print("body", a.name, b.name)
    raise KeyError("suppressed")
print("after with")
try:
    with Res("c"), Res("d", fail=True):
        print("not reached")
except RuntimeError as e:
    print("caught", e)

import contextlib
@contextlib.contextmanager
def tag(n):
    print(f"<{n}>")
    try:
        yield n.upper()
    except ZeroDivisionError as e:
        print("tag saw", e)
    finally:
        print(f"</{n}>")
with tag("p") as t:
    print(t)
with tag("q"):
    1 // 0
print(issubclass(NotFound, KeyError), NotFound.__mro__[1].__name__)
try:
    raise ExceptionGroup if False else StopIteration(5)
except StopIteration as s:
    print(s.value)
def depth(n):
    return depth(n + 1) if n < 50 else n
print(depth(0))
try:
    assert 1 > 2, "math broke"
except AssertionError as e:
    print("assert:", e)
err = ValueError("a", 1)
print(err.args, str(err), repr(err))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
try:
    raise AppError(1, "x") from ValueError("v")
except AppError as e:
    print(e, repr(e.__cause__))

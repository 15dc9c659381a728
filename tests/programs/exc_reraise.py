# Bare raise, re-raising with modifications, exceptions in handlers.
def risky(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("  logging and re-raising")
        raise

try:
    wrapper(-5)
except ValueError as e:
    print("outer got:", e)

def reraise_other():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError:
            pass
        raise  # re-raises KeyError, the one being handled here

try:
    reraise_other()
except KeyError as e:
    print("re-raised:", repr(e))

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

def add_note_style():
    try:
        int("x")
    except ValueError as e:
        e.args = e.args + ("extra context",)
        raise
try:
    add_note_style()
except ValueError as e:
    print(e.args)

def handler_raises():
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("raised in handler")
try:
    handler_raises()
except LookupError as e:
    print(type(e.__context__).__name__, "->", e)

def saved_exception():
    saved = None
    try:
        [][0]
    except IndexError as e:
        saved = e
    if saved:
        raise saved
try:
    saved_exception()
except IndexError as e:
    print("saved and raised later:", e)

def retry(fn, times):
    for attempt in range(times):
        try:
            return fn(attempt)
        except ValueError as e:
            print(f"  attempt {attempt}: {e}")
            if attempt == times - 1:
                raise
def succeed_on_2(a):
    if a < 2:
        raise ValueError("too early")
    return "success"
print(retry(succeed_on_2, 3))
try:
    retry(succeed_on_2, 2)
except ValueError as e:
    print("final:", e)
import sys
try:
    raise TypeError("inspect")
except TypeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())

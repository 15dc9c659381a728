# Implicit exception chaining via __context__.
def show_chain(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(parts)

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(show_chain(e))

try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
except KeyError as e:
    print(show_chain(e))

try:
    try:
        raise ValueError("caught cleanly")
    except ValueError:
        pass
    raise RuntimeError("after handler")
except RuntimeError as e:
    print(show_chain(e))

def in_handler():
    try:
        {}["missing"]
    except KeyError as outer:
        try:
            [][1]
        except IndexError as inner:
            print("inner context is outer:", inner.__context__ is outer)
            raise ZeroDivisionError("deepest")
try:
    in_handler()
except ZeroDivisionError as e:
    print(show_chain(e))

try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e
except ValueError as e:
    print("re-raise same object context:", e.__context__)

e1 = None
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        e1 = z
        raise ValueError("wrapped")
except ValueError as v:
    print(v.__context__ is e1, v.__cause__, v.__suppress_context__)

class CleanupError(Exception):
    pass
def process():
    try:
        raise IOError("read failed")
    finally:
        try:
            raise CleanupError("close failed")
        except CleanupError as c:
            print("cleanup error context:", type(c.__context__).__name__)
try:
    process()
except OSError as e:
    print("original propagates:", e, e.__context__)

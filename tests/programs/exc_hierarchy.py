# Catching by base class, except tuples, handler order, BaseException.
hierarchy = [ZeroDivisionError, ArithmeticError, KeyError, LookupError, IndexError, FileNotFoundError, OSError,
             UnboundLocalError, NameError, RecursionError, RuntimeError, NotImplementedError, StopIteration,
             ModuleNotFoundError, ImportError, UnicodeDecodeError, ValueError, TypeError, AssertionError,
             KeyboardInterrupt, SystemExit, GeneratorExit, Exception, BaseException]
for cls in hierarchy:
    print(cls.__name__, "->", cls.__bases__[0].__name__ if cls.__bases__ else "-")

def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-ish " + type(e).__name__
    except ArithmeticError as e:
        return "arithmetic " + type(e).__name__
    except OSError as e:
        return "os " + type(e).__name__
    except Exception as e:
        return "generic " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__

for exc in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), FileNotFoundError(), PermissionError(),
            ValueError(), KeyboardInterrupt(), SystemExit(0), GeneratorExit()]:
    print(classify(exc))

handlers = (ValueError, TypeError)
try:
    raise TypeError("via tuple variable")
except handlers as e:
    print("caught with tuple variable:", e)

try:
    try:
        raise SystemExit(5)
    except Exception:
        print("should not be caught by Exception")
except SystemExit as e:
    print("SystemExit code:", e.code)

print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError is OSError)
try:
    open("/nonexistent/definitely/not/here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError errno", e.errno, e.strerror)

def first_matching():
    try:
        raise ValueError("x")
    except Exception:
        return "Exception clause first"
    except ValueError:
        return "never"
print(first_matching())
try:
    raise UnicodeError("plain")
except ValueError as e:
    print("UnicodeError is a ValueError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "x".encode("ascii") + "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        1 / 0
    except NotAnException:
        pass
except TypeError as e:
    print("TypeError:", e)

# raise / try / except basics, exception objects and their args.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("  caught:", e)
        return None
    return result

print(divide(10, 2), divide(1, 0))

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        print("  ValueError:", e)
        return -1
print(parse("12"), parse("x12"), parse(""))

for exc in [ValueError("bad value"), KeyError("key"), TypeError("t", 2), Exception(), RuntimeError("r")]:
    try:
        raise exc
    except (ValueError, KeyError) as e:
        print("value/key:", type(e).__name__, e.args, str(e), repr(e))
    except Exception as e:
        print("other:", type(e).__name__, e.args, str(e), repr(e))

try:
    raise ValueError
except ValueError as e:
    print("raised class, got instance:", type(e).__name__, e.args)

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return f"no key {k!r}"
print(lookup({"a": 1}, "a"), lookup({}, "b"))

try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    int("abc")
except Exception as e:
    print(type(e).__name__, e)
e_saved = None
try:
    raise OSError(2, "No such file")
except OSError as e:
    e_saved = e
    print(e.errno, e.strerror, e)
try:
    e
except NameError as err:
    print("except target is deleted:", err)
print(type(e_saved).__name__)
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
    except TypeError as e:
        print("outer handler got", e)
nested()

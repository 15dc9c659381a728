# try/except/finally/with inside functions the JIT compiles: exceptions raised by native code
# (guards that find a Python error) or by Python callables it calls, caught in the same function.


def safe_div_loop(n):
    total = 0
    for i in range(n):
        print("step", i)
        try:
            total += 100 // (i % 4)
        except ZeroDivisionError as e:
            print("caught", type(e).__name__, e)
            total -= 1
    return total


def finally_counts(n):
    done = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i == 7:
                break
            done += 10 // (i % 5)
        except ZeroDivisionError:
            done += 1000
        finally:
            done += 1
        print("after", i, done)
    return done


def return_in_finally(x):
    try:
        return 10 // x
    finally:
        print("finally for", x)


def nested(a, b):
    result = 0
    try:
        try:
            result = a // b
        except ZeroDivisionError:
            print("inner caught")
            result = a % (b - 1)
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
        result = -1
    return result


def reraise(x):
    try:
        return 1 // x
    except ZeroDivisionError:
        print("re-raising for", x)
        raise


def outer_reraise(n):
    caught = 0
    for i in range(n):
        try:
            reraise(i % 3)
        except ZeroDivisionError as e:
            caught += 1
            print("outer got", e)
    return caught


def lookup(d, keys):
    found = 0
    missing = 0
    for k in keys:
        try:
            found += d[k]
        except KeyError as e:
            print("missing key", e)
            missing += 1
    return found * 100 + missing


def parse_all(texts):
    total = 0
    for t in texts:
        try:
            total += int(t)
        except ValueError as e:
            print("bad:", e)
        else:
            print("parsed", t)
    return total


def check(x):
    if x % 5 == 0:
        raise ValueError("multiple of five: " + str(x))
    return x * 2


def call_user(n):
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except ValueError as e:
            print("user function raised:", e)
    return total


def index_errors(lst, n):
    hits = 0
    for i in range(n):
        try:
            hits += lst[i]
        except IndexError:
            print("index", i, "out of range")
            hits -= 1
    return hits


def shifts(n):
    out = 0
    for i in range(n):
        try:
            out += 1 << (i - 3)
        except ValueError as e:
            print("shift:", e)
    return out


def name_deleted(x):
    try:
        1 // x
    except ZeroDivisionError as err:
        print("have", type(err).__name__)
    try:
        return err  # noqa: F821 - deleted after the handler: UnboundLocalError
    except UnboundLocalError:
        return "err was deleted"


class Tracker:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return kind is KeyError


def with_blocks(n):
    total = 0
    for i in range(n):
        with Tracker("t" + str(i)):
            total += i
            if i == 2:
                total += {}["x"]
            total += 1
        print("total", total)
    return total


def with_return(x):
    with Tracker("r"):
        return 100 // x


def loop_return(n):
    for i in range(n):
        try:
            if i == 4:
                return i * 10
        finally:
            print("leaving iteration", i)
    return -1


print(safe_div_loop(10))
print(finally_counts(10))
print(return_in_finally(5))
try:
    return_in_finally(0)
except ZeroDivisionError as e:
    print("propagated:", e)
print(nested(7, 2), nested(7, 0), nested(7, 1))
print(outer_reraise(7))
print(lookup({"a": 1, "b": 2}, ["a", "x", "b", "y", "a"]))
print(parse_all(["1", "x", "22", "", "3"]))
print(call_user(12))
print(index_errors([5, 6, 7], 6))
print(shifts(6))
print(name_deleted(0))
print(with_blocks(4))
print(with_return(4))
try:
    with_return(0)
except ZeroDivisionError as e:
    print("with propagated:", e)
print(loop_return(10))
for rounds in range(3):
    print(safe_div_loop(5), lookup({1: 1}, [1, 2, 1]), call_user(6))

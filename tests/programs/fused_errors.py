"""Exceptions in generator expressions fused into sum/min/max/any/all and in list
comprehensions, in compiled callers: errors of the body (caught by the caller), errors of the
consumer's own step (an add, a compare, the truth of an item, max() of nothing), and a
StopIteration escaping the generator's body, which becomes RuntimeError; traceback texts as
CPython prints them."""

import traceback


class Odd:
    def __repr__(self):
        return "Odd()"

    def __add__(self, other):
        raise KeyError("no add")

    __radd__ = __add__

    def __lt__(self, other):
        raise IndexError("no compare")

    __gt__ = __lt__

    def __bool__(self):
        raise ValueError("no truth")


class MyStop(StopIteration):
    pass


def inverse_sum(v):
    try:
        return sum(10 // x for x in v)
    except ZeroDivisionError as e:
        return ("ZeroDivisionError", str(e))


def pick(v, w):
    try:
        return sum(w[x] for x in v)
    except IndexError as e:
        return ("IndexError", str(e))


def three(it):
    try:
        return sum(next(it) for _ in range(3))
    except RuntimeError as e:
        return ("RuntimeError", str(e), type(e.__cause__).__name__, e.__context__ is e.__cause__)


def three_any(it):
    try:
        return any(next(it) == 99 for _ in range(3))
    except RuntimeError as e:
        return ("RuntimeError", str(e))


def three_max(it):
    try:
        return max(next(it) for _ in range(3))
    except RuntimeError as e:
        return ("RuntimeError", str(e))


def three_list(it):
    try:
        return [next(it) for _ in range(3)]
    except StopIteration as e:  # a list comprehension is no generator: it stays StopIteration
        return ("StopIteration", repr(e))


def raiser(x):
    if x == 3:
        raise MyStop("body")
    return x


def consumers(v):
    out = []
    for fn in (lambda: sum(x for x in v), lambda: max(x for x in v),
               lambda: any(x for x in v), lambda: all(x for x in v),
               lambda: sum(raiser(x) for x in v), lambda: [raiser(x) for x in v]):
        try:
            out.append(fn())
        except (KeyError, IndexError, ValueError, TypeError, StopIteration) as e:
            out.append((type(e).__name__, str(e)))
        except RuntimeError as e:
            out.append(("RuntimeError", str(e), type(e.__cause__).__name__))
    return out


def largest(v):
    return max(x for x in v)


def smallest(v):
    return min(x + 1 for x in v)


def total(v):
    return sum(1 / x for x in v)


for i in range(40):
    r = (inverse_sum([1, 2, 5]), inverse_sum([1, 0, 2]), pick([0, 1], [5, 6]),
         pick([0, 7], [5, 6]), three(iter([1, 2, 3])), three(iter([1, 2])),
         three_any(iter([1])), three_max(iter([])), three_list(iter([1, 2, 3])),
         three_list(iter([1])))
print(r)
for i in range(30):
    r = consumers([1, 2]), consumers([1, Odd()]), consumers([0, 3]), consumers([])
print(r)

for i in range(30):
    for fn, arg in ((largest, []), (smallest, ()), (total, [1, 2, 0]), (total, [1, "a"]),
                    (largest, [1, "a"])):
        try:
            fn(arg)
        except (ValueError, ZeroDivisionError, TypeError) as e:
            if i == 29:
                print(type(e).__name__, e)


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc())


show(largest, [])
show(total, [0])
show(largest, [1, "a"])
show(total, [1, None])
show(three_list, iter([]))

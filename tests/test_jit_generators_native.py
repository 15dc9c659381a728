"""Generators whose body runs natively (jit/generators.py, frontend_generators.py): a
resumable body with its state block, `next` as machine code, the OSR entry that turns a
running interpreter generator native, and every way out (deopt, send, throw, close,
gi_frame, being freed) continuing exactly in the interpreter.  Output must be CPython's at
every threshold and with --no-jit."""

from __future__ import annotations

import textwrap

import pytest

from difftest import check_source
from test_jit import jit_log, run

THRESHOLDS = ("0", "1", "5", "1000")

SHAPES = """
def pairs(n):
    for i in range(n):
        for j in range(i):
            yield i, j

def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

def halves(n):
    for i in range(n):
        yield i / 2

def flags(n):
    for i in range(n):
        yield i % 3 == 0

def total(n):
    t = 0
    for x in squares(n):
        t += x
    return t

c = 0
for i, j in pairs(300):
    if (i ^ j) & 1:
        c += 1
print(c)
for k in range(3):
    print(sum(squares(100)), list(halves(5)), list(flags(4)), total(50))
    print(list(zip(squares(4), halves(4))), list(enumerate(squares(3))))
    print(max(squares(7)), sorted(halves(3), reverse=True), tuple(pairs(3)))
    print([x for x in squares(6) if x % 2], any(x > 10 for x in squares(5)))
"""


def test_generator_shapes_run_natively():
    run(SHAPES, thresholds=THRESHOLDS, compiled=("pairs", "squares", "halves", "flags"))
    check_source(textwrap.dedent(SHAPES), options=("--no-jit",))


def test_a_hot_loop_of_a_running_generator_goes_native():
    """`pairs` is called once: its loop, already running in the interpreter, is entered by
    OSR and the generator object becomes native (the rest of its items from machine code)."""
    src = """
    def pairs(n):
        for i in range(n):
            for j in range(i):
                yield i, j
    c = 0
    for i, j in pairs(400):
        if (i ^ j) & 1:
            c += 1
    print(c)
    def counter(n):
        k = 0
        total = 0.5
        while k < n:
            total += k
            yield total
            k += 1
        return total
    g = counter(3000)
    print(sum(g), g.gi_running)
    def doubled(items):
        for x in items:
            yield x * 2
    g = doubled(list(range(3000)) + [0.5, "s"])
    print(next(g), sum(x for x in g if type(x) is not str), next(g, "end"))
    """
    results = run(src, thresholds=("1000",))
    log = jit_log(results["1000"].stderr)
    for name in ("pairs", "counter", "doubled"):
        assert any(line.startswith(f"OSR entry: {name} (generator)") for line in log), log


DEOPTS = """
def grow(n):
    x = 2 ** 60
    for i in range(n):
        yield x
        x *= 2              # past 2**63 after a few items: deoptimizes, goes on exactly

def plus_one(items):
    for x in items:
        yield x + 1         # an int list, then a float among them

def divide(n):
    for i in range(n):
        yield 10 // (3 - i)  # ZeroDivisionError at the fourth item

def stopper(n):
    for i in range(n):
        if i == 2:
            next(iter([]))   # StopIteration inside: RuntimeError
        yield i

for k in range(3):
    g = grow(6)
    print(next(g), next(g), list(g))
    print(list(plus_one([1, 2, 3, 4.5, 5])), list(plus_one([1, 2])))
    out = []
    try:
        for v in divide(6):
            out.append(v)
    except ZeroDivisionError as e:
        print("divide", out, e)
    try:
        print(list(stopper(5)))
    except RuntimeError as e:
        print(e, type(e.__cause__).__name__)
"""


def test_deopts_inside_the_body_continue_exactly():
    run(DEOPTS, thresholds=("0", "1", "5"), compiled=("grow", "divide"), deopted=("grow",))
    check_source(textwrap.dedent(DEOPTS), options=("--no-jit",))


def test_tracebacks_of_exceptions_in_a_native_body():
    src = """
    def divide(n):
        for i in range(n):
            yield 10 // (3 - i)
    for v in divide(6):
        print(v)
    """
    run(src, thresholds=("0", "1"))


LEAVING = """
def counter(n):
    i = 0
    while i < n:
        yield i * 10
        i += 1
    return "done"

for k in range(3):
    g = counter(5)
    print(next(g), g.send(None), next(g))
    try:
        g.send(3)
    except TypeError as e:
        print("typeerror", e)
    print(list(g))
    g = counter(5)
    try:
        g.send(1)
    except TypeError as e:
        print("just started", e)
    g = counter(5)
    next(g)
    try:
        g.throw(KeyError("k"))
    except KeyError as e:
        print("thrown", e)
    print(next(g, "exhausted"))
    g = counter(5)
    next(g)
    g.close()
    print(list(g), g.gi_frame)
    g = counter(4)
    print(g.gi_running, next(g), g.gi_frame is not None, next(g), list(g))
    g = counter(2)
    print(list(g))
    try:
        next(counter(0))
    except StopIteration as e:
        print("value", e.value)
    import inspect
    g = counter(3)
    print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))
    print(list(g), inspect.getgeneratorstate(g))
"""


def test_send_throw_close_and_gi_frame_leave_native_code():
    run(LEAVING, thresholds=("0", "1", "5"), compiled=("counter",))
    check_source(textwrap.dedent(LEAVING), options=("--no-jit",))


FREED = """
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def holder(n, obj):
    for i in range(n):
        yield i + len(obj.name)

def plain(n):
    for i in range(n):
        yield i

for k in range(3):
    g = holder(10, Noisy("a%d" % k))
    print(next(g), next(g))
    del g
    print("after del")
    g = holder(10, Noisy("b%d" % k))
    del g
    print("never started")
    g = plain(5)
    print(next(g))
    del g
"""


def test_a_generator_abandoned_half_way_is_freed_in_time():
    run(FREED, thresholds=("0", "1", "5"), compiled=("holder",))
    check_source(textwrap.dedent(FREED), options=("--no-jit",))


STAY = """
def with_finally(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally ran")

def delegating(n):
    yield from range(n)

for k in range(3):
    g = with_finally(5)
    print(next(g), next(g))
    g.close()
    g = with_finally(3)
    print(next(g))
    del g
    print(list(with_finally(2)), list(delegating(3)))
"""


def test_generators_with_try_or_yield_from_stay_interpreted():
    results = run(STAY, thresholds=("0", "5"))
    log = jit_log(results["0"].stderr)
    assert any("with_finally" in line and "try/with stays interpreted" in line
               for line in log), log
    assert any("delegating" in line and "yield from" in line for line in log), log
    assert not any(line.startswith("compiled: with_finally(") for line in log), log
    check_source(textwrap.dedent(STAY), options=("--no-jit",))


def test_the_body_is_compiled_as_a_generator():
    src = """
    def squares(n):
        i = 0
        while i < n:
            yield i * i
            i += 1
    print(sum(squares(10)))
    """
    results = run(src, thresholds=("0",), compiled=("squares",))
    log = jit_log(results["0"].stderr)
    assert any(line.startswith("compiled: squares(int) -> none (generator)") for line in log), log


@pytest.mark.parametrize("threshold", ["0", "3"])
def test_objects_through_a_native_body(threshold):
    src = """
    def upper(words):
        for w in words:
            yield w.upper()
    def scaled(items, k):
        for x in items:
            yield x * k
    def ints(n):
        for i in range(n):
            yield i
    for r in range(3):
        print(list(upper(["a", "b"])), list(scaled([1, 2.5], 3)), list(scaled([[1]], 2)))
        print(dict(zip(upper(["x", "y"]), ints(5))), list(map(str, ints(3))))
    """
    run(src, thresholds=(threshold,), compiled=("upper", "ints"))

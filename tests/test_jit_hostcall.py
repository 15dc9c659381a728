"""Calls of compiled functions from host code made natively (jit/hostcall.py): `map`,
`sorted(key=)`, `filter`, `min(key=)`, a class's `__hash__`/`__eq__`/`__lt__` run by `set`,
`dict` and `list.sort`, a signal handler, and the interpreter's own calls of hot functions.
Output, exceptions and tracebacks must be CPython's at every threshold, deopts and exceptions
inside such a call must continue in the interpreter exactly, and reference counts must stay
exact."""

from __future__ import annotations

import gc
import sys
import tempfile
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from difftest import run_cpython, run_jitvm
from test_jit import run

from jitvm.api import run_source

CALLBACKS = """
import functools
def f(x):
    return x * 2 + 1
print(sum(map(f, range(3000))), list(map(f, [-5, 0, 2**62 // 3]))[-1])
def grow(x):
    return x * 3037000499        # overflows 64 bits for x > 3: deoptimizes
print(sum(map(grow, [1, 2, 3] * 500 + [2**40, 5, 2**70])))
def half(x):
    return x / 2
print(sum(map(half, range(2000))), list(map(half, [1, 2.5, True, 2**80]))[-3:])
def odd(x):
    return x % 2 == 1
print(len(list(filter(odd, range(3001)))), min(range(500), key=lambda v: (v - 250) ** 2))
def nothing(x):
    return None
print(list(map(nothing, range(1000)))[-1])
def pair(x):
    return [x, str(x)]
print(list(map(pair, range(1000)))[-1], list(map(pair, ["a", None]))[-1])
def both(a, b=10):
    return a * b
print(sum(map(both, range(1000), range(1000))), sum(map(both, range(100))),
      functools.reduce(both, range(1, 15)), functools.partial(both, b=3)(4))
def kinds(x):
    return x
print([type(v).__name__ for v in map(kinds, [1, 1.5, True, None, "s", [1], (2,), 2**70])])
"""


def test_host_callbacks_with_deopts_and_other_types():
    run(CALLBACKS, thresholds=("0", "1", "5", "1000"), compiled=("f", "grow", "half"),
        deopted=("grow",))


DUNDERS = """
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)
pts = [P(i % 37, (i * 7) % 41) for i in range(3000)]
s = set(pts)
print(len(s), P(3, 4) in s, P(100, 1) in s)
d = {p: i for i, p in enumerate(pts)}
print(len(d), d[P(5, 35)])
print(sorted(pts)[:3], max(pts), min(pts[::-1]))
pts.sort(reverse=True)
print(pts[:2])
"""


def test_dunder_methods_called_by_set_dict_and_sort():
    run(DUNDERS, thresholds=("0", "3", "1000"), compiled=("P.__hash__", "P.__eq__"))


def test_an_exception_in_a_callback_keeps_cpythons_traceback():
    src = textwrap.dedent("""\
        def key(x):
            return 10 // (x - 1777)
        print(sum(map(key, range(1000))))
        print(sum(map(key, range(3000))))
        """)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src)
        expected = run_cpython(path)
        for threshold in ("0", "5", "1000"):
            actual = run_jitvm(path, options=("--jit-threshold", threshold))
            assert (actual.stdout, actual.returncode) == (expected.stdout, expected.returncode)
            assert actual.stderr == expected.stderr


def test_exceptions_raised_inside_callbacks_are_caught_by_the_program():
    run("""
        def inv(x):
            return 1 / x
        def safe(x):
            try:
                return inv(x)
            except ZeroDivisionError:
                return -1.0
        for i in range(3):
            try:
                print(sum(map(inv, range(5, -1, -1))))
            except ZeroDivisionError as e:
                print("caught", e)
        print(sum(map(safe, range(-500, 500))))
        def check(x):
            if x > 900:
                raise ValueError("too big: %d" % x)
            return x
        try:
            sorted(range(1000), key=check)
        except ValueError as e:
            print(e)
        def stop(x):
            if x == 700:
                raise StopIteration
            return x
        print(len(list(map(stop, range(1000)))))
    """, thresholds=("0", "2", "1000"))


def test_recursion_inside_callbacks():
    run("""
        import sys
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(list(map(fib, range(22))))
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        print(list(map(depth, [10, 100, 900])))
        try:
            print(list(map(depth, [10, 5000])))
        except RecursionError as e:
            print("RecursionError", e)
        sys.setrecursionlimit(3000)
        print(list(map(depth, [2900])))
        def nested(n):   # a callback whose native code calls map again (nested entries)
            return sum(map(nested, range(n))) + 1 if n else 1
        print(nested(12), list(map(nested, range(10))))
        def again(n):
            return depth(n) if n < 500 else sum(map(again, [n - 1]))
        try:
            print(again(3500))
        except RecursionError as e:
            print("RecursionError", e)
    """, thresholds=("0", "3", "1000"))


def test_signal_handler_called_natively_while_callbacks_run():
    # The handler (a compiled function, called natively through the bridge by CPython's
    # signal machinery) deoptimizes while map's callbacks run natively and deoptimize too.
    run("""
        import signal
        hits = []
        def big(x):
            return x * x          # deoptimizes for x = 2**40
        def handler(signum, frame):
            hits.append(big(2**40) > 0)
        def f(x):
            return x * 3 if x != 123457 else x * 2**40 * 2**40
        print(sum(map(f, range(2000))), big(5))
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)
        total = 0
        for k in range(30):
            total += sum(map(f, range(130000)))
        signal.setitimer(signal.ITIMER_REAL, 0)
        print(total, all(hits))
    """, thresholds=("0", "1000"), timeout=120)


def test_threads_call_compiled_callbacks():
    run("""
        import threading
        def f(x):
            return x * 2 + 1
        def g(x):
            return x * 3037000499 if x % 1000 == 999 else x
        results = {}
        def work(n):
            results[n] = (sum(map(f, range(20000 + n))), sum(map(g, range(5000))))
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(sorted(results.items()))
    """, thresholds=("0", "1000"))


# -- in this process: the bridge took the calls, and counts stay exact --------------------------


SOURCE = """
def f(x):
    return x * 2 + 1
def ident(o):
    return o
def boxed(o):
    return [o, o]
def grow(x):
    return x * 3037000499
for _ in range(3):
    sum(map(f, range(100))); list(map(ident, [1.5, "s"])); list(map(boxed, ["t"]))
    sum(map(grow, range(3)))
"""


@pytest.fixture(scope="module")
def namespace():
    return run_source(SOURCE, jit_threshold=0)


def test_the_bridge_takes_host_calls(namespace):
    f = namespace["f"]
    assert f._profile.host is not None
    before = f._profile.count
    assert sum(map(f, range(10_000))) == 10_000 ** 2
    # Calls the bridge takes are not counted (nor are native code's direct calls); the
    # interpreter's path would have added one per call.
    assert f._profile.count == before


def test_big_ints_and_other_types_take_the_python_path(namespace):
    f = namespace["f"]
    before = f._profile.count
    assert list(map(f, [2**70, 2.5, True])) == [2**71 + 1, 6.0, 3]
    assert f._profile.count == before + 3
    assert f(x=4) == 9  # (keywords too)


def test_reference_counts_stay_exact(namespace):
    ident, boxed = namespace["ident"], namespace["boxed"]
    token = object()
    gc.collect()
    start = sys.getrefcount(token)
    results = list(map(ident, [token] * 1000))
    assert sys.getrefcount(token) == start + 1000
    del results
    pairs = list(map(boxed, [token] * 500))
    assert sys.getrefcount(token) == start + 1000
    del pairs
    assert sys.getrefcount(token) == start
    tracemalloc.start()
    for _ in range(3):
        sum(map(namespace["f"], range(3000)))
        list(map(ident, [token] * 3000))
    first = tracemalloc.get_traced_memory()[0]
    for _ in range(10):
        sum(map(namespace["f"], range(3000)))
        list(map(ident, [token] * 3000))
    grown = tracemalloc.get_traced_memory()[0] - first
    tracemalloc.stop()
    assert grown < 20_000, grown  # (a leak of one object a call would be 30,000 objects)
    assert sys.getrefcount(token) == start


def test_a_function_that_deoptimizes_leaves_the_bridge(namespace):
    grow = namespace["grow"]
    record = grow._profile.host
    assert record is not None
    # its deopt (an int beyond 64 bits) teaches its feedback: the specialisation is dropped,
    # its record revoked, the next call goes through the Python path, which makes it again
    # (with Python ints there) and offers that one to the bridge
    assert sum(map(grow, [2**40] * 200)) == 200 * 2**40 * 3037000499
    assert grow._profile.host not in (None, record)
    before = grow._profile.count
    assert sum(map(grow, [2**41] * 50)) == 50 * 2**41 * 3037000499
    assert grow._profile.count == before


def test_closures_called_from_the_host():
    run("""
        def ranked(scores, names):
            order = sorted(range(len(names)), key=lambda i: (scores[i], names[i]))
            shift = 3
            def bump(v):
                return v + shift
            return order[:5], sum(map(bump, range(2000)))
        scores = [(i * 7919) % 101 for i in range(3000)]
        names = ["n%d" % i for i in range(3000)]
        for _ in range(3):
            print(ranked(scores, names))
        def counter():
            n = 0
            def inc(x):
                nonlocal n
                n += x
                return n
            return inc
        c = counter()
        print(sum(map(c, range(3000))), c(0))
    """, thresholds=("0", "2", "1000"))

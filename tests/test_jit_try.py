"""Functions with try/except/finally/with compile: native code runs the protected regions.  An
exception raised there goes to the `except` clause's landing pad and the handler runs natively
(test_jit_handlers.py); where no `except` clause of the frame catches it (a `finally`, a
`with`), it deoptimizes at its instruction and the interpreter's exception table finds the
handler.  Caught exceptions are the program's semantics, not failed speculations: they never
blacklist a function.

Every program runs under CPython and under jitvm at thresholds 0, 1 and 5 (see test_jit.run);
the log must show the functions under test compiled without side exits.
"""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_cpython, run_jitvm
from jitvm.jit import MAX_DEOPTS
from test_jit import jit_log, run

THRESHOLDS = ("0", "1", "5")


def test_guard_errors_caught_in_a_loop():
    run("""
        def divide(n):
            total = 0
            for i in range(n):
                print("step", i)
                try:
                    total += 100 // (i % 3)
                except ZeroDivisionError as e:
                    print("caught:", e)
                    total -= 1
            return total
        def shifts(n):
            out = 0
            for i in range(n):
                try:
                    out += 1 << (i - 2)
                except ValueError as e:
                    print("shift:", e)
            return out
        def items(lst, n):
            hits = 0
            for i in range(n):
                try:
                    hits += lst[i]
                except IndexError as e:
                    print(i, e)
            return hits
        for k in range(3):
            print(divide(7), shifts(5), items([4, 5, 6], 5))
    """, thresholds=THRESHOLDS, compiled=("divide", "shifts", "items"))


def test_finally_with_return_break_and_continue():
    run("""
        def walk(n):
            done = 0
            for i in range(n):
                try:
                    if i % 3 == 0:
                        continue
                    if i == 8:
                        break
                    done += 10 // (i % 5)
                except ZeroDivisionError:
                    done += 1000
                finally:
                    done += 1
                    print("finally", i, done)
            return done
        def early(x):
            try:
                return 10 // x
            finally:
                print("finally for", x)
        def first_big(n):
            for i in range(n):
                try:
                    if i * i > 10:
                        return i
                finally:
                    print("leaving", i)
            return -1
        print(walk(12), early(3), first_big(9))
        try:
            early(0)
        except ZeroDivisionError as e:
            print("propagated", e)
    """, thresholds=THRESHOLDS, compiled=("walk", "early", "first_big"))


def test_nested_try_reraise_and_the_deleted_name():
    run("""
        def nested(a, b):
            try:
                try:
                    r = a // b
                except ZeroDivisionError:
                    print("inner")
                    r = a % (b - 1)
                finally:
                    print("inner finally")
            except ZeroDivisionError:
                print("outer")
                r = -1
            return r
        def again(x):
            try:
                return 1 // x
            except ZeroDivisionError:
                print("re-raising")
                raise
        def count(n):
            caught = 0
            for i in range(n):
                try:
                    again(i % 3)
                except ZeroDivisionError as e:
                    caught += 1
                    print("got", e, e.__context__)
            return caught
        def wrap(x):
            try:
                return 1 // x
            except ZeroDivisionError as e:
                raise ValueError("wrapped") from e
        print(nested(7, 2), nested(7, 0), nested(7, 1), count(7))
        try:
            wrap(0)
        except ValueError as e:
            print(e, repr(e.__cause__))
    """, thresholds=THRESHOLDS, compiled=("nested", "again", "count", "wrap"))


def test_exceptions_from_python_callables_caught_in_the_same_function():
    run("""
        def check(x):
            if x % 4 == 0:
                raise KeyError(x)
            return x
        def lookup(d, keys):
            found = missing = 0
            for k in keys:
                try:
                    found += d[k]
                except KeyError as e:
                    print("missing", e)
                    missing += 1
            return found * 100 + missing
        def parse(texts):
            total = 0
            for t in texts:
                try:
                    total += int(t)
                except ValueError as e:
                    print("bad:", e)
                else:
                    print("ok", t)
            return total
        def user(n):
            total = 0
            for i in range(n):
                try:
                    total += check(i)
                except KeyError as e:
                    print("user raised", e)
            return total
        for k in range(2):
            print(lookup({"a": 1, "b": 2}, ["a", "x", "b", "a", "y"]),
                  parse(["1", "x", "20", ""]), user(10))
    """, thresholds=THRESHOLDS, compiled=("lookup", "parse", "user"))


def test_raise_leaves_native_code_without_a_side_exit():
    """`raise` in compiled code hands the frame to the interpreter at that instruction; a
    function that raises is still compiled whole and called natively."""
    results = run("""
        def validate(x):
            if x % 3 == 0:
                raise ValueError(f"bad {x}")
            return x * 2
        def collect(n):
            good = 0
            for i in range(n):
                try:
                    if i == 4:
                        raise KeyError("four")
                    good += validate(i)
                except ValueError as e:
                    print("invalid:", e)
                except KeyError as e:
                    print("key:", e)
            return good
        for k in range(80):
            collect(7)
        print(collect(10))
        validate(9)
    """, thresholds=THRESHOLDS, compiled=("validate", "collect"))
    for result in results.values():
        assert "blacklisted" not in result.stderr and "dropped:" not in result.stderr


def test_with_blocks_call_enter_and_exit_natively():
    run("""
        class Tracker:
            def __init__(self, name):
                self.name = name
            def __enter__(self):
                print("enter", self.name)
                return len(self.name)
            def __exit__(self, kind, value, tb):
                print("exit", self.name, kind and kind.__name__)
                return kind is KeyError
        def blocks(n):
            total = 0
            for i in range(n):
                with Tracker("t" * (i + 1)) as size:
                    total += size
                    if i == 2:
                        total += {}["x"]
                    total += 1
                print("total", total)
            return total
        def inside(x):
            with Tracker("r"):
                return 100 // x
        def not_a_manager(x):
            try:
                with x:
                    pass
            except TypeError as e:
                print(e)
        print(blocks(5), inside(4))
        not_a_manager(3)
        try:
            inside(0)
        except ZeroDivisionError as e:
            print("propagated", e)
    """, thresholds=THRESHOLDS, compiled=("blocks", "inside"))


def test_caught_exceptions_do_not_blacklist():
    """A compiled function that catches an exception on every other call, many more times
    than the deopt limit, is never blacklisted: an exception is not a failed speculation.
    `safe` and `loop` catch it natively (test_jit_handlers.py: no `deopt:` line at all); in
    `nested` the innermost handler is a `finally`, which stays with the interpreter, so each
    exception leaves native code (a `deopt:` line) and comes back by OSR."""
    results = run("""
        def safe(a, b):
            try:
                return a // b
            except ZeroDivisionError:
                return -1
        def loop(n):
            bad = 0
            for i in range(n):
                try:
                    bad += 10 // (i % 2)
                except ZeroDivisionError:
                    bad -= 1
            return bad
        def nested(n):
            bad = 0
            for i in range(n):
                try:
                    try:
                        bad += 10 // (i % 2)
                    finally:
                        bad += 1
                except ZeroDivisionError:
                    bad -= 1
            return bad
        total = 0
        for i in range(300):
            total += safe(i, i % 2)
        print(total, loop(400), nested(400))
    """, thresholds=THRESHOLDS, compiled=("safe", "loop", "nested"))
    for result in results.values():
        log = jit_log(result.stderr)
        assert not any(line.startswith(("blacklisted", "dropped", "backing off"))
                       for line in log), log
        for name in ("safe", "loop"):
            assert not any(line.startswith(f"deopt: {name} ") for line in log), log
        assert sum(line.startswith("deopt: nested ") for line in log) > MAX_DEOPTS, log


def test_uncaught_exceptions_keep_cpythons_traceback():
    src = textwrap.dedent("""\
        def inner(d, k):
            try:
                return d[k] // 2
            finally:
                print("cleanup", k)

        def middle(d, keys):
            total = 0
            for k in keys:
                try:
                    total += inner(d, k)
                except ZeroDivisionError:
                    print("never")
            return total

        def divide(xs):
            t = 0
            for x in xs:
                with open(__file__) as fh:
                    t += 10 // x
            return t

        print(middle({"a": 4, "b": 6}, ["a", "b"]))
        try:
            middle({"a": 4}, ["a", "zz"])
        except KeyError as e:
            print("KeyError", e)
        print(divide([1, 2, 5]))
        divide([3, 0])
        """)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src)
        expected = run_cpython(path)
        assert expected.returncode == 1
        for threshold in THRESHOLDS:
            actual = run_jitvm(path, options=("--jit-threshold", threshold, "--jit-log"))
            assert actual.stdout == expected.stdout
            assert actual.returncode == 1
            traceback = [line for line in actual.stderr.splitlines()
                         if not line.startswith("[jit]")]
            assert traceback == expected.stderr.splitlines()
            log = jit_log(actual.stderr)
            for name in ("inner", "middle", "divide"):
                assert any(line.startswith(f"compiled: {name}(") for line in log), log


MEMORY_PROGRAM = """
import gc, sys, tracemalloc

class Box:
    def __init__(self, v):
        self.v = v

def catcher(rows, d, rounds):
    total = 0
    for r in range(rounds):
        for row in rows:
            try:
                total += row[r % 4] // (r % 3)
            except ZeroDivisionError:
                total -= 1
            except IndexError:
                total += 1
            try:
                total += d[r % 5].v
            except KeyError as e:
                total += len(str(e))
            with Box(r) as b:
                pass
    return total

Box.__enter__ = lambda self: self
Box.__exit__ = lambda self, *exc: None
rows = [[1001, 1002, 1003], [1004, 1005, 1006, 1007]]
d = {0: Box(1), 2: Box(3)}
for warm in range(3):
    catcher(rows, d, 30)
gc.collect()
counts = ([sys.getrefcount(r) for r in rows], sys.getrefcount(d), sys.getrefcount(d[0]),
          [sys.getrefcount(x) for x in rows[1]])
before = 0  # (bound before the loop: its OSR entries all see the same types)
for k in range(220):
    if k == 20 or k == 40:  # this loop (module level) is compiled by now (thresholds <= 15)
        # (and made again once this branch has run: it had no type feedback when
        # compiled, a soft exit; so measured from its second run)
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
    catcher(rows, d, 30)
gc.collect()
grown = tracemalloc.get_traced_memory()[0] - before
tracemalloc.stop()
print(counts == ([sys.getrefcount(r) for r in rows], sys.getrefcount(d),
                 sys.getrefcount(d[0]), [sys.getrefcount(x) for x in rows[1]]))
print(grown < 20000)
print(catcher(rows, d, 10))
"""


def test_catching_in_a_loop_keeps_reference_counts_and_memory_flat():
    results = run(MEMORY_PROGRAM, thresholds=("0", "5"), compiled=("catcher",))
    for result in results.values():
        assert result.stdout.startswith("True\nTrue\n"), result.stdout

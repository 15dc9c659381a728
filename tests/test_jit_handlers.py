"""Exception handlers compiled to native code (jit/frontend_handlers.py): an exception raised
in a `try` of compiled code (by a Python callable, a C-API operation, a zero divisor) goes to
the `except` clause's landing pad and the handler runs natively; the loop around it stays in
native code (no deopt, no OSR re-entry per exception).

Every program runs under CPython and under jitvm at thresholds 0, 1 and 5 (test_jit.run), and
the log or --stats must show the handler ran natively.
"""

from __future__ import annotations

import re
import tempfile
import textwrap
from pathlib import Path

from difftest import run_cpython, run_jitvm
from test_jit import jit_log, run

THRESHOLDS = ("0", "1", "5")


def stats_of(src: str, threshold: str = "0") -> tuple[str, str]:
    """(stdout, stderr) of SRC under jitvm with --stats --jit-log, after checking stdout
    against CPython's."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src))
        expected = run_cpython(path)
        actual = run_jitvm(path, options=("--jit-threshold", threshold, "--stats",
                                          "--jit-log"))
        assert actual.stdout == expected.stdout, actual.stderr
        assert actual.returncode == expected.returncode
        return actual.stdout, actual.stderr


def osr_entries(stderr: str) -> int:
    return int(re.search(r"(\d+) OSR entries", stderr).group(1))


def deopts(stderr: str) -> int:
    return int(re.search(r"(\d+) deopts", stderr).group(1))


PARSE = """
    def parse(tokens):
        ints = floats = bad = 0
        total = 0.0
        for t in tokens:
            try:
                v = int(t)
                ints += 1
            except ValueError:
                try:
                    v = float(t)
                    floats += 1
                except ValueError as e:
                    bad += 1
                    if bad < 3:
                        print("bad:", e)
                    continue
            total += v
        return ints, floats, bad, round(total, 3)

    tokens = [str(i) if i % 3 else "%d.5" % i if i % 2 else "x%d" % i for i in range(3000)]
    print(parse(tokens))
    print(parse(tokens[:50]))
"""


def test_an_except_clause_in_a_loop_runs_natively():
    run(PARSE, thresholds=THRESHOLDS, compiled=("parse",))
    _, err = stats_of(PARSE)
    # (before: a deopt and an OSR entry per exception, ~1000; now a few, while the feedback
    # learns that `v` may be an int or a float)
    assert osr_entries(err) + deopts(err) <= 6, err


def test_module_level_loop_catches_natively():
    src = """
        data = {"a": 1, "b": 2}
        keys = ["a", "b", "c", "a", "zz"] * 400
        hits = misses = 0
        for k in keys:
            try:
                hits += data[k]
            except KeyError as e:
                misses += 1
                last = e
        print(hits, misses, repr(last))
        """
    run(src, thresholds=THRESHOLDS)
    _, err = stats_of(src, "5")
    assert osr_entries(err) + deopts(err) <= 4, err  # (before: one per missing key, 800)


def test_zero_divisors_raise_natively_with_cpythons_messages():
    src = """
        def divide(xs, ys):
            out = []
            for x in xs:
                for y in ys:
                    try:
                        out.append((x / y, x // y, x % y))
                    except ZeroDivisionError as e:
                        out.append(str(e))
            return out
        def floor_only(n):
            t = 0
            for i in range(n):
                try:
                    t += 100 // (i % 4)
                except ZeroDivisionError as e:
                    t -= 1
                try:
                    t += 7 % (i % 3)
                except ZeroDivisionError as e:
                    msg = str(e)
            return t, msg
        def safe_div(a, b):
            try:
                return a / b
            except ZeroDivisionError:
                return 0.0
        acc = 0.0
        for i in range(2000):
            acc += safe_div(i, i % 7)
        print(divide([7, -7, 2.5], [2, 0, -3, 0.0, True, False]))
        print(floor_only(1000), acc)
        """
    run(src, thresholds=THRESHOLDS, compiled=("divide", "floor_only", "safe_div"))
    _, err = stats_of(src)
    assert deopts(err) <= 4, err  # (before: one per zero divisor, ~1300)


def test_exception_state_chaining_and_bare_raise():
    src = """
        import sys
        def chain(items):
            seen = []
            for x in items:
                try:
                    try:
                        y = 10 // x
                    except ZeroDivisionError:
                        seen.append(("inner", sys.exc_info()[0].__name__))
                        int("nope")
                except ValueError as e:
                    seen.append((type(e.__context__).__name__, str(e)))
                seen.append(sys.exc_info()[0])
            return seen
        def reraise(items):
            count = 0
            for x in items:
                try:
                    try:
                        count += 10 // x
                    except ZeroDivisionError:
                        count += 100
                        raise
                except ArithmeticError as e:
                    count += 1000
            return count
        def unmatched(items):
            total = 0
            for x in items:
                try:
                    total += int(x)
                except TypeError:
                    total -= 1
            return total
        print(chain([1, 0, 2, 0]))
        print(reraise([1, 0, 5, 0, 0]))
        print(unmatched(["1", 2, "3"]))
        try:
            unmatched(["1", "x"])
        except ValueError as e:
            print("escaped:", e, e.__context__)
        """
    run(src, thresholds=THRESHOLDS, compiled=("chain",))


def test_bare_except_finally_and_the_names_it_deletes():
    src = """
        def walk(items):
            log = []
            n = 0
            for x in items:
                try:
                    n += 1 // x
                except:
                    log.append("bare")
                finally:
                    n += 1
                try:
                    n += len(x)
                except TypeError as err:
                    log.append(type(err).__name__)
            try:
                err
            except NameError as e:
                log.append("deleted")
            return n, log
        print(walk([1, 0, 2, "s"]))
        """
    run(src, thresholds=THRESHOLDS)


def test_tracebacks_of_caught_and_escaping_exceptions():
    src = textwrap.dedent("""\
        import traceback
        def lookup(d, keys):
            found = 0
            for k in keys:
                try:
                    found += d[k]
                except KeyError:
                    traceback.print_exc(limit=2)
            return found

        def convert(items):
            out = 0
            for s in items:
                try:
                    out += int(s)
                except ValueError as e:
                    if s == "stop":
                        raise RuntimeError("stopped") from e
            return out

        print(lookup({"a": 1}, ["a", "b", "a"]))
        print(convert(["1", "x", "2"]))
        convert(["1", "stop"])
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
            stderr = [line for line in actual.stderr.splitlines()
                      if not line.startswith("[jit]")]
            assert stderr == expected.stderr.splitlines()
            log = jit_log(actual.stderr)
            assert any(line.startswith("compiled: convert(") for line in log), log


def test_handlers_keep_reference_counts_and_free_exceptions():
    src = """
        import gc, sys, weakref
        class Boom(Exception):
            pass
        freed = []
        def fail(i):
            e = Boom(i)
            weakref.finalize(e, freed.append, i)
            raise e
        def loop(n):
            caught = 0
            for i in range(n):
                try:
                    fail(i)
                except Boom as e:
                    caught += e.args[0]
            return caught
        gc.disable()
        print(loop(200), len(freed))
        marker = object()
        before = sys.getrefcount(marker)
        def holds(n, m):
            k = 0
            for i in range(n):
                try:
                    k += {0: 1}[i % 2]
                except KeyError:
                    k += len([m])
            return k
        print(holds(1000, marker), sys.getrefcount(marker) - before)
        """
    run(src, thresholds=THRESHOLDS, compiled=("loop", "holds"))


def test_the_ir_shows_the_landing_pad():
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(PARSE))
        actual = run_jitvm(path, options=("--jit-threshold", "0", "--dump-jit-ir"))
        assert "caught by pad." in actual.stdout + actual.stderr
        assert re.search(r"catch _caught, pc \d+", actual.stdout + actual.stderr)
        assert "exc_match" in actual.stdout + actual.stderr


def test_except_a_tuple_of_classes_runs_natively():
    src = """
        def convert(items):
            out = []
            for x in items:
                try:
                    out.append(10 // int(x))
                except (ValueError, ZeroDivisionError) as e:
                    out.append(type(e).__name__)
                except (TypeError,):
                    out.append("type")
            return out
        items = ["5", "0", "x", None, "2", 7] * 300
        print(convert(items)[:12], len(convert(items)))
        """
    run(src, thresholds=THRESHOLDS, compiled=("convert",))
    _, err = stats_of(src)
    assert osr_entries(err) + deopts(err) <= 6, err

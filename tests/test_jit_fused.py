"""Generator expressions fused into sum/min/max/any/all, and list comprehensions entered at
their loop (jit/fused.py, jit/frontend_fused.py).

Every program runs under CPython and under jitvm at several thresholds (test_jit.run): output,
exit status and the last stderr line must agree; some tests also compare whole tracebacks.
The log tests check that the fused code was compiled and called natively, not only that the
results match.
"""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_cpython, run_jitvm
from test_jit import MID_RUN, jit_log, run


def _log(src: str, *options: str) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="jitvm_fused_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        result = run_jitvm(path, options=("--jit-log",) + options)
        assert result.returncode == 0, result.stderr
        return jit_log(result.stderr)


def _tracebacks(src: str, *options: str) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="jitvm_fused_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        expected = run_cpython(path)
        actual = run_jitvm(path, options=options)
        return expected.stderr.replace(str(path), "prog.py"), \
            actual.stderr.replace(str(path), "prog.py")


def test_sum_min_max_any_all_of_a_generator_expression_run_fused():
    src = """
    def stats(v, k):
        s = sum(x * k for x in v)
        lo = min(x - k for x in v)
        hi = max(abs(x) for x in v if x != 0)
        pos = any(x > k for x in v)
        every = all(x < 100 for x in v)
        return s, lo, hi, pos, every
    def main():
        v = [3, -1.5, 2, 0, 7.25, -4]
        out = None
        for i in range(400):
            out = stats(v, i % 5)
        print(out)
        print(stats([1, 2, 3], 2), stats([0.5], 1))
    main()
    """
    run(src, thresholds=MID_RUN, compiled=("stats",), compiled_upto=100)
    log = _log(src, "--jit-threshold", "100")
    for consumer in ("sum", "min", "max", "any", "all"):
        assert any(line.startswith("compiled: stats.<locals>.<genexpr>(")
                   and f"(fused into {consumer}())" in line for line in log), "\n".join(log)
    # (the last calls' ints, after floats in the loop, deoptimize in `stats`, not inside)
    assert not [line for line in log if line.startswith("deopt: stats.<locals>")], \
        "\n".join(log)


def test_sums_over_ranges_zip_enumerate_and_with_a_start():
    run("""
    def f(a, b, n):
        r = sum(i * i for i in range(n)) + sum(i for i in range(n, 0, -3))
        z = sum(x * y for x, y in zip(a, b))
        e = sum(i * x for i, x in enumerate(a))
        s = sum((x for x in a), 0.5) + sum((x for x in b), 10)
        return r, z, e, s
    for n in range(300):
        out = f([1.0, 2.5, -3.0], [2.0, 4.0, 0.25], n)
    print(out)
    """, thresholds=MID_RUN, compiled=("f",), compiled_upto=1)


def test_an_int_sum_past_2_63_continues_with_big_ints():
    run("""
    def total(v):
        return sum(x * x for x in v)
    big = [3037000499, 3037000499, 5]
    small = [1, 2, 3]
    for i in range(200):
        t = total(small)
    print(t, total(big), total([2**62, 2**62, 2**62]), total(small))
    print(max(x * x for x in [2**40, 2**31]), min(-x * 2**40 for x in [2**30, 2**10]))
    """, thresholds=MID_RUN, compiled=("total",))


def test_mixed_and_changing_item_types():
    run("""
    def f(v):
        return sum(x for x in v), max(x for x in v), min(x for x in v)
    for i in range(300):
        out = f([1, 2, 3])
    print(out, f([1, 2.5, True]), f([True, False]), f([1.5, 2**70, -3]))
    print(f([float('nan'), 1.0, 2.0]), f([1.0, float('nan'), 2.0]), f([-0.0, 0.0]), f([0.0, -0.0]))
    """, thresholds=MID_RUN)


def test_empty_max_raises_as_cpython_with_the_same_traceback():
    src = """
    def biggest(v):
        return max(x * 2 for x in v)
    for i in range(300):
        biggest([1, 2, 3])
    try:
        biggest([])
    except ValueError as e:
        print("caught", e)
    biggest([])
    """
    run(src, thresholds=MID_RUN)
    expected, actual = _tracebacks(src, "--jit-threshold", "5")
    assert actual == expected


def test_errors_in_the_body_and_in_the_consumer_keep_cpythons_tracebacks():
    src = """
    def inv(v):
        return sum(1 / x for x in v)
    def cat(v):
        return sum(x for x in v)
    for i in range(300):
        inv([1, 2, 4])
        cat([1, 2])
    try:
        inv([1, 0])
    except ZeroDivisionError as e:
        print("caught", e)
    try:
        cat([1, "a"])
    except TypeError as e:
        print("caught", e)
    cat([2, [3]])
    """
    run(src, thresholds=MID_RUN)
    expected, actual = _tracebacks(src, "--jit-threshold", "5")
    assert actual == expected
    src2 = src.replace("cat([2, [3]])", "inv([3, 0])")
    expected, actual = _tracebacks(src2, "--jit-threshold", "5")
    assert actual == expected


def test_stop_iteration_in_the_body_becomes_runtime_error():
    run("""
    def firsts(its):
        return sum(next(it) for it in its)
    for i in range(300):
        firsts([iter([1]), iter([2])])
    try:
        firsts([iter([1]), iter([])])
    except RuntimeError as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)
    """, thresholds=MID_RUN)


def test_any_and_all_stop_at_the_deciding_item():
    run("""
    def noisy(x):
        print("saw", x)
        return x
    def f(v):
        return any(noisy(x) > 2 for x in v), all(noisy(x) < 2 for x in v)
    for i in range(30):
        print(f([1, 3, 5]))
    print(f([]), f([0]))
    """, thresholds=MID_RUN)


def test_rebinding_the_consumer_takes_effect():
    run("""
    def f(v):
        return sum(x for x in v)
    for i in range(500):
        if i == 300:
            sum = lambda it: -1
        t = f([1, 2, 3])
    print(t)
    del sum
    print(f([4]))
    """, thresholds=MID_RUN)


def test_closures_see_the_callers_current_values():
    run("""
    def f(v, n):
        k = n
        total = 0
        for i in range(n):
            k = i * 2
            total += sum(x * k for x in v) + max(x + k for x in v)
        return total
    print(f([1, 2, 3], 500), f([1.5], 50))
    """, thresholds=MID_RUN, compiled=("f",), compiled_upto=1)


def test_the_body_mutating_its_list_and_other_objects():
    run("""
    class Money:
        def __init__(self, c):
            self.c = c
        def __add__(self, other):
            return Money(self.c + (other.c if isinstance(other, Money) else other))
        __radd__ = __add__
        def __lt__(self, other):
            return self.c < other.c
        def __gt__(self, other):
            return self.c > other.c
        def __repr__(self):
            return f"Money({self.c})"
    def grow(v):
        return sum(v.append(x) or x for x in v if len(v) < 20)
    def f(ms):
        return sum(m for m in ms), max(m for m in ms), min(ms)
    for i in range(200):
        out = f([Money(3), Money(1), Money(2)])
        g = grow([1, 2])
    print(out, g)
    """, thresholds=MID_RUN)


def test_list_comprehensions_are_entered_at_their_loop():
    src = """
    import math
    def f(v, k):
        a = [x * k for x in v if x > 0]
        b = [[math.sin(i * 0.1 + j) for j in range(3)] for i in range(4)]
        c = [(i, j) for i in range(2) for j in v]
        return sum(a) + b[3][2] + len(c)
    t = 0.0
    for i in range(500):
        t += f([1.5, -2.0, 3.0], i)
    print(t, [x for x in []], [y * 2 for y in "ab"])
    """
    run(src, thresholds=MID_RUN, compiled=("f",), compiled_upto=100)
    log = _log(src, "--jit-threshold", "100")
    line = next(line for line in log if line.startswith("compiled: f("))
    assert "function" not in line.split(";", 1)[-1], line  # no comprehension called boxed


def test_a_comprehension_that_raises_or_deoptimizes_midway():
    run("""
    def f(v):
        return [10 // x for x in v]
    for i in range(300):
        f([1, 2, 3])
    print(f([1, 2.5, 3]), f([2**70, 3]))
    try:
        f([1, 0, 2])
    except ZeroDivisionError as e:
        print("caught", e)
    """, thresholds=MID_RUN)


def test_memory_stays_flat_in_hot_fused_loops():
    run("""
    import sys, tracemalloc
    shared = [1.5, 2.5, 3.5]
    obj = object()
    def f(v):
        return sum(x * 2 for x in v) + max(x for x in v) + len([obj for x in v])
    def loop(n):
        for i in range(n):
            f(shared)
    loop(2000)
    loop(2000)
    before_shared, before_obj = sys.getrefcount(shared), sys.getrefcount(obj)
    tracemalloc.start()
    snap = tracemalloc.take_snapshot()
    loop(20000)
    grown = sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(snap, "filename"))
    print(sys.getrefcount(shared) - before_shared, sys.getrefcount(obj) - before_obj,
          grown < 20000)
    """, thresholds=("0", "5"))


def test_functions_with_cells_of_their_own_are_called_natively():
    src = """
    def nearest(p, cs):
        best = min(abs(p - c) for c in cs)
        for k in range(len(cs)):
            if abs(p - cs[k]) == best:
                return k
        return -1
    def scaled(v, k):
        f = lambda x: x * k
        k += 1
        return [f(x) for x in v]
    def main():
        cs = [1.0, 4.0, 9.5]
        hits = [0, 0, 0]
        out = None
        for i in range(600):
            hits[nearest(i % 11 * 1.0, cs)] += 1
            out = scaled([1, 2], i)
        print(hits, out)
    main()
    """
    run(src, thresholds=MID_RUN, compiled=("main", "nearest"), compiled_upto=1)
    log = _log(src, "--jit-threshold", "100")
    line = next(line for line in log if line.startswith("compiled: main("))
    assert "calls" not in line.replace("calls print", ""), line  # nearest, scaled: native


def test_list_tuple_and_sorted_of_a_generator_expression():
    src = """
    def f(v, k):
        a = list(x * k for x in v)
        b = tuple(x + 1 for x in v if x > 0)
        c = sorted(-x for x in v)
        return a, b, c
    for i in range(300):
        out = f([3, 1.5, -2], i)
    print(out, f([], 1))
    def g(v):
        return sorted(x for x in v)
    for i in range(300):
        g([3, 1])
    g([1, "a", 2])
    """
    run(src, thresholds=MID_RUN, compiled=("f", "g"), compiled_upto=1)
    expected, actual = _tracebacks(src, "--jit-threshold", "5")
    assert actual == expected
    log = _log(src.replace("g([1, \"a\", 2])", ""), "--jit-threshold", "5")
    for consumer in ("list", "tuple", "sorted"):
        assert any(f"(fused into {consumer}())" in line for line in log), "\n".join(log)


def test_str_join_of_a_generator_expression_runs_fused():
    # str.join makes a list of any iterable before it joins: sep.join(genexpr) is the fused
    # list() of the generator expression, joined.  A non-str item raises join's TypeError
    # once every item is made; an error in the body comes from the generator's line.
    src = """
    def digits(n):
        return "".join(str(d) for d in range(n))
    def fmt(xs):
        return ", ".join("%.2f" % x for x in xs)
    def mixed(n):
        return "+".join(k for k in range(n))
    def bad(n):
        return "".join(str(10 // (k - 3)) for k in range(n))
    def show(row):  # compiled for rows of ints; a float deoptimizes in the fused code
        return "[" + " ".join(f"{x:>4}" for x in row) + "]"
    for i in range(300):
        shown = show([i, 2, 3])
    print(shown, show([1, 2.5, 3]), show([]))
    total = 0
    for i in range(300):
        total += len(digits(i % 20)) + len(fmt([i * 0.5, i / 3.0]))
    print(total, digits(12), fmt([1.0, 2.5]))
    try:
        mixed(3)
    except TypeError as e:
        print("TypeError:", e)
    print(bad(3))
    """
    run(src, thresholds=MID_RUN, compiled=("digits", "fmt"), compiled_upto=100)
    log = _log(src, "--jit-threshold", "100")
    for name in ("digits", "fmt"):
        assert any(line.startswith(f"compiled: {name}.<locals>.<genexpr>(")
                   and "fused into list()" in line for line in log), log
    raising = src.rstrip() + "\n    print(bad(6))\n"
    for threshold in ("0", "100"):
        expected, actual = _tracebacks(raising, "--jit-threshold", threshold)
        assert "ZeroDivisionError" in expected and actual == expected


INTERPRETED_CALLER = """
import random
random.seed(5)
g = [random.gauss(0, 1) for _ in range(3000)]
mean = sum(g) / len(g)
var = sum((v - mean) ** 2 for v in g) / len(g)
print(round(mean, 9), round(var, 9))
print(max(abs(v) for v in g), min(v * 2 for v in g if v > 0), any(v > 3 for v in g),
      all(v < 10 for v in g), len(list(v for v in g if v > 0)),
      tuple(round(v) for v in g)[:5], sorted(round(v, 1) for v in g)[-3:])
words = {str(i): i for i in range(200)}
print(sum(len(k) * v for k, v in words.items()), max(k for k in words))
import sys
print(sorted(m for m in sys.modules if m.startswith("json")))
short = [1, 2, 3]
print(sum(x * x for x in short))
kept = (x for x in range(100))
print(sum(kept), next(kept, "exhausted"))
"""


def test_interpreted_code_runs_consumers_of_generator_expressions_fused():
    """Module-level code (interpreted) calling sum/min/max... on a generator expression over
    a long sequence runs the fused code (superinstructions._call_genexpr, JIT.run_fused),
    whose loop is then compiled by OSR; a short sequence, and a generator expression held
    in a variable, keep the generator."""
    run(INTERPRETED_CALLER, thresholds=("0", "1", "5", "100"))
    log = _log(INTERPRETED_CALLER, "--jit-threshold", "100")
    assert any(line.startswith("OSR entry: <genexpr>") for line in log), log
    for consumer in ("sum", "max", "min", "any", "all", "list", "tuple", "sorted"):
        assert any(line.startswith("compiled: <genexpr>(")
                   and f"(fused into {consumer}())" in line for line in log), "\n".join(log)


def test_errors_of_fused_code_run_by_the_interpreter_keep_cpythons_tracebacks():
    for body in ("sum(x for x in [1] * 100 + ['a'])",
                 "sum(1 // x for x in range(100, -1, -1))",
                 "max(x.real for x in [1] * 80 + [None])",
                 "list(next(iter([])) for x in range(90))"):
        src = f"import sys\nprint('start')\n{body}\n"
        expected, actual = _tracebacks(src, "--jit-threshold", "5")
        assert actual == expected, (body, expected, actual)


def test_a_generator_expression_over_sys_modules_before_anything_compiled():
    # The iterator over sys.modules exists before the consumer's call: nothing may be
    # imported between them (the fused path checks the iterator before it imports).
    run("""
        import sys
        print(sorted(m for m in sys.modules if m in ("sys", "builtins")))
        print(max(m for m in sys.modules if m.startswith("sy")))
    """, thresholds=("0", "1", "5", "100"))

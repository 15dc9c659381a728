"""Locals and stack entries whose type differs between paths: the JIT widens them to boxed
`obj` values (jit/frontend_widen.py) and compiles the function, with CPython's results.

Each test asserts that the functions *were* compiled at function entry (not only rescued by
on-stack replacement) at thresholds 0, 1 and 5, and that the output is CPython's.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from difftest import _env, check_source
from test_jit import jit_log, run

THRESHOLDS = ("0", "1", "5")


def assert_compiled_at_entry(results, names):
    """Every name has a `compiled: NAME(...)` line that is not an OSR entry, and no
    `not compiled: NAME(` line, at every threshold."""
    for threshold, result in results.items():
        log = jit_log(result.stderr)
        for name in names:
            assert any(line.startswith(f"compiled: {name}(") and "OSR entry" not in line
                       and "exits to the interpreter" not in line for line in log), \
                f"{name} not compiled at threshold {threshold}:\n" + "\n".join(log)
            assert not any(line.startswith(f"not compiled: {name}(") for line in log), \
                f"{name} refused at threshold {threshold}:\n" + "\n".join(log)


MERGES = """
def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs) if xs else total

def mixed(n):
    acc = 0
    for i in range(n):
        acc += i / 2 if i % 3 == 0 else i
    return acc

def best(xs):
    b = None
    for x in xs:
        if b is None or x > b:
            b = x
    return b

def count(flags):
    c = False
    for f in flags:
        c = c + f
    return c

def either(n):
    if n > 2:
        return n / 4
    return n

def big(xs):
    total = 0
    for x in xs:
        total += x
    return total

for k in range(12):
    print(repr(mean([])), repr(mean([1.5, 2.0])), repr(mean([1.0] * k)))
    print(repr(mixed(0)), repr(mixed(k)), repr(best([])), repr(best([2.5, 9.0, -1.0])))
    print(repr(count([])), repr(count([True, True, False])), repr(either(k)))
    print(repr(big([])), repr(big([0.5, 2 ** 62])), repr(big([1.0, 1e308, 1e308])))
"""


def test_accumulators_joins_none_and_bools_compile():
    results = run(MERGES, thresholds=THRESHOLDS)
    assert_compiled_at_entry(results, ("mean", "mixed", "best", "count", "either", "big"))


def test_int_accumulator_stays_int_and_big_ints_are_exact():
    results = run("""
        def total(xs):
            t = 0
            for x in xs:
                t += x
            return t
        def first_or_zero(xs):
            r = 0
            for x in xs:
                r = x
                break
            return r
        for k in range(8):
            print(repr(total([])), repr(total([True, True])), repr(total([2**62, 2**62, 2**62])))
            print(repr(total([0.5, 2**62, 2**62])), repr(first_or_zero([])),
                  repr(first_or_zero([2.5])))
        """, thresholds=THRESHOLDS)
    assert "0 2 13835058055282163712" in results["0"].stdout
    assert_compiled_at_entry(results, ("total", "first_or_zero"))


def test_widened_values_in_deopt_records_and_reference_counts():
    """A widened local is an owned reference: deoptimizing with it (a float element guard
    failing in the middle of the loop) hands it to the interpreter; counts stay exact and
    memory flat over many calls."""
    results = run("""
        import gc, sys, tracemalloc

        def running(xs):
            m = None
            s = 0
            for x in xs:
                s += x
                if m is None or s > m:
                    m = s
            return (m, s)

        floats = [0.5, 1.5, -3.0, 2.25]
        sentinel = floats[1]
        for warm in range(10):
            running(floats)
        print(running([1.0, 2.0, "x"]) if False else running([1.0, 2, 3.5]))
        gc.collect()
        before_count = sys.getrefcount(sentinel)
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for k in range(2000):
            running(floats)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        print(sys.getrefcount(sentinel) == before_count, grown < 20000)
        print(running(floats), running([]))
        """, thresholds=THRESHOLDS)
    assert results["0"].stdout.splitlines()[1] == "True True"
    assert_compiled_at_entry(results, ("running",))


def test_ir_boxes_the_widened_local(tmp_path):
    path = tmp_path / "p.py"
    path.write_text(textwrap.dedent("""\
        def f(n):
            acc = 0
            for i in range(n):
                acc += i / 2 if i % 3 == 0 else i
            return acc
        """))
    done = subprocess.run([sys.executable, "-m", "jitvm", "ir", str(path), "f", "--types", "int"],
                          capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("function f(int) -> obj")
    assert "box.int" in text and "box.float" in text and "number.inplace_add" in text


# -- generated functions with mixed-type accumulators ----------------------------------------

FAST = settings(max_examples=10, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

START = ["0", "0.0", "None", "True", "1", "-2.5"]
UPDATE = ["{a} + {x}", "{a} + {x} / 2", "{a} * 0.5 + {x}", "{a} - {x}", "{x}",
          "{x} if {x} > 1 else {a}", "({a} or 0) + {x}", "1.5 if {x} % 2 else {x}"]
ITEMS = st.lists(st.sampled_from(["0", "1", "2", "-3", "0.5", "2.5", "True", "False",
                                  "2**62", "-0.0"]), max_size=5)


@st.composite
def mixed_program(draw):
    n_accs = draw(st.integers(1, 3))
    lines = ["def f(xs, n):"]
    accs = [f"a{i}" for i in range(n_accs)]
    for acc in accs:
        lines.append(f"    {acc} = {draw(st.sampled_from(START))}")
    lines.append("    for x in xs:" if draw(st.booleans()) else "    for x in range(n):")
    for acc in accs:
        update = draw(st.sampled_from(UPDATE)).format(a=acc, x="x")
        if draw(st.booleans()):
            lines.append(f"        if x < 1:")
            lines.append(f"            {acc} = {update}")
        else:
            lines.append(f"        {acc} = {update}")
    lines.append(f"    return ({', '.join(accs)},)")
    calls = draw(st.lists(st.tuples(ITEMS, st.integers(0, 4)), min_size=1, max_size=4))
    lines.append("for k in range(6):")
    for items, n in calls:
        lines.append("    try:")
        lines.append(f"        print(repr(f([{', '.join(items)}], {n})))")
        lines.append("    except Exception as e:")
        lines.append("        print(type(e).__name__, e)")
    return "\n".join(lines) + "\n"


@FAST
@given(mixed_program())
def test_generated_mixed_accumulators_match_cpython(src):
    for threshold in ("0", "3"):
        check_source(src, options=("--jit-threshold", str(threshold)))

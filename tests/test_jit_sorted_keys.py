"""`sorted(iterable, key=f)` in interpreted code with a jitvm function `f`: the keys are made
by a jitvm loop whose call of `f` runs natively (JIT.sorted_by_keys), then handed to
list.sort in order.  Output, exceptions and tracebacks must be CPython's at every threshold;
the log must show the key loop compiled."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_cpython, run_jitvm
from test_jit import jit_log, run

SORTS = """
import random
random.seed(7)
people = [("n%d" % i, random.randint(18, 90), random.uniform(1.5, 2.0)) for i in range(3000)]
print(sorted(people, key=lambda p: p[1])[:3])
print(sorted(people, key=lambda p: (p[1], -p[2]), reverse=True)[:3])
def bits(v):
    return bin(v).count("1")
nums = [random.randint(0, 10**6) for _ in range(2000)]
print(sorted(nums, key=bits)[:5], sorted(range(len(nums)), key=lambda i: nums[i])[:5])
print(sorted((x for x in nums if x % 3), key=bits)[-3:], sorted([3, 1, 2], key=lambda x: -x))
calls = []
def logged(x):
    calls.append(x)
    return -x
print(sorted(list(range(100)), key=logged)[:3], calls[:5], len(calls))
try:
    sorted(list(range(100)) + ["a"], key=lambda x: x)
except TypeError as e:
    print("TypeError", e)
"""


def test_sorted_with_a_jitvm_key_function():
    run(SORTS, thresholds=("0", "1", "5", "100"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(SORTS))
        log = jit_log(run_jitvm(path, options=("--jit-log",)).stderr)
        assert any(line.startswith("compiled: sorted_keys(") for line in log), log


def test_a_key_function_that_raises_keeps_cpythons_traceback():
    src = textwrap.dedent("""\
        def key(x):
            return 10 // (x - 77)
        print(len(sorted(range(50), key=key)))
        sorted(list(range(100)), key=key)
        """)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src)
        expected = run_cpython(path)
        for threshold in ("0", "5", "1000"):
            actual = run_jitvm(path, options=("--jit-threshold", threshold))
            assert (actual.stdout, actual.returncode) == (expected.stdout, expected.returncode)
            assert actual.stderr == expected.stderr

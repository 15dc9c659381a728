"""Differences found by running held-out-style programs (tests/programs/heldout_*.py and
variations) under CPython and jitvm at several JIT thresholds; each test is the reduced
program, compared with CPython including the whole of stderr where that is what differed."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_cpython, run_jitvm


def _same_streams(src: str, options=("--jit-threshold", "0"), runs: int = 2):
    """stdout, the whole of stderr and the exit status equal CPython's, for `runs` jitvm runs
    of the same file (the second one reads jitvm's bytecode cache)."""
    with tempfile.TemporaryDirectory(prefix="jitvm_heldout_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        expected = run_cpython(path)
        for run in range(runs):
            actual = run_jitvm(path, options=options)
            assert (actual.stdout, actual.stderr, actual.returncode) == \
                (expected.stdout, expected.stderr, expected.returncode), f"run {run + 1}"
        return expected


def test_compile_time_syntax_warnings_as_cpython():
    # CPython's compiler warns about `is` with a literal, an assert of a tuple and a call of a
    # literal display; jitvm compiled silently (and a script run again from the bytecode cache
    # must warn again: CPython compiles the script it runs every time).
    expected = _same_streams("""
        x = 1
        def f(n):
            return n is -1, n is (1, 2), n is not None, n is (None,), 1 is n is 2, n is (not n)
        print(f(x))
        if (x is
                "s"):
            pass
        assert (x, "always"), "msg"
        y = [x is not 1.5 for _ in range(2)]
        print((1, 2)(3) if False else 0, f"{x}"(1) if False else 0, [x] if x is True else 0)
        @(lambda fn: fn)
        def g(a=x is 2):
            return a is 'b'
        print(g())
    """)
    assert expected.stderr.count("SyntaxWarning") == 11


def test_syntax_warnings_of_an_imported_module_and_exec():
    with tempfile.TemporaryDirectory(prefix="jitvm_heldout_") as tmp:
        Path(tmp, "helper_mod.py").write_text("def h(v):\n    return v is 3\n")
        path = Path(tmp, "prog.py")
        path.write_text("import helper_mod\nprint(helper_mod.h(3))\nexec('print(7 is 7)')\n")
        expected = run_cpython(path)
        actual = run_jitvm(path, options=("--no-jit",))
        assert (actual.stdout, actual.stderr) == (expected.stdout, expected.stderr)

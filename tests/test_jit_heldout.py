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


def test_warnings_warn_names_the_programs_line():
    # warnings.warn read its location from the host frame (jitvm's call handler): the warning
    # named jitvm/handlers/control.py, was filtered as that module's (a DeprecationWarning in
    # __main__ vanished) and deduplicated in its registry.  Interpreted frames count for
    # stacklevel (the caller of warn always is one: the JIT leaves such calls to the interpreter).
    for options in (("--no-jit",), ("--jit-threshold", "0"), ("--jit-threshold", "5")):
        _same_streams("""
            import warnings
            class Acc:
                def add(self, x):
                    if x < 0:
                        warnings.warn("negative value", RuntimeWarning)
                    return x
            def old(x):
                warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
                return x
            a = Acc()
            t = 0
            for i in range(-3, 300):
                t += a.add(i % 50 - 1)
            print(t, old(3))
            warnings.warn(Warning("instance"))
            warnings.warn("beyond the outermost frame", stacklevel=50)
            for i in range(3):
                warnings.warn("once per line")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                for i in range(3):
                    a.add(-1)
            print(len(caught), [str(w.message) for w in caught], caught[0].lineno)
            try:
                warnings.warn("x", category=int)
            except TypeError as e:
                print(e)
            warnings.simplefilter("error")
            def g():
                warnings.warn("uncaught", DeprecationWarning)
            g()
        """, options=options, runs=1)


def test_syntax_warnings_in_cpythons_compile_order():
    # CPython compiles a class body before its bases, defaults before the body, a
    # comprehension's first iterable last, an assignment's value before its targets, and a
    # `finally` block once per way out of the `try` (normal, exception, each return/break/
    # continue): its warnings come in that order and number.
    _same_streams("""
        x = 1
        def f(n):
            for i in range(3):
                try:
                    if i:
                        break
                    if n:
                        return 1
                    for j in range(2):
                        continue
                except ValueError:
                    return 2
                finally:
                    y = (x is
                         1)
        def g(a=x is 3) -> x is 4:
            return [q for q in [x is 5]
                    if q is not 6]
        class K(object if x is 7 else object):
            v = (x is
                 8)
        t = (x is
             9)
        print(f(0), g(), K.v, t)
    """, options=("--no-jit",), runs=1)


def test_syntax_warnings_of_eval_source():
    # An expression compiled in eval mode (eval(), the IPython magic's last expression) has
    # a single node as its body, not a list of statements.
    _same_streams("""
        x = 2
        print(eval("x + 1"), eval("x is 2"))
    """, options=("--no-jit",), runs=1)

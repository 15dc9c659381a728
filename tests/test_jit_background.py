"""Compiling in the background (`jitvm run --jit-background`, the default at thresholds > 0).

The interpreter goes on while a compiler thread makes machine code: output must still be
CPython's, hot code must end up native, and the process must end cleanly (and die by SIGINT on
Ctrl-C) whether or not a compilation is under way.  Nothing here is timed: where a test needs
the machine code, it waits for the compiler thread (`JIT.wait`).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest

from difftest import REPO_ROOT, _env, compare, run_cpython, run_jitvm

LOOPS = textwrap.dedent("""\
    def work(n):
        total = 0
        for i in range(n):
            total += i * i % 7
        return total

    def scale(x, k):
        return x * k + 1.5

    s = 0
    for rep in range(300):
        s += work(2000)
    print(s)
    f = 0.0
    for i in range(20000):
        f = scale(f, 0.5)
    print(f)
""")


def _program(tmp_path, src: str):
    path = tmp_path / "prog.py"
    path.write_text(src, encoding="utf-8")
    return path


@pytest.mark.parametrize("threshold", ["1", "5", "100"])
def test_background_output_is_cpythons_and_code_gets_compiled(tmp_path, threshold):
    path = _program(tmp_path, LOOPS)
    stats = tmp_path / "stats.json"
    expected = run_cpython(path)
    # (no machine-code cache: what the cache has is found without the compiler thread,
    # which then only installs it: warm_cache.py)
    actual = run_jitvm(path, options=("--jit-background", "--jit-threshold", threshold,
                                      "--stats-json", str(stats), "--no-jit-cache"))
    assert not compare(expected, actual, f"background, threshold {threshold}")
    split = json.loads(stats.read_text())
    # The loops interpret for a long while before they end: the first compilation (handed
    # over at once, and finished even at exit) is in.
    assert split["compiled"] >= 1
    assert split["compile_ms"] >= 0 and split["background_ms"] > 0


def test_sync_mode_reports_no_background_time(tmp_path):
    path = _program(tmp_path, LOOPS)
    stats = tmp_path / "stats.json"
    actual = run_jitvm(path, options=("--jit-sync", "--jit-threshold", "5",
                                      "--stats-json", str(stats)))
    assert not compare(run_cpython(path), actual, "sync")
    split = json.loads(stats.read_text())
    assert split["compiled"] >= 2 and split["background_ms"] == 0


def test_threshold_zero_compiles_before_running_even_with_background(tmp_path):
    src = "def f(x):\n    return x + 1\nprint(f(41))\n"
    result = run_jitvm(_program(tmp_path, src),
                       options=("--jit-background", "--jit-threshold", "0", "--jit-log"))
    # Compiled before anything ran: the first thing logged, with nothing left to wait for.
    assert result.stderr.splitlines()[0].startswith("[jit] compiled: f(int) -> int")
    assert result.stdout == "42\n"


@pytest.mark.parametrize("threshold", ["1", "2"])
def test_exit_while_compiling_is_clean(tmp_path, threshold):
    # Compilations are handed over and the program ends at once: the process must neither
    # hang nor crash while LLVM still works on them.
    src = textwrap.dedent("""\
        def a(x):
            return x * 2 + 1
        def b(x):
            y = 0.5
            for i in range(x):
                y = y * 0.5 + i
            return y
        for i in range(3):
            print(a(i), b(i))
    """)
    path = _program(tmp_path, src)
    expected = run_cpython(path)
    for _ in range(3):
        actual = run_jitvm(path, options=("--jit-background", "--jit-threshold", threshold),
                           timeout=60)
        assert not compare(expected, actual, "exit while compiling")
        assert actual.stderr == ""


def test_exit_by_exception_and_sys_exit_while_compiling(tmp_path):
    src = textwrap.dedent("""\
        import sys
        def f(x):
            return x + 1
        for i in range(10):
            f(i)
        if len(sys.argv) > 1:
            sys.exit(3)
        raise ValueError("boom")
    """)
    path = _program(tmp_path, src)
    for args in ((), ("x",)):
        expected = run_cpython(path, args=args)
        actual = run_jitvm(path, args=args, options=("--jit-background", "--jit-threshold", "2"))
        assert not compare(expected, actual, f"exit {args}")


def test_ctrl_c_while_compiling_dies_by_sigint(tmp_path):
    # A hot loop runs (interpreted, then native) while its code compiles; SIGINT arrives
    # at some point of that: the process dies by SIGINT after printing the traceback's
    # last line, like CPython.
    src = textwrap.dedent("""\
        import sys
        def spin(n):
            total = 0
            while True:
                for i in range(n):
                    total += i % 3
        print("ready", flush=True)
        spin(1000)
    """)
    path = _program(tmp_path, src)
    for _ in range(2):
        proc = subprocess.Popen(
            [sys.executable, "-m", "jitvm", "run", "--jit-background", "--jit-threshold",
             "50", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=REPO_ROOT, env=_env())
        try:
            assert proc.stdout.readline() == "ready\n"
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
        finally:
            proc.kill()
            proc.wait()
        assert proc.returncode == -signal.SIGINT
        assert err.splitlines()[-1] == "KeyboardInterrupt"


def test_wait_then_calls_go_native():
    # In process: hand a hot function to the compiler thread, wait for it, then its calls
    # run natively (the JIT's own count of native time grows) and give CPython's results.
    from jitvm.compiler import compile_source
    from jitvm.interpreter import VM
    from jitvm.jit import JIT

    vm = VM()
    vm.jit = JIT(vm, threshold=3, background=True)
    vm.jit.timed = True
    src = "def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"
    namespace = {"__name__": "prog", "__builtins__": __builtins__}
    vm.run_module(compile_source(src, "<bg>"), namespace)
    f = namespace["f"]
    results = [vm.call_function(f, [k], None) for k in range(5)]
    assert vm.jit.wait(timeout=120)
    before = vm.jit.stats["native_ms"]
    results += [vm.call_function(f, [k], None) for k in range(5, 10)]
    assert results == [sum(range(k)) for k in range(10)]
    assert vm.jit.stats["compiled"] >= 1
    assert vm.jit.stats["native_ms"] > before
    vm.jit.close()


def test_a_waiting_loop_enters_native_code_once_its_entry_is_installed():
    # The loop gets hot at iteration ~100 and its OSR entry goes to the compiler thread; the
    # loop runs on as a plain loop, and at iteration 500 the program waits for the compiler
    # (a host callable): the very next back-edge must enter native code.
    from jitvm.compiler import compile_source
    from jitvm.interpreter import VM
    from jitvm.jit import JIT

    vm = VM()
    vm.jit = JIT(vm, threshold=100, background=True)
    src = textwrap.dedent("""\
        def f(n):
            s = 0
            for i in range(n):
                if i == 500:
                    sync()
                s += i * 3
            return s
        result = f(100000)
    """)
    namespace = {"__name__": "prog", "sync": lambda: vm.jit.wait(timeout=120)}
    vm.run_module(compile_source(src, "<bg-osr>"), namespace)
    assert namespace["result"] == sum(i * 3 for i in range(100000))
    assert vm.jit.stats["compiled"] >= 1 and vm.jit.stats["osr_entries"] == 1
    vm.jit.close()

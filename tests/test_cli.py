"""The command line: exit codes and messages for every way a program can end."""

import os
import subprocess
import sys

import pytest

from jitvm import cli

ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "jitvm", *args], capture_output=True,
                          text=True, env=ENV, cwd=cwd, timeout=60)


def cpython(path, cwd=None):
    return subprocess.run([sys.executable, path], capture_output=True, text=True, env=ENV,
                          cwd=cwd, timeout=60)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


# Each program's whole stderr (the traceback, with carets and chained exceptions) must be
# exactly CPython's.
SAME_STDERR = {
    "zero_division": "def f(x):\n    return 1 / x\nprint('before')\nf(0)\n",
    "chained": ("def f():\n    try:\n        {}['k']\n    except KeyError as e:\n"
                "        raise ValueError('bad') from e\nf()\n"),
    "context": "try:\n    1/0\nexcept ZeroDivisionError:\n    undefined_name\n",
    "syntax_error": "x = (1,\nprint(x)\n",
    "bad_indent": "if True:\nprint(1)\n",
    "name_error_in_method": ("class A:\n    def m(self):\n        return self.missing\n"
                             "A().m()\n"),
    "recursion": "def f(n):\n    return f(n + 1)\nf(0)\n",
    "exit_message": "import sys\nprint('out')\nsys.exit('goodbye')\n",
    "assertion": "x = 3\nassert x == 4, f'x is {x}'\n",
    "raise_in_finally": "try:\n    raise KeyError(1)\nfinally:\n    print('cleanup')\n",
    # With no exception being handled, a bare `raise` is a new RuntimeError at that line.
    "bare_raise_nothing_handled": "def f():\n    raise\nprint('before')\nf()\n",
    "bare_raise_module_level": "raise\n",
    # A failed assert is reported at its last comparison, or at the whole statement.
    "assert_plain_test": "def mean(xs):\n    assert xs, 'empty'\nmean([])\n",
    "assert_compare_in_boolop": "a, b = 1, 2\nassert a == 1 and b == 3\n",
    # The carets of an augmented assignment point at its target.
    "augassign_unbound_local": "x = 5\ndef f():\n    x += 1\nf()\n",
    "augassign_missing_attribute": "class A:\n    pass\na = A()\na.count  += 1\n",
}


@pytest.mark.parametrize("name", sorted(SAME_STDERR))
def test_stderr_and_exit_code_match_cpython(tmp_path, name):
    path = write(tmp_path, f"{name}.py", SAME_STDERR[name])
    want = cpython(path)
    got = run("run", path)
    assert got.returncode == want.returncode
    assert got.stdout == want.stdout
    assert got.stderr == want.stderr


@pytest.mark.parametrize("code,status", [("sys.exit(3)", 3), ("sys.exit()", 0),
                                         ("raise SystemExit(None)", 0),
                                         ("sys.exit(True)", 1), ("pass", 0)])
def test_exit_status(tmp_path, code, status):
    path = write(tmp_path, "p.py", f"import sys\n{code}\n")
    assert run("run", path).returncode == status == cpython(path).returncode


def test_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run("run", str(tmp_path / "nope.py"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "can't open file" in result.stderr


def test_directory_and_binary_file_are_refused(tmp_path):
    assert run("run", str(tmp_path)).returncode == 2
    binary = tmp_path / "b.py"
    binary.write_bytes(b"\x00\x01\x02garbage\xff")
    result = run("run", str(binary))
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_unsupported_construct_names_file_and_line(tmp_path):
    path = write(tmp_path, "a.py", "x = 1\ntry:\n    pass\nexcept* ValueError:\n    pass\n")
    result = run("run", path)
    assert result.returncode == 1
    assert f'File "{path}", line 2' in result.stderr
    assert "'except*' is not supported by jitvm yet" in result.stderr
    assert "Traceback" not in result.stderr


def test_arguments_reach_sys_argv(tmp_path):
    path = write(tmp_path, "argv.py", "import sys\nprint(sys.argv[1:])\n")
    assert run("run", path, "-v", "--x", "3").stdout == "['-v', '--x', '3']\n"


def test_keyboard_interrupt_dies_by_sigint_like_cpython(tmp_path):
    path = write(tmp_path, "intr.py",
                 "import os, signal\ni = 0\nwhile True:\n    i += 1\n"
                 "    if i == 1000:\n        os.kill(os.getpid(), signal.SIGINT)\n")
    want, got = cpython(path), run("run", path)
    assert got.returncode == want.returncode == -2
    assert got.stderr.splitlines()[-1] == "KeyboardInterrupt"


def test_internal_errors_say_so(capsys):
    def broken():
        raise AttributeError("a bug in jitvm")  # not raised through any jitvm frame

    assert cli._run_guarded(broken) == 70
    assert "internal error" in capsys.readouterr().err


def test_version_help_and_dis(tmp_path):
    assert run("--version").stdout.startswith("jitvm, version ")
    assert "run" in run("--help").stdout
    path = write(tmp_path, "d.py", "def f(a):\n    return a + 1\n")
    out = run("dis", path).stdout
    assert "Disassembly of <code object f" in out and "BINARY_ADD" in out


def test_stats_counts_instructions(tmp_path):
    path = write(tmp_path, "s.py", "t = 0\nfor i in range(100):\n    t += i\nprint(t)\n")
    result = run("run", "--stats", path)
    assert result.stdout == "4950\n"
    count = int(result.stderr.split("instructions executed: ")[1].split()[0])
    assert count > 400


def test_stats_json_splits_the_time(tmp_path):
    """--stats-json: the run's wall time split into interpreting, native code and compiling,
    with the JIT counters (what `jitvm compare` reads)."""
    import json
    prog = tmp_path / "prog.py"
    prog.write_text("def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n"
                    "print(sum(f(i) for i in range(50)))\n")
    out = tmp_path / "stats.json"
    result = subprocess.run([sys.executable, "-m", "jitvm", "run", "--jit-threshold", "5",
                             "--stats-json", str(out), str(prog)], capture_output=True,
                            text=True)
    assert result.stdout == "19600\n"
    stats = json.loads(out.read_text())
    assert stats["jit"] is True and stats["compiled"] >= 1 and stats["deopts"] == 0
    assert stats["compile_ms"] > 0 and stats["native_ms"] > 0
    parts = stats["interp_ms"] + stats["native_ms"] + stats["compile_ms"]
    assert abs(parts - stats["wall_ms"]) < 1e-6
    interpreted = subprocess.run([sys.executable, "-m", "jitvm", "run", "--no-jit", "--stats",
                                  str(prog)], capture_output=True, text=True)
    assert "time: " in interpreted.stderr and "native 0.0 ms" in interpreted.stderr


def test_stats_counts_deopts_per_guard(tmp_path):
    prog = tmp_path / "ovf.py"
    prog.write_text("def grow(x, n):\n    for i in range(n):\n        x = x * 3\n    return x\n"
                    "t = 0\nfor k in range(100):\n    t += grow(k, 50) % 1000\nprint(t)\n")
    result = subprocess.run([sys.executable, "-m", "jitvm", "run", "--stats", "--jit-threshold",
                             "10", str(prog)], capture_output=True, text=True)
    assert result.stdout == "56550\n"
    assert "deopt: grow at ovf.py:3 (BINARY_MULTIPLY)" in result.stderr


def test_import_hook_never_loads_jitvm_itself(tmp_path):
    """A script beside the jitvm package (say, in a checkout's root) runs on jitvm, but the
    JIT modules jitvm imports lazily while it runs must still come from the host."""
    import jitvm
    from jitvm.interpreter import VM
    from jitvm.runner import install_import_hook
    package = os.path.dirname(jitvm.__file__)
    saved = list(sys.path_hooks)
    try:
        install_import_hook(VM(), [os.path.dirname(package)])
        with pytest.raises(ImportError):
            sys.path_hooks[0](package)
        assert sys.path_hooks[0](os.path.dirname(package)) is not None  # the root itself: yes
    finally:
        sys.path_hooks[:] = saved
        sys.path_importer_cache.clear()


def test_a_cached_program_starts_without_what_it_does_not_need(tmp_path):
    """Start-up: a program whose bytecode is in the cache needs neither the compiler nor the
    library API (decorator.py), and the caches' sha256 does not load hashlib (OpenSSL)."""
    path = write(tmp_path, "probe.py", "import sys\nprint(sorted(m for m in ('jitvm.compiler', "
                                       "'jitvm.decorator', 'hashlib') if m in sys.modules))\n")
    assert run("run", path).stdout == "['jitvm.compiler']\n"  # compiled, then cached
    assert run("run", path).stdout == "[]\n"

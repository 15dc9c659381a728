"""Seeing what the JIT does: `jitvm ir`, the dumps, --jit-log and --stats, and that code
was compiled with the guards it should have."""

import os
import subprocess
import sys

import pytest

ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")

PROGRAM = """\
import math
SCALE = 3

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def norm(x, y):
    return math.sqrt(x * x + y * y) * SCALE

def main():
    total = 0
    for i in range(20000):
        total += i % 7
    print(total, fib(20), norm(3.0, 4.0))

main()
"""


def jitvm(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "jitvm", *args], capture_output=True,
                          text=True, env=ENV, cwd=cwd, timeout=120)


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text(PROGRAM)
    return str(path)


def test_jit_ir_shows_types_guards_and_deopt_points(program):
    result = jitvm("ir", program, "fib", "--types", "int")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("function fib(int) -> int")
    assert "icmp.lt" in text and "isub" in text and "iadd" in text
    assert "call fib.int." in text  # the recursive call is a direct native call
    assert "guard fib" in text  # ... guarded by the global still being this function
    assert "[deopt#" in text and "after call at pc" in text


@pytest.mark.parametrize("stage, marker", [
    ("bytecode", "BINARY_ADD"), ("llvm", "define i32 @"), ("opt", "i32 @norm.float_float"),
    ("asm", "ret"), ("jit-ir", "function norm(float, float) -> float")])
def test_every_stage_of_one_function(program, stage, marker):
    types = "int" if stage == "bytecode" else "float,float"
    name = "fib" if stage == "bytecode" else "norm"
    result = jitvm("ir", program, name, "--types", types, "--stage", stage)
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


def test_llvm_ir_uses_overflow_intrinsics_and_libm(program):
    fib = jitvm("ir", program, "fib", "--types", "int", "--stage", "llvm").stdout
    assert "llvm.sadd.with.overflow.i64" in fib and "llvm.ssub.with.overflow.i64" in fib
    norm = jitvm("ir", program, "norm", "--types", "float,float", "--stage", "llvm").stdout
    assert 'declare double @"sqrt"(double' in norm or "@sqrt" in norm


def test_ir_explains_what_cannot_compile(tmp_path):
    path = tmp_path / "p.py"
    path.write_text("def f(n):\n    global g\n    g = n\n    return n\n")
    result = jitvm("ir", str(path), "f", "--types", "int")
    assert result.returncode == 0
    assert "not compiled" in result.stdout and "STORE_GLOBAL" in result.stdout
    assert f"{path}:3" in result.stdout


def test_ir_errors_are_one_line(program):
    assert jitvm("ir", program, "nothing", "--types", "int").returncode == 2
    bad = jitvm("ir", program, "fib", "--types", "str")
    assert bad.returncode == 2 and "unknown type 'str'" in bad.stderr


def test_log_stats_and_osr(program):
    result = jitvm("run", "--jit-threshold", "100", "--jit-log", "--stats", program)
    assert result.stdout == "59997 6765 15.0\n"
    log = result.stderr
    assert "[jit] compiled: main(" in log and "OSR entry at line 14" in log
    assert "[jit] OSR entry: main" in log
    # print() is called from native code, through the C-API
    assert "exits to the interpreter" not in log
    assert "[jit] compiled: fib(int) -> int" in log
    assert "jit: " in log and "OSR entries" in log and "deopts" in log
    assert "1 calls to Python callables from native code" in log


def test_dumps_go_to_a_folder(program, tmp_path):
    folder = tmp_path / "dumps"
    result = jitvm("run", "--jit-threshold", "0", "--dump-jit-ir", "--dump-ir", "--dump-asm",
                   "--dump-dir", str(folder), program)
    assert result.returncode == 0 and result.stdout == "59997 6765 15.0\n"
    names = os.listdir(folder)
    for suffix in (".jit", ".ll", ".opt.ll", ".s"):
        assert any(n.startswith("main.") and n.endswith(suffix) for n in names), names
    # fib is compiled with main, its caller, into the same module
    jit_text = "".join(open(os.path.join(folder, n)).read() for n in names if n.endswith(".jit"))
    assert "function fib(int) -> int" in jit_text


def test_no_jit_compiles_nothing(program):
    result = jitvm("run", "--no-jit", "--jit-log", program)
    assert result.stdout == "59997 6765 15.0\n" and "[jit]" not in result.stderr


def test_an_osr_entry_compiles_the_range_step_in(tmp_path):
    # A loop entered by OSR gets its range iterator's state as arguments; a step of 1 or -1
    # is compiled in as a constant (no sign test, no overflow check on the counter).
    path = tmp_path / "steps.py"
    path.write_text("def main():\n"
                    "    total = 0\n"
                    "    for i in range(100, 0, -1):\n"
                    "        total += i\n"
                    "    print(total)\n"
                    "main()\n")
    result = jitvm("run", "--jit-threshold", "5", "--dump-jit-ir", str(path))
    assert result.returncode == 0, result.stderr
    dump = result.stdout + result.stderr
    assert "5050" in dump
    entry = dump.split("; ---- jit-ir: main.osr")[1]
    prologue = entry.split("\nb")[0]
    assert "const int -1" in prologue and "range_next.nsw" in entry

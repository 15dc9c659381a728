"""jitvm/jit/llvm_text.py prints an llvmlite module exactly as `str(module)` does.

Each program runs in a process of its own with every function compiled before its first
call (threshold 0), and every module the JIT builds is printed both ways and compared (the
engine's `module_text` replaced by a checker, so the test sees the modules as built).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from difftest import PROGRAMS_DIR, REPO_ROOT

DRIVER = """\
import contextlib, io, sys
from llvmlite import ir
from jitvm.interpreter import VM
from jitvm.jit import JIT
from jitvm.jit import engine, llvm_text
from jitvm.runner import run_path

assert llvm_text.ENABLED, "llvmlite is not the version llvm_text.py was checked against"
checked = []

def checking(module):
    fast = llvm_text.module_text(module)
    plain = str(module)
    if fast != plain:
        for a, b in zip(fast.splitlines(), plain.splitlines()):
            if a != b:
                sys.exit(f"llvm_text: {a!r}\\nstr(module): {b!r}")
        sys.exit("the texts differ in length")
    checked.append(len(plain))
    return fast

engine.module_text = checking
vm = VM()
vm.jit = JIT(vm, threshold=0, cache=False)
sys.setrecursionlimit(20000)
with contextlib.redirect_stdout(io.StringIO()):
    run_path(sys.argv[1], sys.argv[2:], vm)
print("checked", len(checked), sum(checked))
"""

PROGRAMS = [
    (REPO_ROOT / "bench" / "programs" / "nbody.py", "2000"),
    (REPO_ROOT / "bench" / "programs" / "kmeans.py", "3"),
    (REPO_ROOT / "bench" / "programs" / "particles.py", "20"),
    (PROGRAMS_DIR / "class_polynomial.py", None),
    (PROGRAMS_DIR / "algo_tokenizer_parser.py", None),
    (PROGRAMS_DIR / "cliff_exceptions_parse.py", None),
    (PROGRAMS_DIR / "cliff_big_ints.py", None),
]


@pytest.mark.parametrize("path,arg", PROGRAMS, ids=[p.stem for p, _ in PROGRAMS])
def test_same_text_as_llvmlite(path, arg):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), PYTHONHASHSEED="0",
               JITVM_NO_JIT_CACHE="1")
    done = subprocess.run([sys.executable, "-c", DRIVER, str(path)] + ([arg] if arg else []),
                          cwd=path.parent, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    words = done.stdout.split()
    assert words[0] == "checked" and int(words[1]) > 0, done.stdout


def test_plain_str_with_another_llvmlite(monkeypatch):
    """With a version it was not checked against, the text is llvmlite's own."""
    from llvmlite import ir

    from jitvm.jit import llvm_text
    module = ir.Module(name="m")
    fn = ir.Function(module, ir.FunctionType(ir.IntType(64), [ir.IntType(64)]), "f")
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    b.ret(b.add(fn.args[0], ir.Constant(ir.IntType(64), 1)))
    fast = llvm_text.module_text(module)
    monkeypatch.setattr(llvm_text, "ENABLED", False)
    assert llvm_text.module_text(module) == str(module) == fast


def _build(builder_class) -> str:
    """One function built with every call jitvm/jit/llvm_build.py has a shortcut for, and
    some it leaves to llvmlite (names, alignment, opaque pointers, several GEP indices)."""
    from llvmlite import ir
    i64, i8, f64 = ir.IntType(64), ir.IntType(8), ir.DoubleType()
    module = ir.Module(name="m")
    fn = ir.Function(module, ir.FunctionType(i64, [i64.as_pointer(), i64, f64, ir.PointerType()]),
                     "f")
    ctx, n, x, opaque = fn.args
    b = builder_class(fn.append_basic_block("entry"))
    slot = b.alloca(i64, name="slot")
    b.store(n, slot)
    loaded = b.load(slot)
    named = b.load(slot, name="named")
    aligned = b.load(ctx, align=8)
    b.store(aligned, slot, align=8)
    field = b.gep(ctx, [ir.Constant(ir.IntType(32), 3)])
    table = ir.GlobalVariable(module, ir.ArrayType(i64, 4), "table")
    deep = b.gep(table, [ir.Constant(i64, 0), ir.Constant(i64, 2)])
    total = b.add(b.load(field), b.sub(loaded, named))
    total = b.xor(b.and_(total, b.or_(total, b.mul(total, total))), b.load(deep))
    total = b.add(total, b.not_(b.neg(total)), name="total")
    as_float = b.fmul(b.fadd(x, b.sitofp(total, f64)), b.fsub(x, x))
    word = b.bitcast(as_float, i64)
    same = b.bitcast(word, i64)  # the same type: no instruction
    ptr = b.inttoptr(word, i8.as_pointer())
    back = b.ptrtoint(ptr, i64)
    flag = b.icmp_signed("<", back, same)
    other = b.icmp_unsigned(">=", b.zext(flag, i64), b.trunc(back, i64))
    b.load(opaque, typ=i64)
    then = b.append_basic_block("then")
    again = b.append_basic_block("then")  # a name already used: "then.1"
    b.cbranch(b.and_(flag, other), then, again)
    b.position_at_end(then)
    b.branch(again)
    b.position_at_end(again)
    phi = b.phi(i64)
    phi.add_incoming(back, then)
    phi.add_incoming(word, b.block)
    b.ret(phi)
    with pytest.raises(ValueError):
        b.add(total, x)
    return str(module)


def test_builder_builds_what_llvmlite_builds():
    from llvmlite import ir

    from jitvm.jit import llvm_build
    assert llvm_build.Builder is not ir.IRBuilder  # (the pinned llvmlite)
    assert _build(llvm_build.Builder) == _build(ir.IRBuilder)

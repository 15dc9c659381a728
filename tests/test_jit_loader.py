"""Loading machine code without LLVM (jitvm/jit/loader.py), and runs that never load LLVM.

The loader is checked on objects the target machine makes from hand-written IR (calls into
libm and the C-API, constants, writable data, a call into a module loaded earlier), then
through whole programs: a warm run takes every module from the cache and must give
CPython's output without importing llvmlite.binding; LLVM's own loader (the fallback for
objects or hosts the loader does not handle) must give the same output.
"""

from __future__ import annotations

import ctypes
import json
import textwrap

import pytest

from difftest import compare, run_cpython, run_jitvm
from jitvm.jit import loader
from jitvm.jit.engine import Engine, llvm_binding

pytestmark = pytest.mark.skipif(not loader.supported(), reason="loader is x86-64 Linux only")


def _object(ir_text: str) -> bytes:
    llvm = llvm_binding()
    module = llvm.parse_assembly(ir_text)
    module.verify()
    return Engine(opt_level=2).target_machine.emit_object(module)


FIRST = """
declare double @fmod(double, double)
declare i8* @PyLong_FromLongLong(i64)
@counter = global i64 0
@table = global [2 x i64] zeroinitializer

define double @first(double %x) {
  %c = load i64, i64* @counter
  %c1 = add i64 %c, 1
  store i64 %c1, i64* @counter
  %m = call double @fmod(double %x, double 3.5)
  %r = fadd double %m, 0.125
  ret double %r
}

define i8* @boxed(i64 %x) {
  %slot = getelementptr [2 x i64], [2 x i64]* @table, i64 0, i64 1
  %k = load i64, i64* %slot
  %y = add i64 %x, %k
  %o = call i8* @PyLong_FromLongLong(i64 %y)
  ret i8* %o
}
"""

SECOND = """
declare double @first(double)

define double @second(double %x) {
  %a = call double @first(double %x)
  %b = fmul double %a, 2.0
  ret double %b
}
"""


def test_objects_load_link_and_run():
    symbols = {}

    def resolve(name):
        return symbols.get(name) or loader.process_symbol(name)

    symbols.update(loader.load(_object(FIRST), resolve))
    assert {"first", "boxed", "counter", "table"} <= set(symbols)
    first = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(symbols["first"])
    assert first(10.0) == 10.0 % 3.5 + 0.125
    assert first(-1.0) == __import__("math").fmod(-1.0, 3.5) + 0.125
    assert ctypes.c_int64.from_address(symbols["counter"]).value == 2  # data is writable
    ctypes.c_int64.from_address(symbols["table"] + 8).value = 1000
    boxed = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_int64)(symbols["boxed"])
    assert boxed(2 ** 40) == 2 ** 40 + 1000  # a C-API call, its new reference returned

    symbols.update(loader.load(_object(SECOND), resolve))  # calls `first` of the other one
    second = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(symbols["second"])
    assert second(7.0) == 2 * (7.0 % 3.5 + 0.125)
    assert ctypes.c_int64.from_address(symbols["counter"]).value == 3


def test_unresolved_and_foreign_objects_are_refused():
    with pytest.raises(loader.UnresolvedSymbol):
        loader.load(_object(SECOND), lambda name: None)
    with pytest.raises(loader.Unsupported):
        loader.load(b"\x7fELF" + bytes(100), lambda name: None)
    with pytest.raises(loader.Unsupported):
        loader.load(b"not an object", lambda name: None)


PROGRAM = textwrap.dedent("""\
    import math
    DATA = [1.5, 2.5, -3.25]

    def f(n):
        total = 0.0
        for i in range(n):
            total += math.sqrt(i) % 1.7 - DATA[i % 3]
        return total

    def g(n):
        s = 0
        for i in range(n):
            s += f(3) > 0 and i * i or -i
        return s

    print(f(1000), g(200))
    print([f(k) for k in range(5)])
    print(g(10) * 2 ** 70)
""")


def _run(tmp_path, path):
    stats = tmp_path / "stats.json"
    result = run_jitvm(path, options=("--jit-threshold", "0", "--stats-json", str(stats)))
    return result, json.loads(stats.read_text())


def test_a_warm_run_never_loads_llvm(tmp_path, monkeypatch):
    monkeypatch.setenv("JITVM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("JITVM_NO_JIT_CACHE", raising=False)
    path = tmp_path / "prog.py"
    path.write_text(PROGRAM, encoding="utf-8")
    expected = run_cpython(path)
    cold, split = _run(tmp_path, path)
    assert not compare(expected, cold, "cold")
    assert split["llvm_loaded"] and split["compiled"] >= 3 and split["cache_hits"] == 0
    warm, split = _run(tmp_path, path)
    assert not compare(expected, warm, "warm")
    assert split["cache_hits"] == split["compiled"] >= 3
    assert not split["llvm_loaded"]
    # Without a cache, LLVM compiles (and the loader loads what it makes).
    monkeypatch.setenv("JITVM_NO_JIT_CACHE", "1")
    uncached, split = _run(tmp_path, path)
    assert not compare(expected, uncached, "no cache")
    assert split["llvm_loaded"] and split["cache_hits"] == 0


def test_llvms_own_loader_is_the_fallback(monkeypatch):
    # In this process: the loader refuses every object, so MCJIT loads them (and links
    # what the loader had loaded before, through llvm.add_symbol).
    from jitvm import api
    out = []
    monkeypatch.setattr("builtins.print", lambda *a, **k: out.append(" ".join(map(str, a))))
    monkeypatch.setenv("JITVM_NO_JIT_CACHE", "1")
    exec(compile(PROGRAM, "<program>", "exec"), {})  # CPython's output
    expected = list(out)
    out.clear()
    api.run_source(PROGRAM, jit_threshold=0)  # the loader's
    assert out == expected
    out.clear()

    refused = []

    def refuse(obj, resolve):
        refused.append(obj)
        raise loader.Unsupported("test")

    monkeypatch.setattr(loader, "load", refuse)
    api.run_source(PROGRAM, jit_threshold=0)
    assert out == expected
    assert len(out) == 3 and len(refused) >= 3  # compiled, and loaded by MCJIT

"""Where JIT compile time goes, per module, in CPU time of the compiling thread.

    python bench/compile_time.py [--size small|medium] [--only fib,nbody] [--threshold N]
                                 [--opt-level L] [--json FILE]

Runs each benchmark program in this process under jitvm (synchronous compiling, so every
part of compiling is on this thread) with the compile steps wrapped in `time.thread_time`
timers (CPU time: the machine is shared, wall time is noisy).  For each module prints the
split: the front end (`translate`, callees included), the JIT-IR passes, the module's key
in the machine-code cache by its JIT IR (`key`) and its recipe (`recipe`: made after
lowering, or used instead of it: jit/warm_cache.py), lowering to llvmlite IR,
`str(module)`, then LLVM's parse, verify, passes and code generation (the
target machine's object file), giving back LLVM's code pages after the passes and after
the code generation (`release`: jit/llvm_pages.py; the pages faulted in again are in the
next step's time), and loading it (jit/loader.py).  The program's output is discarded.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bench"))

PARTS = ("translate", "jit_passes", "key", "recipe", "lower", "str", "parse", "verify",
         "passes", "codegen", "release", "load")


class Clock:
    """Exclusive CPU time per part: a part nested in another (a callee's `translate` inside
    its caller's) is counted once, in the innermost part."""

    def __init__(self):
        self.stack: list[list] = []  # [part, started, time of nested parts]
        self.totals = dict.fromkeys(PARTS, 0.0)

    @contextlib.contextmanager
    def part(self, name: str):
        entry = [name, time.thread_time(), 0.0]
        self.stack.append(entry)
        try:
            yield
        finally:
            self.stack.pop()
            spent = time.thread_time() - entry[1]
            self.totals[name] += spent - entry[2]
            if self.stack:
                self.stack[-1][2] += spent

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            with self.part(name):
                return fn(*args, **kwargs)
        return timed

    def take(self) -> dict:
        taken, self.totals = self.totals, dict.fromkeys(PARTS, 0.0)
        return {k: v * 1e3 for k, v in taken.items()}


def instrument(clock: Clock, modules: list):
    import llvmlite.binding as llvm
    import jitvm.jit.frontend  # noqa: F401
    jit_pkg = sys.modules["jitvm.jit"]  # (`jitvm.jit` is also the decorator's name)
    frontend = sys.modules["jitvm.jit.frontend"]
    from jitvm.jit import engine as engine_mod
    from jitvm.jit import lower as lower_mod

    frontend.translate = clock.wrap("translate", frontend.translate)
    jit_pkg.run_jit_pipeline = clock.wrap("jit_passes", jit_pkg.run_jit_pipeline)
    lower_mod.ModuleLowering.lower = clock.wrap("lower", lower_mod.ModuleLowering.lower)
    warm = sys.modules.get("jitvm.jit.warm_cache")
    if warm is not None:  # the machine-code cache's key by JIT IR, and its recipe
        warm.describe = clock.wrap("key", warm.describe)
        warm.resolve = clock.wrap("recipe", warm.resolve)
        warm.recipe = clock.wrap("recipe", warm.recipe)
    if hasattr(engine_mod, "llvm_binding"):  # LLVM loaded only when a module is compiled
        engine_mod._llvm = _TimedLLVM(engine_mod.llvm_binding(), clock)
        made = engine_mod.Engine.target_machine.fget

        def target_machine(self):  # its object files are the code generation
            machine = made(self)
            if not getattr(machine, "_timed", False):
                machine.emit_object = clock.wrap("codegen", machine.emit_object)
                machine._timed = True
            return machine

        engine_mod.Engine.target_machine = property(target_machine)
        engine_mod.loader.load = clock.wrap("load", engine_mod.loader.load)
        if hasattr(engine_mod, "release_llvm_pages"):  # LLVM's code pages given back
            engine_mod.release_llvm_pages = clock.wrap("release",
                                                       engine_mod.release_llvm_pages)
    else:
        engine_mod.llvm = _TimedLLVM(llvm, clock)
    optimize = clock.wrap("passes", engine_mod.Engine.optimize)
    engine_mod.Engine.optimize = lambda self, module: optimize(self, _raw(module))
    import llvmlite.ir
    llvmlite.ir.Module.__str__ = clock.wrap("str", llvmlite.ir.Module.__str__)
    if hasattr(engine_mod, "module_text"):  # the module's text, without str(module)
        engine_mod.module_text = clock.wrap("str", engine_mod.module_text)
    else:  # (imported where the engine lowers)
        text_mod = importlib.import_module("jitvm.jit.llvm_text")
        text_mod.module_text = clock.wrap("str", text_mod.module_text)
    original_compile = engine_mod.Engine.compile

    def compile_(self, functions, function_index, **options):
        result = original_compile(self, functions, function_index, **options)
        # The front end and passes ran before compile(): they belong to this module too.
        modules.append({"functions": [f.name for f in functions],
                        "ir_bytes": len(result.built_ir or ""), **clock.take()})
        return result

    engine_mod.Engine.compile = compile_


class _TimedLLVM:
    """llvmlite.binding with the calls Engine.generate makes timed."""

    def __init__(self, llvm, clock):
        self._llvm, self._clock = llvm, clock

    def __getattr__(self, name):
        return getattr(self._llvm, name)

    def parse_assembly(self, text):
        with self._clock.part("parse"):
            parsed = self._llvm.parse_assembly(text)
        return _TimedModule(parsed, self._clock)

    def create_mcjit_compiler(self, module, tm):
        return _TimedMCJIT(self._llvm.create_mcjit_compiler(_raw(module), tm), self._clock)


def _raw(module):
    return module._module if isinstance(module, _TimedModule) else module


class _TimedModule:
    def __init__(self, module, clock):
        self._module, self._clock = module, clock

    def __getattr__(self, name):
        return getattr(self._module, name)

    def __setattr__(self, name, value):
        # (`parsed.name = ...`: the machine-code cache finds the object file by that name)
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._module, name, value)

    def __str__(self):
        return str(self._module)

    def verify(self):
        with self._clock.part("verify"):
            return self._module.verify()


class _TimedMCJIT:
    def __init__(self, mcjit, clock):
        self._mcjit, self._clock = mcjit, clock

    def __getattr__(self, name):
        return getattr(self._mcjit, name)

    def add_module(self, module):
        with self._clock.part("codegen"):
            return self._mcjit.add_module(_raw(module))

    def finalize_object(self):
        with self._clock.part("codegen"):
            return self._mcjit.finalize_object()


def run_program(name: str, arg: int, threshold: int, opt_level: int) -> list[dict]:
    from jitvm.interpreter import VM
    from jitvm.jit import JIT
    from jitvm.runner import run_path
    clock, modules = Clock(), []
    instrument(clock, modules)
    vm = VM()
    vm.jit = JIT(vm, threshold=threshold, opt_level=opt_level)
    sys.setrecursionlimit(100_000)
    path = os.path.join(ROOT, "bench", "programs", f"{name}.py")
    with contextlib.redirect_stdout(io.StringIO()):
        run_path(path, [str(arg)], vm)
    return modules


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="small")
    parser.add_argument("--only", default="")
    parser.add_argument("--threshold", type=int, default=1000)
    parser.add_argument("--opt-level", type=int, default=2)
    parser.add_argument("--json")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child: NAME:ARG
    args = parser.parse_args()
    if args.one:
        name, arg = args.one.split(":")
        print(json.dumps(run_program(name, int(arg), args.threshold, args.opt_level)))
        return
    from run import SIZES
    import subprocess
    import tempfile
    names = args.only.split(",") if args.only else list(SIZES)
    rows = []
    # jitvm's modules load from .pyc files, as in an installed VM, even where
    # PYTHONDONTWRITEBYTECODE is set (as run.py does): else the modules the JIT imports on
    # its first compilation (the JIT-IR passes) are compiled from source inside the timers.
    pycache = tempfile.TemporaryDirectory(prefix="jitvm-compile-time-")
    env = dict(os.environ, PYTHONPYCACHEPREFIX=pycache.name)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "jitvm")],
                   env=env, check=True, capture_output=True)
    print(f"{'module':48} {'KB':>5} " + " ".join(f"{p[:9]:>9}" for p in PARTS) + "    total")
    for name in names:
        # One process per program: llvmlite and the JIT start fresh, as in `jitvm run`.
        out = subprocess.run(
            [sys.executable, __file__, "--one", f"{name}:{SIZES[name][args.size]}",
             "--threshold", str(args.threshold), "--opt-level", str(args.opt_level)],
            capture_output=True, text=True, check=True, env=env).stdout
        for module in json.loads(out.splitlines()[-1]):
            module["program"] = name
            module["total"] = sum(module[p] for p in PARTS)
            rows.append(module)
            label = f"{name}: {module['functions'][0]}"[:48]
            print(f"{label:48} {module['ir_bytes'] / 1024:5.0f} "
                  + " ".join(f"{module[p]:9.1f}" for p in PARTS) + f" {module['total']:8.1f}")
    if rows:
        totals = [r["total"] for r in rows]
        print(f"\n{len(rows)} modules: median {statistics.median(totals):.1f} ms, max "
              f"{max(totals):.1f} ms, all {sum(totals):.0f} ms (CPU)")
        print("all modules, by part (ms): " + ", ".join(
            f"{p} {sum(r[p] for r in rows):.0f}" for p in PARTS))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=1)


if __name__ == "__main__":
    main()

"""Installing machine code: what happens once LLVM has made a module.

In: the JitFunctions of one module, with their `address` set, and the CompiledModule.
Out: each function callable from the bridge (`cfunc`, a ctypes callable), one `compiled:`
log line each, and the dumps asked for.  Runs on the interpreter's thread, or on the compiler
thread when compiling in the background (background.py): setting `cfunc` last is what makes
a function callable.
"""

from __future__ import annotations

import ctypes
import os
import sys

from .bridge_objects import object_summary
from .module_loops import EXPECTED_EXITS
from .ir import JitFunction
from .types import BOXED, CTYPES, INT


def install(jit, pending: list[JitFunction], compiled):
    jit.compiled_modules.append((pending, compiled))
    if jit.dump:
        dump(jit, pending, compiled)
    jit.stats["compiled"] += len(pending)
    if compiled.from_cache:
        jit.stats["cache_hits"] += len(pending)
        if compiled.built_ir is None:  # found by its JIT IR, never lowered
            jit.stats["not_lowered"] += len(pending)
    for f in pending:
        # (before `cfunc`: an entry bounds its native frames by the largest record, __init__.py)
        jit.record_words = max(jit.record_words, f.record_words)
        host = jit._host
        if host:  # (the host bridge's entries reserve buffer room as `_run` does)
            host.record_words(jit.record_words)
        f.boxed_params = tuple(i for i, t in enumerate(f.argtypes) if t in BOXED)
        f.int_params = tuple(i for i, t in enumerate(f.argtypes) if t is INT)
        if getattr(f, "generator_body", False):  # (the last: its state block's address)
            f.int_params = tuple(i for i in f.int_params if i < len(f.argtypes) - 1)
        f.cfunc = ctypes.PYFUNCTYPE(
            ctypes.c_int32, ctypes.c_void_p,
            *[CTYPES[t] for t in f.argtypes],
            ctypes.POINTER(ctypes.c_int64))(f.address)
        kinds = getattr(f, "arg_kinds", f.argtypes)
        line = f"compiled: {f.code.qualname}({', '.join(map(str, kinds))}) -> " \
               f"{f.return_type}"
        if getattr(f.code, "fused_consumer", None) is not None:
            line += f" (fused into {f.code.fused_consumer}())"
        elif getattr(f, "generator_body", False):
            line += " (generator)"
        elif f.osr_entry is not None:
            line += f" (OSR entry at line {f.code.line_of(f.osr_entry)})"
        line += f" in {compiled.milliseconds / len(pending):.1f} ms"
        if compiled.from_cache:
            line += " (machine code from the cache)"
        line += object_summary(f)
        exits = [(index, why) for index, why in f.exits if why not in EXPECTED_EXITS]
        if exits:
            index, reason = exits[0]
            line += f"; exits to the interpreter at line {f.code.line_of(index)} ({reason})"
        if f.soft_exits:
            sites = ", ".join(f"{f.code.line_of(index)} ({f.code.instructions[index][0].name})"
                              for index, _ in sorted(set(f.soft_exits)))
            line += f"; not run yet at line {sites}: compiled again once run"
        jit.say(line)


def dump(jit, functions: list[JitFunction], compiled):
    """Print (or write into `jit.dump_dir`) the stages `jit.dump` names."""
    label = functions[0].name
    for stage in ("jit-ir", "llvm", "opt", "asm"):
        if stage not in jit.dump:
            continue
        text = jit.stage_text(functions, compiled, stage)
        if jit.dump_dir is not None:
            os.makedirs(jit.dump_dir, exist_ok=True)
            suffix = {"jit-ir": "jit", "llvm": "ll", "opt": "opt.ll", "asm": "s"}[stage]
            with open(os.path.join(jit.dump_dir, f"{label}.{suffix}"), "w") as fh:
                fh.write(text)
        else:
            print(f"; ---- {stage}: {label}\n{text}", file=sys.stderr)

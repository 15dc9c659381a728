"""Optimization passes and the pass manager.

Each pass is a small pure function in its own module: it takes an IR and returns a new one,
and its docstring states the invariant it keeps.  A pipeline is a plain list of pass names,
printable (`jitvm passes`) and selectable; the pass manager runs it with optional timing,
`print_after` dumps and a verifier after every pass (tests switch it on), and names the pass
in any error.

Bytecode passes work on the compiler's instruction list (`Instr` and `Label`, see
`jitvm/code.py`) before assembly.  JIT-IR passes (`jitvm/passes/jit/`) work on one
`JitFunction` (see `jitvm/jit/ir.py`) between the JIT's front end and LLVM.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import Callable

# The bytecode pipeline, in order.  Each name is a module in this package that defines `run`.
# Dead code goes first so that a jump over it is seen to reach the next label (thread_jumps
# then drops it), and again last to sweep what threading leaves: jumps no path reaches any
# more, labels nobody targets, NOPs.
BYTECODE_PIPELINE: list[str] = [
    "fold_constants", "remove_unreachable", "thread_jumps", "remove_unreachable",
]


class PassError(Exception):
    """A pass failed or broke an invariant; the message names the pass."""


def _format_instrs(instrs) -> str:
    from ..code import format_instrs
    return format_instrs(instrs)


class PassManager:
    """Runs `pipeline` (pass names: modules of `package` that define `run`) over an IR; with
    `verify`, checks the IR after each pass; `print_after` names the passes after which the IR
    is printed (`format`: its text form) to `out`; `timings` adds up seconds per pass."""

    out = sys.stderr

    def __init__(self, pipeline: list[str], verify: Callable[[object], None] | None = None,
                 print_after: set[str] | None = None, package: str = __name__,
                 format: Callable[[object], str] = _format_instrs):
        self.pipeline = pipeline
        self.verify = verify
        self.print_after: set[str] = print_after if print_after is not None else set()
        self.timings: dict[str, float] = {}
        self.package = package
        self.format = format

    def run(self, ir):
        if "all" in self.print_after or self.print_after & {"before", "frontend"}:
            print("# before the passes", file=self.out)
            print(self.format(ir), file=self.out)
        for name in self.pipeline:
            module = importlib.import_module(f"{self.package}.{name}")
            start = time.perf_counter()
            try:
                ir = module.run(ir)
            except Exception as exc:  # re-raised with the pass named
                raise PassError(f"pass {name!r} failed: {exc}") from exc
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
            if self.verify is not None:
                try:
                    self.verify(ir)
                except Exception as exc:
                    raise PassError(f"IR invalid after pass {name!r}: {exc}") from exc
            if name in self.print_after or "all" in self.print_after:
                print(f"# after {name}", file=self.out)
                print(self.format(ir), file=self.out)
        return ir


# The manager the compiler uses; tests install one with a verifier.
BYTECODE_MANAGER = PassManager(BYTECODE_PIPELINE)


def run_bytecode_pipeline(instrs: list) -> list:
    return BYTECODE_MANAGER.run(instrs)

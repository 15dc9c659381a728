"""The JIT-IR pipeline: from the front end's generic, typed IR to what LLVM gets.

The front end (`jitvm/jit/frontend.py`) infers the type of every value from the interpreter's
feedback and emits generic Python operations (`py.add %1, %2`) on those typed values.  Then:

1. `specialize_types`: each generic operation becomes the machine operation its operand
   types call for (`iadd` with an overflow guard for ints, `fadd` for floats), with the
   conversions (bool → int → float) made explicit.
2. `fold_constants`: operations on constants are computed now (with Python's semantics: an
   operation that would raise or overflow is left for run time), slots written once with a
   constant read as that constant, guards on constants dropped, branches on constants jump.
3. `eliminate_overflow_checks`: a range analysis (`range()` loop counters lie between start
   and stop) drops overflow guards that cannot fail.
4. `borrow_refs`: a new reference that only spans reads (`b[k]` while `b[k][j]` is read)
   is not taken: the list that holds the object keeps it alive meanwhile.
5. `store_read_objects`: `b[j] = a[i]` stores the object `a[i]` holds instead of boxing
   its unboxed value again.
6. `dead_code`: blocks no branch reaches, operations whose value nobody uses, and stores to
   spill slots nobody reads.

Each pass is a module here with `run(fn) -> fn`; it rewrites the function's blocks (the
function object itself is kept: callers and the deopt records refer to it).
"""

from __future__ import annotations

from .. import PassManager

JIT_PIPELINE: list[str] = [
    "specialize_types", "fold_constants", "eliminate_overflow_checks", "borrow_refs",
    "store_read_objects", "dead_code",
]


def _format(fn) -> str:
    from ...jit.ir import format_function
    return format_function(fn)


def manager(print_after: set[str] | None = None, verify=None) -> PassManager:
    return PassManager(JIT_PIPELINE, verify=verify, print_after=print_after or set(),
                       package=__name__, format=_format)


# The manager the JIT uses; tests install one with a verifier.
JIT_MANAGER = manager()


def run_jit_pipeline(fn):
    return JIT_MANAGER.run(fn)

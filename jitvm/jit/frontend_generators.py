"""Bytecode → JIT IR for a generator's body run natively (a mixin of the translator).

A generator function's code compiles as a *resumable* function (jit/generators.py runs it):

    i32 @gen(i64* ctx, i64 state, i64* out)

`state` is the address of the generator's state block, i64 words:

    [resume index k, deopt point id, the parameters (owned references for objects),
     one word per slot of the function (fn.record_slots)]

All generator bodies have that one signature, so the machine code of `next` (generator_ir.py)
can resume any of them.  k = 0: not started; the prologue binds the parameters from the
block (`genarg`, taking over their references).  k > 0: the prologue (`genentry`) loads every
slot from the block and jumps to the block after the `yield` numbered k.  `yield v` (`yield` op) boxes v (a new
reference, handed to the caller in *out), spills the value stack into its slots as a jump to
the next block would, stores every slot and k into the block and returns YIELDED.  Falling off
the end or `return` returns OK: the generator is exhausted (StopIteration with the value).

The block holds exactly a deopt record of the point after the `yield` (`fn.resumes[k - 1]`, a
DeoptPoint at the instruction after the yield whose stack entries sit in spill slots), so
the bridge rebuilds the interpreter's suspended frame from it with `JIT._rebuild` when the
generator leaves native code (send of a value, throw, close, gi_frame...).  A guard failing
inside the body deoptimizes as anywhere else: the frame is rebuilt from the deopt buffer and
the interpreter goes on to the next `yield`.

What compiles: the code a function body may have, without `try`/`with` (an exception table),
cells, `yield from` or `await`; a `yield` whose value is anything the translator can box.
"""

from __future__ import annotations

from ..opcodes import Op
from .frontend import Const, NotCompilable, RangeArgs, RangeIter, State, _kind
from .frontend_entries import COMPOSITES
from .ir import Op as IrOp
from .types import BOXED, INT

SENT_NONE = Const(None)  # what `yield` evaluates to when resumed natively (next(), send(None))


def refuse_generator(code) -> None:
    """Raise NotCompilable when generator `code` cannot run natively as a whole."""
    if code.exceptiontable:
        raise NotCompilable("a generator with try/with stays interpreted", code)
    if code.has_cells:
        raise NotCompilable("a generator with closures or cells stays interpreted", code)
    if any(op in (Op.YIELD_FROM, Op.GET_YIELD_FROM_ITER) for op, _ in code.instructions):
        raise NotCompilable("a generator with `yield from` stays interpreted", code)


def resume_leaders(code) -> set[int]:
    """The instruction after each `yield` starts a block (a resume point)."""
    return {i + 1 for i, (op, _) in enumerate(code.instructions) if op == Op.YIELD_VALUE}


class GeneratorSteps:
    """The translator's side of a resumable generator body (see the module docstring)."""

    generator_mode = False

    @property
    def param_op(self) -> str:
        """The op reading an entry's parameter: a generator's are in its state block."""
        return "genarg" if self.generator_mode else "arg"

    def native_yield(self, index, locals_, stack):
        """YIELD_VALUE at `index`: hand the boxed value out and suspend (a block's end)."""
        value = stack[-1]
        if isinstance(value, (RangeArgs, RangeIter) + COMPOSITES):
            self.fail("yielding an iterator", index)
        redo = self.deopt_point(index, locals_, list(stack), reason="boxing")
        stack.pop()
        boxed = self.box(value, index, redo)
        if boxed.type in BOXED and not boxed.owned:
            boxed = self.newref(boxed)
        # The rest of the stack goes to its spill slots, as on a jump to the block after the
        # yield (which starts with the value sent in: None when resumed natively).
        after = stack + [SENT_NONE]
        self._spill(after, [index + 1], lambda: redo)
        rest = after[:-1]
        state = State(tuple(locals_), tuple(_kind(e) for e in after))
        if self.fn is None:
            return [(index + 1, state)]
        point = self.deopt_point(index + 1, locals_, rest, reason="yield")
        target = self._block_name(index + 1, state)
        self.fn.resumes.append((target, point))
        self.emit("yield", [boxed, len(self.fn.resumes), target], None, point)
        return [(index + 1, state)]


def add_generator_entry(fn, prologue) -> None:
    """The resume switch, first in the prologue: `genentry state, (the resume blocks)`."""
    state = fn.new_value(INT)
    prologue.ops[0:0] = [IrOp("arg", [0], state),
                         IrOp("genentry", [state, [name for name, _ in fn.resumes]])]

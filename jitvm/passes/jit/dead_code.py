"""Dead-code elimination on the JIT IR.

In: a JitFunction.  Out: the same function without

* blocks that no jump or branch reaches from the entry (folded branches leave them);
* operations without effects whose value nothing uses — neither another operation nor a
  deopt point's stack (a deopt rebuilds the interpreter's stack from those values);
* stores to spill slots (`$s…`) that nothing reads (a load, a release, a deopt point).
  Stores to a Python local's slot (and to `$cells`) always stay: when any guard
  deoptimizes, the interpreter's frame is rebuilt from them;
* stores of a value just loaded from the same slot, with no store to it in between (the
  front end spills every stack entry at every block end; most are such copies).

Invariant: every operation with an effect (stores a deopt may read, guards, calls, returns,
branches, signal checks) and everything it needs is kept.
"""

from __future__ import annotations

from ...jit.types import JType

# Operations that only compute their result: dead when nobody uses it (and, checked below,
# when they carry no deopt point — a guarded operation is also a guard).
PURE_PREFIXES = ("const", "load", "arg", "btoi", "itof", "not", "truth.", "icmp.", "fcmp.",
                 "ifcmp.", "iadd.nsw", "isub.nsw", "imul.nsw", "ineg.nsw", "iand", "ior",
                 "ixor", "iinvert", "band", "bor", "bxor", "fadd", "fsub", "fmul", "fneg",
                 "fabs", "imin", "imax", "fmin", "fmax", "range_value", "range_more")
TERMINATORS = {"jump", "br", "ret", "exit", "yield"}


def run(fn):
    _remove_unreachable(fn)
    while _remove_unused(fn) | _remove_dead_stores(fn):
        pass
    return fn


def _remove_unreachable(fn):
    by_name = {block.name: block for block in fn.blocks}
    reached, work = set(), [fn.blocks[0].name]
    while work:
        name = work.pop()
        if name in reached:
            continue
        reached.add(name)
        for op in by_name[name].ops:
            if op.opcode == "jump":
                work.append(op.args[0])
            elif op.opcode == "br":
                work.extend(op.args[1:])
            elif op.opcode == "genentry":  # a generator's resume points
                work.extend(op.args[1])
            if op.deopt is not None and op.deopt.pad is not None and op.deopt.pad in by_name:
                work.append(op.deopt.pad)  # an exception caught by a handler of this code
    fn.blocks = [block for block in fn.blocks if block.name in reached]


def _is_pure(op) -> bool:
    return op.deopt is None and op.opcode.startswith(PURE_PREFIXES)


def _remove_unused(fn) -> bool:
    used = set()
    for op in fn.ops():
        for arg in op.args:
            if isinstance(arg, list):
                used.update(id(a) for a in arg)
            else:
                used.add(id(arg))
        if op.deopt is not None:
            used.update(id(v) for v in op.deopt.values())
    changed = False
    for block in fn.blocks:
        kept = [op for op in block.ops
                if not (op.result is not None and id(op.result) not in used and _is_pure(op))]
        changed |= len(kept) != len(block.ops)
        block.ops = kept
    return changed


def _remove_dead_stores(fn) -> bool:
    changed = _remove_copies_back(fn)
    read = set()  # slots something reads: a load, a release (of a boxed value), a deopt
    for op in fn.ops():
        if op.opcode not in WRITES_SLOT:
            read.update(arg for arg in op.args if _is_slot(arg))
    for point in fn.deopts:
        read.update(point.slots())
    for block in fn.blocks:
        kept = [op for op in block.ops
                if not (op.opcode in WRITES_SLOT and op.args[0][0].startswith("$s")
                        and op.args[0] not in read)]
        changed |= len(kept) != len(block.ops)
        block.ops = kept
    named = {arg for op in fn.ops() for arg in op.args if _is_slot(arg)}
    for slot in [s for s in fn.slots if s not in named]:
        del fn.slots[slot]
    return changed


WRITES_SLOT = {"store", "clear"}  # their first argument is the slot they write


def _is_slot(arg) -> bool:
    return isinstance(arg, tuple) and len(arg) == 2 and isinstance(arg[0], str) \
        and isinstance(arg[1], JType)


def _remove_copies_back(fn) -> bool:
    changed = False
    for block in fn.blocks:
        holds: dict = {}  # slot → the value it is known to hold, within this block
        kept = []
        for op in block.ops:
            if op.opcode == "load":
                holds[op.args[0]] = op.result
            elif op.opcode == "store":
                slot, value = op.args
                if holds.get(slot) is value:
                    changed = True
                    continue
                holds[slot] = value
            elif op.opcode == "clear":
                holds.pop(op.args[0], None)
            kept.append(op)
        block.ops = kept
    return changed

"""Drop a new reference that only spans operations which cannot release any object.

In: a JitFunction.  Out: the same function where a pair

    %y = newref %x          ; take a reference to an object another holder keeps alive
    ...                     ; only reads, guards, unboxing, arithmetic
    decref %y

in one block loses both operations, and `%x` (borrowed) stands for `%y`.  The front end makes
such pairs for a value on the stack that the next instruction only reads: `b[k][j]` takes a
reference to the row `b[k]` while it reads item `j` (a write and a release of the row's
reference count, and a call to `_Py_Dealloc` LLVM must keep, in the inner loop).

Invariant: nothing between the two operations can run Python code or release a reference
(no call, store into a list, decref, signal check: only the operations in `SAFE`), so the
holder that keeps `%x` alive at the newref still does at the decref.  Every use of `%y`
lies between them, in an operation that borrows its operands (none consumes one) or in a
deopt record: a record with a borrowed value takes its own reference when it is written.
"""

from __future__ import annotations

from ...jit.ir import Value

# Operations that read memory, guard (deoptimizing copies state, it does not release it),
# unbox or compute: none runs Python code, releases a reference or consumes an operand.
SAFE = {"getitem.list", "getitem.tuple", "item.list", "item.tuple", "len.seq", "more.seq",
        "guard_type", "guard_len", "cast", "unbox.int", "unbox.float", "unbox.bool", "same",
        "const", "load", "inc", "range_value", "range_next", "range_next.nsw", "btoi", "itof",
        "not", "iadd", "isub", "imul", "iadd.nsw", "isub.nsw", "imul.nsw", "ineg", "ineg.nsw",
        "ifloordiv", "imod", "iand", "ior", "ixor", "iinvert", "ishl", "ishr", "fadd", "fsub",
        "fmul", "fdiv", "fneg", "fabs", "imin", "imax", "fmin", "fmax", "guard_true",
        "guard_nonzero", "range_more"}
SAFE_PREFIXES = ("icmp.", "fcmp.", "ifcmp.")


def run(fn):
    uses = _uses(fn)
    for block in fn.blocks:
        _borrow_in_block(block, uses)
    return fn


def _safe(op) -> bool:
    if op.opcode == "store":  # a slot store releases nothing (the old value is released apart)
        return True
    return op.opcode in SAFE or op.opcode.startswith(SAFE_PREFIXES)


def _uses(fn) -> dict[int, int]:
    """How many times each value is used (operation arguments and deopt stacks, including
    the parts of composite entries)."""
    count: dict[int, int] = {}
    for op in fn.ops():
        for arg in _flat(op.args):
            if isinstance(arg, Value):
                count[arg.id] = count.get(arg.id, 0) + 1
        if op.deopt is not None:
            for value in op.deopt.values():
                count[value.id] = count.get(value.id, 0) + 1
    return count


def _flat(args):
    for arg in args:
        if isinstance(arg, list):
            yield from arg
        else:
            yield arg


def _borrow_in_block(block, uses):
    i = 0
    while i < len(block.ops):
        op = block.ops[i]
        if op.opcode == "newref" and op.result is not None:
            end = _matching_decref(block.ops, i, op.result, op.args[0], uses)
            if end is not None:
                source = op.args[0]
                for inner in block.ops[i + 1:end]:
                    _replace(inner, op.result, source)
                del block.ops[end]
                del block.ops[i]
                continue
        i += 1


def _matching_decref(ops, start, value, source, uses):
    """The index of `decref value` if only safe operations come between, and all other uses
    of `value` are there in plain arguments or plain deopt stack entries.

    An owned `source` must not be in a deopt record that also has `value`: the record would
    name it twice (`m[0][0] -= 1` keeps the row and its DUP_TOP_TWO copy on the stack) and
    hand over two references where there is one."""
    seen = 0
    for j in range(start + 1, len(ops)):
        op = ops[j]
        if op.opcode == "decref" and op.args[0] is value:
            return j if seen + 1 == uses.get(value.id, 0) else None
        if not _safe(op) or (op.opcode == "store" and value in op.args):
            return None  # (a slot would own the reference)
        seen += sum(1 for a in op.args if a is value)
        if op.deopt is not None:
            if any(entry is not value and value in _parts(entry) for entry in op.deopt.stack):
                return None  # inside a composite entry: leave it
            if source.owned and any(entry is source or source in _parts(entry)
                                    for entry in op.deopt.stack) and value in op.deopt.stack:
                return None
            seen += sum(1 for entry in op.deopt.stack if entry is value)
    return None


def _parts(entry):
    return list(entry.parts()) if hasattr(entry, "parts") else []


def _replace(op, old, new):
    op.args = [new if a is old else a for a in op.args]
    if op.deopt is not None:
        op.deopt.stack = [new if e is old else e for e in op.deopt.stack]

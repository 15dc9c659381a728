"""Generator expressions fused into the builtin that consumes them.

`sum(x * x for x in v)` makes a generator and hands it to `sum`, which resumes it once per
item: in the interpreter each resume is a frame entry, and native code cannot run a generator
at all.  Where compiled code calls `sum`, `min`, `max`, `any` or `all` on a generator
expression it has just made, the JIT instead calls machine code for a *fused* code object: the
generator expression's own bytecode in which the `yield` is replaced by what the consumer does
with the item, so the whole thing is one loop.  For `sum(x * x for x in v)`:

    genexpr                          fused with sum
    FOR_ITER  end                    FOR_ITER  end
    STORE_FAST x                     STORE_FAST x
    LOAD_FAST x ; LOAD_FAST x        LOAD_FAST x ; LOAD_FAST x
    BINARY_MULTIPLY                  BINARY_MULTIPLY
    YIELD_VALUE                      LOAD_FAST .acc ; ROT_TWO
    POP_TOP                          BINARY_ADD ; STORE_FAST .acc
    JUMP_BACKWARD FOR_ITER           JUMP_BACKWARD FOR_ITER
    end: LOAD_CONST None             end: LOAD_FAST .acc
         RETURN_VALUE                     RETURN_VALUE

The consumer's steps are CPython's own (Python/bltinmodule.c, 3.11): `sum` adds each item to
its start with PyNumber_Add, in order (3.11 has no compensated float summation); `min`/`max`
keep the first item and replace it by each later one that compares `<`/`>` (a rich compare
and its truth: no identity shortcut for those operators); `any`/`all` stop at the first item
whose truth decides; `list`, `tuple` and `sorted` append each item to a new list (then make a
tuple of it, or sort it in place, as `sorted` does its copy).  So the fused code computes exactly what the builtin computes on the
generator, with the same operations in the same order.

The fused code is entered only at its loop header, natively, by an on-stack-replacement style
entry (frontend_fused.py): the iterator the caller made (a list, tuple or range iterator, as
its parts, or any iterator object) on the stack and `.acc`/`.has` as locals (named like
CPython's own `.0`: no variable of the program can have those names, and the JIT keeps names
starting with `$` for its own slots).  When its machine
code deoptimizes, the interpreter finishes *this* code object from the instruction that
failed, and the result goes to the caller as the builtin's result.  Errors keep CPython's
traceback: what the consumer raises (an add, a compare, the truth of an item, an empty
`max()`) is attributed to the caller's call, as in CPython where `sum` raises it
(`caller_ops`: the interpreter adds no entry of this frame for them), and a StopIteration
escaping the generator's part becomes "generator raised StopIteration" (`fused_consumer`:
see interpreter.unwind).
"""

from __future__ import annotations

import dataclasses

from ..code import CodeFlags, CodeObject
from ..opcodes import COMPARE_OPS, OPCODES, Flag, Op

CONSUMERS = {sum: "sum", min: "min", max: "max", any: "any", all: "all", list: "list",
             tuple: "tuple", sorted: "sorted"}
BUILDS_LIST = ("list", "tuple", "sorted")  # consumers that collect the items in a list


def fusable(code: CodeObject) -> bool:
    """Is `code` a generator expression the rewrite understands?  (Plain generator, no cells
    of its own, no handlers, one `yield` whose value is dropped, one `return None` at the
    end, and the iterator argument `.0` loaded first and stepped next.)"""
    if code.name != "<genexpr>" or code.flags & (CodeFlags.COROUTINE
                                                 | CodeFlags.ASYNC_GENERATOR):
        return False
    if not code.flags & CodeFlags.GENERATOR or code.cellvars or code.exceptiontable:
        return False
    ins = code.instructions
    if len(ins) < 5 or ins[0] != (Op.LOAD_FAST, 0) or ins[1][0] != Op.FOR_ITER:
        return False
    yields = [i for i, (op, _) in enumerate(ins) if op == Op.YIELD_VALUE]
    returns = [i for i, (op, _) in enumerate(ins) if op == Op.RETURN_VALUE]
    if len(yields) != 1 or ins[yields[0] + 1][0] != Op.POP_TOP:
        return False
    last = len(ins) - 1
    return (returns == [last] and ins[last - 1][0] == Op.LOAD_CONST
            and code.consts[ins[last - 1][1]] is None)


def fuse(code: CodeObject, consumer: str) -> CodeObject:
    """The fused code object of generator expression `code` (see `fusable`) and `consumer`
    (a name in CONSUMERS).  It has `fused_consumer`, `caller_ops` (indices whose errors
    belong to the caller), `feedback_origin` ((code, new index → old index): the
    interpreter's type feedback for the generator expression serves it too) and
    `fused_header` (the loop header it is entered at)."""
    acc = len(code.varnames)
    has = acc + 1
    consts = list(code.consts)

    def const(value) -> int:
        for i, c in enumerate(consts):
            if c is value:
                return i
        consts.append(value)
        return len(consts) - 1

    ins = code.instructions
    yield_at = next(i for i, (op, _) in enumerate(ins) if op == Op.YIELD_VALUE)
    end_at = len(ins) - 2  # LOAD_CONST None; RETURN_VALUE
    out: list[list] = []  # [op, arg, old index or None, caller op?, jump is local]
    positions = []
    index_map: dict[int, int] = {}

    def emit_seq(seq, position):
        """`seq`: (op, arg, caller?) with jump args relative to the sequence's start, or
        "after" (the instruction following the sequence)."""
        start = len(out)
        for op, arg, caller in seq:
            local = OPCODES[op].flags & Flag.JUMP
            if local:
                arg = start + len(seq) if arg == "after" else start + arg
            out.append([op, arg, None, caller, bool(local)])
            positions.append(position)

    for i, (op, arg) in enumerate(ins):
        if i == yield_at + 1 or i == end_at + 1:
            index_map[i] = len(out)
            continue  # (the POP_TOP after the yield, the RETURN_VALUE: part of the rewrite)
        index_map[i] = len(out)
        if i == yield_at:
            emit_seq(_step(consumer, acc, has, const), code.positions[i])
        elif i == end_at:
            emit_seq(_epilogue(consumer, acc, has, const), code.positions[i])
        else:
            out.append([op, arg, i, False, False])
            positions.append(code.positions[i])
    instructions = []
    for new, (op, arg, old, caller, local) in enumerate(out):
        if old is not None and OPCODES[op].flags & Flag.JUMP:
            arg = index_map[arg]
        if op in (Op.JUMP_FORWARD, Op.JUMP_BACKWARD):
            op = Op.JUMP_BACKWARD if arg <= new else Op.JUMP_FORWARD
        instructions.append((op, arg))
    fused = dataclasses.replace(
        code, flags=code.flags & ~CodeFlags.GENERATOR, instructions=tuple(instructions),
        positions=tuple(positions), varnames=code.varnames + (".acc", ".has"),
        consts=tuple(consts), stacksize=code.stacksize + 2)
    object.__setattr__(fused, "fused_consumer", consumer)
    object.__setattr__(fused, "caller_ops",
                       frozenset(i for i, item in enumerate(out) if item[3]))
    object.__setattr__(fused, "feedback_origin",
                       (code, {new: old for old, new in index_map.items()
                               if new < len(out) and out[new][2] == old}))
    object.__setattr__(fused, "fused_header", index_map[1])
    return fused


def _step(consumer: str, acc: int, has: int, const) -> list:
    """What the consumer does with the item on top of the stack (it is popped)."""
    if consumer == "sum":
        return [(Op.LOAD_FAST, acc, False), (Op.ROT_TWO, 0, False),
                (Op.BINARY_ADD, 0, True), (Op.STORE_FAST, acc, False)]
    if consumer in ("min", "max"):
        compare = COMPARE_OPS.index("<" if consumer == "min" else ">")
        return [(Op.LOAD_FAST, has, False),            # 0
                (Op.POP_JUMP_IF_FALSE, 10, False),     # 1: the first item
                (Op.DUP_TOP, 0, False),                # 2
                (Op.LOAD_FAST, acc, False),            # 3
                (Op.COMPARE_OP, compare, True),        # 4: item < or > the one kept
                (Op.POP_JUMP_IF_FALSE, 8, True),       # 5
                (Op.STORE_FAST, acc, False),           # 6: keep the item
                (Op.JUMP_FORWARD, "after", False),     # 7
                (Op.POP_TOP, 0, False),                # 8: drop the item
                (Op.JUMP_FORWARD, "after", False),     # 9
                (Op.STORE_FAST, acc, False),           # 10
                (Op.LOAD_CONST, const(True), False),   # 11
                (Op.STORE_FAST, has, False)]           # 12
    if consumer in BUILDS_LIST:  # list(gen) extends a new list, as tuple() and sorted() do
        return [(Op.LOAD_FAST, acc, False), (Op.ROT_TWO, 0, False),
                (Op.LIST_APPEND, 1, False), (Op.POP_TOP, 0, False)]
    if consumer == "any":
        return [(Op.POP_JUMP_IF_FALSE, "after", True), (Op.LOAD_CONST, const(True), False),
                (Op.RETURN_VALUE, 0, False)]
    return [(Op.POP_JUMP_IF_TRUE, "after", True), (Op.LOAD_CONST, const(False), False),
            (Op.RETURN_VALUE, 0, False)]


def _epilogue(consumer: str, acc: int, has: int, const) -> list:
    """What the consumer returns when the generator is exhausted."""
    if consumer in ("sum", "list"):
        return [(Op.LOAD_FAST, acc, False), (Op.RETURN_VALUE, 0, False)]
    if consumer == "tuple":
        return [(Op.LOAD_CONST, const(tuple), True), (Op.LOAD_FAST, acc, False),
                (Op.CALL_FUNCTION, 1, True), (Op.RETURN_VALUE, 0, False)]
    if consumer == "sorted":  # sorted(gen): the items in a new list, sorted in place
        return [(Op.LOAD_CONST, const(list.sort), True), (Op.LOAD_FAST, acc, False),
                (Op.CALL_FUNCTION, 1, True), (Op.POP_TOP, 0, False),
                (Op.LOAD_FAST, acc, False), (Op.RETURN_VALUE, 0, False)]
    if consumer in ("min", "max"):
        return [(Op.LOAD_FAST, has, False),
                (Op.POP_JUMP_IF_FALSE, 4, False),
                (Op.LOAD_FAST, acc, False),
                (Op.RETURN_VALUE, 0, False),
                (Op.LOAD_CONST, const(ValueError), True),
                (Op.LOAD_CONST, const(f"{consumer}() arg is an empty sequence"), True),
                (Op.CALL_FUNCTION, 1, True),
                (Op.RAISE_VARARGS, 1, True)]
    return [(Op.LOAD_CONST, const(consumer == "all"), False), (Op.RETURN_VALUE, 0, False)]

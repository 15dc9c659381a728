"""Constant folding on the JIT IR.

In: a specialized JitFunction (no `py.` operations).  Out: the same function where

* an operation whose operands are all constants is replaced by `const` of its result,
  computed with Python's own operators — so the result is Python's — and only when that
  result is what the native operation would give: an int result must fit 64 bits, and an
  operation that would raise (a zero divisor, a negative shift) is left to fail at run time,
  where its guard deoptimizes and the interpreter raises the exception;
* a slot written exactly once, with a constant, is read as that constant (`range(n)` stores
  its step, 1, that way: the loop's step is then a constant for the next passes); storing
  back a value just loaded from the same slot does not count as a write;
* a guard on a constant that holds is dropped (`guard_nonzero` of 3), and a branch on a
  constant becomes a jump.

Invariant: every Value keeps its type and its meaning; only operations without effects are
replaced (a folded operation's deopt point is no longer needed: it cannot fail).
"""

from __future__ import annotations

import operator

from ...jit.ir import Op
from ...jit.types import BOOL, FLOAT, INT

_MIN, _MAX = -2 ** 63, 2 ** 63 - 1


def _nonzero_divisor(fn):
    return lambda a, b: fn(a, b) if b != 0 else None


def _shift(fn):
    return lambda a, b: fn(a, b) if 0 <= b < 64 else None


# machine op → its meaning on Python values (None from it: leave the op alone)
FOLD = {
    "iadd": operator.add, "isub": operator.sub, "imul": operator.mul,  # ints: exact, then
    "iadd.nsw": operator.add, "isub.nsw": operator.sub, "imul.nsw": operator.mul,  # checked
    "ifloordiv": _nonzero_divisor(operator.floordiv), "imod": _nonzero_divisor(operator.mod),
    "ineg": operator.neg, "ineg.nsw": operator.neg, "iinvert": operator.invert,
    "iand": operator.and_, "ior": operator.or_, "ixor": operator.xor,
    "ishl": _shift(operator.lshift), "ishr": _shift(operator.rshift),
    "band": operator.and_, "bor": operator.or_, "bxor": operator.xor, "not": operator.not_,
    "btoi": int, "itof": float, "truth.int": bool, "truth.float": bool,
    "fadd": operator.add, "fsub": operator.sub, "fmul": operator.mul, "fneg": operator.neg,
    "fdiv": _nonzero_divisor(operator.truediv),
    **{f"{kind}.{name}": getattr(operator, name)  # Python compares int with float exactly
       for kind in ("icmp", "fcmp", "ifcmp") for name in ("lt", "le", "eq", "ne", "gt", "ge")},
}


def run(fn):
    while _fold_once(fn):
        pass
    return fn


def _fold_once(fn) -> bool:
    constants = {op.result: op.args[1] for op in fn.ops() if op.opcode == "const"}
    slots = _constant_slots(fn, constants)
    changed = False
    for block in fn.blocks:
        ops = []
        for op in block.ops:
            folded = _fold(op, constants, slots)
            if folded is not op:
                changed = True
                if folded is None:
                    continue
                if folded.opcode == "const":
                    constants[folded.result] = folded.args[1]
            ops.append(folded)
        block.ops = ops
    return changed


def _constant_slots(fn, constants: dict) -> dict:
    """Slots stored exactly once in the whole function, with a constant."""
    stores: dict = {}
    loaded_from = {op.result: op.args[0] for op in fn.ops() if op.opcode == "load"}
    for op in fn.ops():
        if op.opcode == "store" and loaded_from.get(op.args[1]) != op.args[0]:
            # (storing back what was loaded from the same slot writes nothing new)
            stores.setdefault(op.args[0], []).append(op.args[1])
    return {slot: constants[values[0]] for slot, values in stores.items()
            if len(values) == 1 and values[0] in constants}


def _fold(op: Op, constants: dict, slots: dict):
    """The op to keep instead of `op` (`op` itself if nothing changes; None: drop it)."""
    if op.opcode == "load" and op.args[0] in slots:
        return Op("const", [op.result.type, slots[op.args[0]]], op.result)
    if op.opcode == "br" and op.args[0] in constants:
        cond, if_true, if_false = op.args
        return Op("jump", [if_true if constants[cond] else if_false])
    if op.opcode == "guard_nonzero" and op.args[0] in constants and constants[op.args[0]]:
        return None
    if op.opcode == "guard_true" and op.args[0] in constants and constants[op.args[0]]:
        return None
    rule = FOLD.get(op.opcode)
    if rule is None or op.result is None or not all(a in constants for a in op.args):
        return op
    try:
        value = rule(*(constants[a] for a in op.args))
    except (ArithmeticError, ValueError):
        return op
    if value is None:
        return op
    jtype = op.result.type
    if jtype is INT:
        value = int(value)
        if not _MIN <= value <= _MAX:
            return op  # overflows 64 bits: the guard deoptimizes at run time
    elif jtype is FLOAT:
        value = float(value)
    elif jtype is BOOL:
        value = bool(value)
    return Op("const", [jtype, value], op.result)

"""Type specialization: generic Python operations become machine operations.

In: a JitFunction whose values carry the types the front end inferred from the interpreter's
feedback, with generic operations `py.OP` (`py.add`, `py.lt`, `py.neg`, …).  Out: the same
function with every `py.OP` replaced by the operation its operand types call for, and the
implicit conversions of Python's numeric tower made explicit (`btoi`: a bool used as an int,
`itof`: an int used as a float, `truth.T`: a number used as a condition).

Invariant: no `py.` operation is left; each result keeps its Value (and so its type and every
use, deopt points included); a deopt point stays only on operations that can fail at run time
(int overflow, a zero divisor, a negative shift or exponent), as CHECKED lists.

The front end asks `result_type` while it infers types, so the typing rules and the
specialization are the same table.
"""

from __future__ import annotations

from ...jit.ir import Op
from ...jit.types import BOOL, FLOAT, INT, JType

# generic binary op → (machine op on ints, machine op on floats or why there is none)
BINARY = {
    "add": ("iadd", "fadd"),                # int + int may overflow 64 bits: guarded
    "sub": ("isub", "fsub"),
    "mul": ("imul", "fmul"),
    "truediv": ("itruediv", "fdiv"),        # int / int is a float (exact only below 2**53)
    "floordiv": ("ifloordiv", "ffloordiv"),  # floors toward -inf, as Python does
    "mod": ("imod", "fmod"),                # the sign of the divisor
    "pow": ("ipow", "fpow"),                # int ** negative int is a float: deopt
    "shl": ("ishl", "shift of a float"),
    "shr": ("ishr", "shift of a float"),
    "and": ("iand", "bitwise and on a float"),
    "or": ("ior", "bitwise or on a float"),
    "xor": ("ixor", "bitwise xor on a float"),
}
BITWISE = {"and", "or", "xor"}  # bool & bool is a bool
COMPARES = {"lt", "le", "eq", "ne", "gt", "ge"}
FLIPPED = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}

# Machine operations that can fail at run time and so keep their deopt point.
CHECKED = {"iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "ishl", "ishr",
           "fdiv", "ffloordiv", "fmod", "fpow", "ineg"}


class Unsupported(Exception):
    """No native form for these operand types; the front end leaves the code interpreted."""


def result_type(op: str, types: tuple[JType, ...]) -> JType:
    """The type of generic operation `op` (without `py.`) on operands of `types`."""
    return _machine(op, types)[1]


def _machine(op: str, types: tuple[JType, ...]) -> tuple[str, JType]:
    """(machine op, result type) for `op` on `types`; raises Unsupported."""
    if op in COMPARES:
        a, b = types
        if a is FLOAT and b is FLOAT:
            return f"fcmp.{op}", BOOL
        if a is FLOAT:
            return f"ifcmp.{FLIPPED[op]}", BOOL  # float OP int == int (flipped OP) float
        if b is FLOAT:
            return f"ifcmp.{op}", BOOL
        return f"icmp.{op}", BOOL
    if op == "not":
        return "not", BOOL
    if op == "neg":
        return ("fneg", FLOAT) if types[0] is FLOAT else ("ineg", INT)
    if op == "invert":
        if types[0] is FLOAT:
            raise Unsupported("~ of a float")
        return "iinvert", INT
    a, b = types
    if op in BITWISE and a is BOOL and b is BOOL:
        return f"b{op}", BOOL
    on_ints, on_floats = BINARY[op]
    if FLOAT in (a, b):
        if not on_floats.startswith("f"):
            raise Unsupported(on_floats)
        return on_floats, FLOAT
    return on_ints, FLOAT if op == "truediv" else INT


def run(fn):
    for block in fn.blocks:
        ops = []
        for op in block.ops:
            if op.opcode.startswith("py."):
                ops.extend(_specialize(fn, op))
            else:
                ops.append(op)
        block.ops = ops
    return fn


def _specialize(fn, op: Op) -> list[Op]:
    name = op.opcode[3:]
    types = tuple(a.type for a in op.args)
    machine, _ = _machine(name, types)
    out: list[Op] = []

    def convert(value, jtype):
        """`value` as `jtype`: bool → int, int (or bool) → float, number → truth."""
        if value.type is jtype:
            return value
        if jtype is BOOL:
            return _emit(fn, out, f"truth.{value.type}", [value], BOOL)
        if value.type is BOOL:
            value = _emit(fn, out, "btoi", [value], INT)
        if jtype is FLOAT and value.type is INT:
            value = _emit(fn, out, "itof", [value], FLOAT)
        return value

    if name == "not":
        operands = [convert(op.args[0], BOOL)]
    elif machine.startswith("b"):  # bool & bool
        operands = list(op.args)
    elif machine.startswith("ifcmp."):  # the int operand first
        a, b = op.args
        operands = [convert(b, INT), a] if a.type is FLOAT else [convert(a, INT), b]
    else:
        operand = FLOAT if machine.startswith("f") else INT
        operands = [convert(a, operand) for a in op.args]
    out.append(Op(machine, operands, op.result, op.deopt if machine in CHECKED else None))
    return out


def _emit(fn, out: list, opcode: str, args: list, jtype: JType):
    value = fn.new_value(jtype)
    out.append(Op(opcode, args, value))
    return value

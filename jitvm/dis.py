"""The disassembler: a code object as text, in the style of CPython's `dis`.

Every line is derived from the opcode table: the argument kind says how to show the argument
(the constant, the name, the jump target).  Offsets are instruction indices (jitvm's jumps are
by index).  `>>` marks jump targets; the exception table follows each code object.
"""

from __future__ import annotations

from .code import CodeObject
from .opcodes import COMPARE_OPS, OPCODES, Arg, Op


def _argrepr(code: CodeObject, op: Op, arg: int) -> str:
    kind = OPCODES[op].arg
    if kind is Arg.CONST:
        value = code.consts[arg]
        if isinstance(value, CodeObject):
            return f"<code object {value.name}, line {value.firstlineno}>"
        return repr(value)
    if kind is Arg.NAME:
        return code.names[arg]
    if kind is Arg.LOCAL:
        return code.varnames[arg]
    if kind is Arg.CELL:
        return (code.cellvars + code.freevars)[arg]
    if kind is Arg.JUMP:
        return f"to {arg}"
    if kind is Arg.CMP:
        return COMPARE_OPS[arg]
    if op in (Op.IS_OP, Op.CONTAINS_OP):
        return ("is", "is not")[arg] if op == Op.IS_OP else ("in", "not in")[arg]
    return ""


def disassemble(code: CodeObject, recursive: bool = True) -> str:
    lines: list[str] = []
    _disassemble_one(code, lines)
    if recursive:
        for const in code.consts:
            if isinstance(const, CodeObject):
                lines.append("")
                lines.append(disassemble(const, recursive=True))
    return "\n".join(lines)


def _disassemble_one(code: CodeObject, lines: list[str]):
    lines.append(f"Disassembly of <code object {code.name}, file \"{code.filename}\", "
                 f"line {code.firstlineno}>:")
    targets = {arg for op, arg in code.instructions if OPCODES[op].arg is Arg.JUMP}
    targets |= {entry.target for entry in code.exceptiontable}
    last_line = None
    for index, (op, arg) in enumerate(code.instructions):
        line = code.positions[index].lineno
        if line != last_line and line > 0:
            if last_line is not None:
                lines.append("")
            line_col = f"{line:>4}"
            last_line = line
        else:
            line_col = "    "
        marker = ">>" if index in targets else "  "
        has_arg = OPCODES[op].arg is not Arg.NONE
        text = f"{line_col}   {marker} {index:>4} {op.name:<24}"
        if has_arg:
            text += f"{arg:>4}"
            extra = _argrepr(code, op, arg)
            if extra:
                text += f" ({extra})"
        lines.append(text.rstrip())
    if code.exceptiontable:
        lines.append("ExceptionTable:")
        for entry in code.exceptiontable:
            lines.append(f"  {entry.start} to {entry.end - 1} -> {entry.target} "
                         f"[{entry.depth}]")

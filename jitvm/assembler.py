"""The assembler: an optimized instruction list → an immutable CodeObject.

In: a `CodeGen` (its `Instr`/`Label` list, scope and flags).  Out: a `CodeObject` whose
instructions have numeric arguments.  On the way:

1. the bytecode pass pipeline runs over the list (`jitvm.passes`), unless disabled;
2. stack-depth analysis walks every path (including into exception handlers, which are entered
   from their SETUP_* pseudo-instruction with the exception pushed) and checks that every
   instruction is reached with one consistent depth — a compiler bug otherwise;
3. pseudo-instructions are dropped, labels become indices, unconditional jumps become
   JUMP_BACKWARD when they go back (the interpreter counts those for hotness);
4. consecutive instructions protected by the same handler become one exception-table entry.
"""

from __future__ import annotations

import string
import sys
from typing import TYPE_CHECKING, Any

from .code import CodeFlags, CodeObject, ExceptionEntry, Handler, Instr, Label
from .opcodes import OPCODES, Arg, Flag, Op, SETUP_OPS

if TYPE_CHECKING:
    from .compiler import CodeGen


_NAME_CHARS = frozenset(string.ascii_letters + string.digits + "_")


class CompilerError(Exception):
    """The compiler produced inconsistent bytecode: an internal error of jitvm."""


def _const_key(value: Any):
    """Constants are shared by equality *and* type, keeping 0, 0.0, -0.0 and False apart."""
    if isinstance(value, (tuple, frozenset)):
        return (type(value), tuple(_const_key(v) for v in value))
    if isinstance(value, float):
        return (float, repr(value))
    if isinstance(value, complex):
        return (complex, repr(value))
    if isinstance(value, CodeObject):
        return (CodeObject, id(value))
    return (type(value), value)


def stack_depths(items: list) -> tuple[dict[int, int], int]:
    """Depth of the value stack before each reachable item (by list index), and the maximum.
    Sets `Handler.depth` for every reachable SETUP_* pseudo-instruction."""
    labels = {item: i for i, item in enumerate(items) if isinstance(item, Label)}
    depth_at: dict[int, int] = {}
    max_depth = 0
    work = [(0, 0)]
    while work:
        i, depth = work.pop()
        while i < len(items):
            seen = depth_at.get(i)
            if seen is not None:
                if seen != depth:
                    raise CompilerError(f"stack depth {depth} != {seen} at {items[i]!r} ({i})")
                break
            depth_at[i] = depth
            item = items[i]
            i += 1
            if isinstance(item, Label):
                continue
            if item.op in SETUP_OPS:
                # A with-block's handler also unwinds the __enter__() result on TOS.
                handler_depth = depth - 1 if item.op == Op.SETUP_WITH else depth
                item.arg.depth = handler_depth
                work.append((labels[item.arg.label], handler_depth + 1))
                max_depth = max(max_depth, handler_depth + 1)
                continue
            info = OPCODES[item.op]
            arg = item.arg if isinstance(item.arg, int) else 0
            if Flag.JUMP in info.flags:
                work.append((labels[item.arg], depth + info.effect(arg, jump=True)))
            pops = info.pops(arg) if callable(info.pops) else info.pops
            if pops > depth:
                raise CompilerError(f"stack underflow at {item!r} ({i - 1})")
            depth += info.effect(arg)
            max_depth = max(max_depth, depth)
            if Flag.TERMINAL in info.flags:
                break
    return depth_at, max_depth


def assemble(gen: CodeGen, optimize: bool = True) -> CodeObject:
    items = gen.instrs
    if optimize:
        from .passes import run_bytecode_pipeline
        items = run_bytecode_pipeline(items)
    _, max_depth = stack_depths(items)

    scope = gen.scope
    varnames = list(scope.varnames)
    cells = list(scope.cellvars) + list(scope.freevars)
    names: list[str] = []
    name_index: dict[str, int] = {}
    consts: list[Any] = []
    const_index: dict[Any, int] = {}

    # Drop pseudo-instructions and resolve labels to instruction indices.
    instrs: list[Instr] = []
    label_at: dict[Label, int] = {}
    for item in items:
        if isinstance(item, Label):
            label_at[item] = len(instrs)
        elif item.op not in SETUP_OPS:
            instrs.append(item)

    def numeric(index: int, ins: Instr) -> int:
        kind = OPCODES[ins.op].arg
        arg = ins.arg
        if kind is Arg.CONST:
            if type(arg) is str and _NAME_CHARS.issuperset(arg):
                arg = sys.intern(arg)  # as CPython interns name-like string constants
            key = _const_key(arg)
            if key not in const_index:
                const_index[key] = len(consts)
                consts.append(arg)
            return const_index[key]
        if kind is Arg.NAME:
            if arg not in name_index:
                name_index[arg] = len(names)
                names.append(arg)
            return name_index[arg]
        if kind is Arg.LOCAL:
            if arg not in varnames:
                varnames.append(arg)
            return varnames.index(arg)
        if kind is Arg.CELL:
            return cells.index(arg)
        if kind is Arg.JUMP:
            return label_at[arg]
        return 0 if arg is None else arg

    out: list[tuple[Op, int]] = []
    for index, ins in enumerate(instrs):
        arg = numeric(index, ins)
        op = ins.op
        if op in (Op.JUMP_FORWARD, Op.JUMP_BACKWARD):
            op = Op.JUMP_BACKWARD if arg <= index else Op.JUMP_FORWARD
        out.append((op, arg))

    table = _exception_table(instrs, label_at)
    total = gen.argcount + gen.kwonlyargcount
    total += bool(gen.flags & CodeFlags.VARARGS) + bool(gen.flags & CodeFlags.VARKEYWORDS)
    cell2arg = tuple((i, varnames.index(name)) for i, name in enumerate(scope.cellvars)
                     if name in varnames[:total])
    flags = gen.flags
    if not scope.freevars and not scope.cellvars:
        flags |= CodeFlags.NOFREE
    return CodeObject(
        name=gen.name, qualname=gen.qualname, filename=gen.compiler.filename,
        firstlineno=gen.firstlineno, flags=flags, argcount=gen.argcount,
        posonlyargcount=gen.posonlyargcount, kwonlyargcount=gen.kwonlyargcount,
        varnames=tuple(varnames), cellvars=tuple(scope.cellvars),
        freevars=tuple(scope.freevars), names=tuple(names), consts=tuple(consts),
        instructions=tuple(out), positions=tuple(ins.pos for ins in instrs),
        exceptiontable=table, stacksize=max_depth, cell2arg=cell2arg,
        docstring=gen.docstring)


def _exception_table(instrs: list[Instr], label_at: dict[Label, int]):
    entries = []
    start = 0
    for i in range(1, len(instrs) + 1):
        current: Handler | None = instrs[start].handler if start < len(instrs) else None
        if i == len(instrs) or instrs[i].handler is not current:
            # A handler never reached by the stack-depth walk protects only dead code.
            if current is not None and current.depth is not None:
                entries.append(ExceptionEntry(start, i, label_at[current.label], current.depth))
            start = i
    return tuple(entries)

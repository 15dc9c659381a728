"""Code objects and the compiler's instruction list.

Two forms of bytecode live here:

* `Instr` / `Label` lists: what the compiler emits and what the bytecode passes in
  `jitvm/passes/` rewrite.  Arguments are symbolic (the constant itself, a variable name, a
  `Label`), so a pass can fold, delete or move instructions without renumbering anything.
* `CodeObject`: the assembled, immutable result (see `jitvm/assembler.py`): instructions with
  numeric arguments, constant and name tables, a line table (one source position per
  instruction) and an exception table.  Counters and type feedback never live on a code object;
  the interpreter keeps them in side tables keyed by the code object.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, NamedTuple

from .opcodes import Op


class CodeFlags(enum.IntFlag):
    OPTIMIZED = 0x01  # locals are fast locals (a function), not a mapping
    NEWLOCALS = 0x02
    VARARGS = 0x04  # has *args
    VARKEYWORDS = 0x08  # has **kwargs
    NESTED = 0x10
    GENERATOR = 0x20
    NOFREE = 0x40
    COROUTINE = 0x100  # async def
    ASYNC_GENERATOR = 0x200  # async def with yield


class Position(NamedTuple):
    """Where an instruction comes from: lines and columns as in `ast` (columns 0-based)."""

    lineno: int
    end_lineno: int
    col: int
    end_col: int


NO_POSITION = Position(0, 0, -1, -1)


class ExceptionEntry(NamedTuple):
    """Instructions start..end-1 are protected by the handler at `target`, which is entered
    with the value stack cut back to `depth` items and the exception pushed."""

    start: int
    end: int
    target: int
    depth: int


@dataclass(frozen=True, eq=False)
class CodeObject:
    """An immutable unit of compiled code: a module, class body, function or comprehension."""

    name: str
    qualname: str
    filename: str
    firstlineno: int
    flags: CodeFlags
    argcount: int  # positional parameters, including positional-only ones
    posonlyargcount: int
    kwonlyargcount: int
    varnames: tuple[str, ...]  # fast locals; parameters first
    cellvars: tuple[str, ...]  # locals captured by inner functions
    freevars: tuple[str, ...]  # variables captured from enclosing functions
    names: tuple[str, ...]  # globals, attributes and names used by *_NAME instructions
    consts: tuple[Any, ...]
    instructions: tuple[tuple[Op, int], ...]
    positions: tuple[Position, ...]  # one per instruction
    exceptiontable: tuple[ExceptionEntry, ...]
    stacksize: int
    cell2arg: tuple[tuple[int, int], ...] = ()  # (cell index, argument index) pairs
    docstring: str | None = None

    def __post_init__(self):
        # Facts the call path needs on every call, derived once (IntFlag tests are slow).
        flags = self.flags
        derived = {
            "simple_args": not (flags & (CodeFlags.VARARGS | CodeFlags.VARKEYWORDS))
            and not self.kwonlyargcount,
            "unbound_locals": len(self.varnames) - self.argcount,
            "has_cells": bool(self.cellvars or self.freevars),
            "has_varargs": bool(flags & CodeFlags.VARARGS),
            "has_varkw": bool(flags & CodeFlags.VARKEYWORDS),
            # the parameters' locals: positional, keyword-only, *args, **kwargs
            "total_args": self.argcount + self.kwonlyargcount
            + bool(flags & CodeFlags.VARARGS) + bool(flags & CodeFlags.VARKEYWORDS),
            # the kind of object a call returns instead of running: see objects.SUSPENDABLE
            "generator": int(flags & (CodeFlags.GENERATOR | CodeFlags.COROUTINE
                                      | CodeFlags.ASYNC_GENERATOR)),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    @property
    def is_generator(self) -> bool:
        return bool(self.flags & CodeFlags.GENERATOR)

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.positions):
            return self.positions[index].lineno
        return self.firstlineno

    def handler_for(self, index: int) -> ExceptionEntry | None:
        """The innermost handler protecting instruction `index` (entries are innermost first)."""
        for entry in self.exceptiontable:
            if entry.start <= index < entry.end:
                return entry
        return None

    def walk(self):
        """This code object and every code object nested in its constants, depth first."""
        yield self
        for const in self.consts:
            if isinstance(const, CodeObject):
                yield from const.walk()

    def __repr__(self) -> str:
        return f"<code object {self.name} at {id(self):#x}, file {self.filename!r}, line {self.firstlineno}>"


# -- the compiler's instruction list -------------------------------------------------------------


class Label:
    """A jump target in an instruction list; resolved to an index by the assembler."""

    __slots__ = ("name",)
    _counter = 0

    def __init__(self, name: str | None = None):
        if name is None:
            Label._counter += 1
            name = f"L{Label._counter}"
        self.name = name

    def __repr__(self) -> str:
        return self.name


class Handler:
    """An exception handler: its entry label and the stack depth it unwinds to (computed by the
    assembler's stack-depth analysis from where its SETUP_* pseudo-instruction stands)."""

    __slots__ = ("label", "depth")

    def __init__(self, label: Label):
        self.label = label
        self.depth: int | None = None

    def __repr__(self) -> str:
        return f"handler {self.label}"


@dataclass(slots=True)
class Instr:
    """One instruction before assembly.  `arg` is symbolic: the constant itself for LOAD_CONST,
    a name for name and local ops, a Label for jumps, a Handler for SETUP_*, an int otherwise.
    `handler` is the exception handler protecting this instruction (None: none in this code)."""

    op: Op
    arg: Any = None
    pos: Position = NO_POSITION
    handler: Handler | None = None

    def __repr__(self) -> str:
        if self.arg is None:
            return self.op.name
        return f"{self.op.name} {self.arg!r}"


def format_instrs(items: list) -> str:
    """The text form of an instruction list: one instruction per line, labels flush left."""
    out = []
    for item in items:
        if isinstance(item, Label):
            out.append(f"{item.name}:")
        else:
            out.append(f"    {item!r}")
    return "\n".join(out)

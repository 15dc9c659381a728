"""The text form of the compiler's instruction list, and its parser.

In: text as printed by `jitvm.code.format_instrs`.  Out: a list of `Instr` and `Label` that
prints back to the same text, so that pass tests read `BEFORE text → AFTER text`:

    parse(text)           text → [Instr | Label]; format_instrs(parse(t)) == t for canonical t
    to_text(items, ...)   format_instrs, optionally with each instruction's line and handler

One item per line.  `NAME:` is a label; any other line is an instruction `OPNAME [ARG]`, its
argument read according to the opcode's argument kind (see `jitvm.opcodes.Arg`):

    const                a Python literal (`ast.literal_eval`): `LOAD_CONST (1, -2.5, 'x')`,
                         also Ellipsis, inf, nan and frozenset({...}) as repr'd; no
                         argument means None (format_instrs prints `LOAD_CONST None` bare)
    name / local / cell  a quoted string, as repr'd by format_instrs, or a bare identifier
    jump                 a label name; the same name is the same `Label` object
    handler              `handler NAME`: a `Handler` whose entry is label NAME (SETUP_*)
    anything else        an int

Two things format_instrs does not show can be written after ` ; ` at the end of an instruction
(and `to_text` prints them on request): `line N` (its position) and `handler NAME` (the
exception handler protecting it, named by its entry label: the same object as the one a SETUP_*
with that label carries).  Example: `    LOAD_CONST 1 ; line 3, handler L2`.

Indentation is free; blank lines and lines starting with `#` are ignored.
"""

from __future__ import annotations

import ast
import math
import re

from .code import NO_POSITION, Handler, Instr, Label, Position, format_instrs
from .opcodes import BY_NAME, Arg, Op

# ` ; line 3, handler L2` at the end of an instruction.  A string constant ends with a quote,
# so an annotation can never be confused with the tail of a constant.
_NOTE = r"(?:line\s+\d+|handler\s+\w+)"
_ANNOTATION = re.compile(rf"\s+;\s*({_NOTE}(?:\s*,\s*{_NOTE})*)\s*$")
_NAME_KINDS = (Arg.NAME, Arg.LOCAL, Arg.CELL)


class ParseError(ValueError):
    """Text that is not an instruction list; the message gives the line number."""


def line_position(lineno: int) -> Position:
    """The position `line N` stands for (no columns)."""
    return Position(lineno, lineno, -1, -1)


class _Parser:
    def __init__(self):
        self.labels: dict[str, Label] = {}
        self.handlers: dict[str, Handler] = {}

    def label(self, name: str) -> Label:
        if name not in self.labels:
            self.labels[name] = Label(name)
        return self.labels[name]

    def handler(self, name: str) -> Handler:
        """One Handler per entry label: SETUP_* and the instructions it protects share it."""
        if name not in self.handlers:
            self.handlers[name] = Handler(self.label(name))
        return self.handlers[name]

    def instruction(self, line: str) -> Instr:
        pos, handler = NO_POSITION, None
        match = _ANNOTATION.search(line)
        if match:
            line = line[:match.start()]
            for part in match.group(1).split(","):
                key, value = part.split()
                if key == "line":
                    pos = line_position(int(value))
                else:
                    handler = self.handler(value)
        opname, _, argtext = line.strip().partition(" ")
        info = BY_NAME.get(opname)
        if info is None:
            raise ValueError(f"unknown opcode {opname!r}")
        return Instr(Op[opname], self.argument(info.arg, argtext.strip()), pos, handler)

    def argument(self, kind: Arg, text: str):
        if kind is Arg.CONST:
            return _literal(text) if text else None
        if not text:
            if kind not in (Arg.NONE, Arg.COUNT, Arg.CMP, Arg.FLAGS):
                raise ValueError(f"a {kind.value} argument is required")
            return None
        if kind is Arg.NONE:
            raise ValueError("this opcode takes no argument")
        if kind in _NAME_KINDS:
            return ast.literal_eval(text) if text[0] in "'\"" else _identifier(text)
        if kind is Arg.JUMP:
            return self.label(_identifier(text))
        if kind is Arg.HANDLER:
            word, _, name = text.partition(" ")
            if word != "handler":
                raise ValueError(f"expected 'handler NAME', got {text!r}")
            return self.handler(_identifier(name.strip()))
        return int(text)


# Constants whose repr is a name, not a literal.
_NAMED = {"Ellipsis": ..., "inf": math.inf, "nan": math.nan}


def _literal(text: str):
    """`ast.literal_eval`, also reading the reprs of Ellipsis, inf, nan and frozensets."""
    return _value(ast.parse(text, mode="eval").body)


def _value(node: ast.expr):
    if isinstance(node, ast.Name) and node.id in _NAMED:
        return _NAMED[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    if isinstance(node, ast.Tuple):
        return tuple(_value(e) for e in node.elts)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "frozenset" and len(node.args) <= 1 and not node.keywords):
        arg = node.args[0] if node.args else ast.Tuple([])
        if not isinstance(arg, (ast.Set, ast.Tuple)):
            raise ValueError("frozenset() of a set display expected")
        return frozenset(_value(e) for e in arg.elts)
    return ast.literal_eval(node)


def _identifier(text: str) -> str:
    if not text.isidentifier():
        raise ValueError(f"expected a name, got {text!r}")
    return text


def parse(text: str) -> list:
    """Parse the text form of an instruction list (see the module docstring)."""
    parser = _Parser()
    items: list = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.endswith(":") and " " not in line:
                items.append(parser.label(_identifier(line[:-1])))
            else:
                items.append(parser.instruction(line))
        except (ValueError, TypeError, SyntaxError) as exc:
            raise ParseError(f"line {number}: {raw.strip()!r}: {exc}") from None
    return items


def to_text(items: list, lines: bool = False, handlers: bool = False) -> str:
    """`format_instrs(items)`, with ` ; line N` and ` ; handler NAME` annotations if asked."""
    out = []
    for item, text in zip(items, format_instrs(items).split("\n")):
        notes = []
        if isinstance(item, Instr):
            if lines and item.pos.lineno > 0:
                notes.append(f"line {item.pos.lineno}")
            if handlers and item.handler is not None:
                notes.append(f"handler {item.handler.label.name}")
        out.append(f"{text} ; {', '.join(notes)}" if notes else text)
    return "\n".join(out)

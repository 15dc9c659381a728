"""Read the JIT IR's text form back into a `JitFunction`, so pass tests read BEFORE → AFTER.

In: text as `format_function` prints it.  Out: a JitFunction with the same blocks, operations,
typed values, slots and deopt points; `format_function(parse_function(text)) == text` for
anything `format_function` printed.  What the text does not carry is stubbed: the code object
(a stand-in with the function's name), a deopt point's locals (empty: the passes treat every
slot named after a Python local as live anyway), global guards (their label only) and
compile-time constants on a deopt stack (by name) and entries such as list iterators (by
label and parts).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from .ir import Block, DeoptPoint, Guard, JitFunction, Op, Value
from .types import JType, Seq, jtype_of

_TYPES = {t.value: t for t in JType}
_HEADER = re.compile(r"function (?P<name>[\w.<>]+)\((?P<args>[^)]*)\) -> (?P<ret>\w+)"
                     r"(?: \[OSR entry at pc (?P<osr>\d+)(?:, fused into \w+\(\))?\])?$")
_BLOCK = re.compile(r"(?P<name>[\w.]+):\s*; pc (?P<pc>\d+)$")
_OP = re.compile(r"(?:%(?P<id>\d+):(?P<type>\w+) = )?(?P<opcode>[\w.]+)(?: (?P<args>\S.*?))?"
                 r"(?:  \[deopt#(?P<deopt>\d+) (?:(?P<raises>raise )|(?P<after>after call ))?at pc "
                 r"(?P<pc>\d+)"
                 r"(?:, stack (?P<stack>.*))?\])?$")
_TOKEN = re.compile(r"""\s*(?:(?P<paren>[()])|(?P<quoted>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<comma>,)"""
                    r"|(?P<word>[^\s,()]+))")


@dataclass(frozen=True)
class _CodeStub:
    """Stands in for the code object of a function read from text."""

    qualname: str
    filename: str = "<jit-ir>"


@dataclass(frozen=True)
class Named:
    """A compile-time constant on a deopt stack, known by name only (`None`, `print`)."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Composite:
    """A stack entry made of Values other than a range (a list iterator, a bound method...),
    known by its label and parts."""

    label: str
    values: tuple

    def parts(self):
        return list(self.values)


class ParseError(ValueError):
    pass


def parse_function(text: str) -> JitFunction:
    text = textwrap.dedent(text)
    lines = [line.rstrip() for line in text.strip("\n").splitlines() if line.strip()]
    header = _HEADER.match(lines[0].strip())
    if header is None:
        raise ParseError(f"line 1: expected 'function NAME(TYPES) -> TYPE': {lines[0]!r}")
    kinds = tuple(_kind(t.strip()) for t in header["args"].split(",") if t.strip())
    fn = JitFunction(header["name"], _CodeStub(header["name"]),
                     tuple(jtype_of(k) for k in kinds), return_type=_type(header["ret"]))
    if any(isinstance(k, Seq) for k in kinds):
        fn.arg_kinds = kinds  # a list argument with the guess of its elements: list[float]
    if header["osr"] is not None:
        fn.osr_entry = int(header["osr"])
    # Every value with its type first: a use may come before its definition in the text.
    values: dict[int, Value] = {}
    for line in lines[1:]:
        match = re.match(r"\s+%(\d+):(\w+) = ", line)
        if match:
            values[int(match[1])] = Value(int(match[1]), _type(match[2]))
    fn.next_value = max(values, default=-1) + 1
    deopts: dict[int, DeoptPoint] = {}
    block = None
    for number, line in enumerate(lines[1:], start=2):
        try:
            if not line.startswith(" "):
                match = _BLOCK.match(line)
                if match is None:
                    raise ParseError("expected a block label 'NAME:  ; pc N'")
                block = Block(match["name"], int(match["pc"]))
                fn.blocks.append(block)
                continue
            if block is None:
                raise ParseError("an operation before the first block")
            block.ops.append(_operation(fn, line.strip(), values, deopts))
        except (ParseError, KeyError, ValueError) as exc:
            raise ParseError(f"line {number}: {exc}: {line.strip()!r}") from None
    fn.deopts = [deopts[i] for i in sorted(deopts)]
    return fn


def _kind(text: str):
    """`int`, `list`, `list[float]`, `tuple[list[int]]`: a JType or a Seq."""
    match = re.fullmatch(r"(list|tuple)\[(.*)\]", text)
    if match:
        return Seq(_TYPES[match[1]], _kind(match[2]))
    return _type(text)


def _type(name: str) -> JType:
    if name not in _TYPES:
        raise ParseError(f"unknown type {name!r}")
    return _TYPES[name]


def _operation(fn: JitFunction, text: str, values: dict, deopts: dict) -> Op:
    match = _OP.match(text)
    if match is None:
        raise ParseError("not an operation")
    opcode = match["opcode"]
    tokens = _tokens(match["args"] or "")
    if opcode == "const":
        jtype = _type(tokens[0])
        word = tokens[1]
        value = {"int": int, "float": float, "bool": lambda w: w == "True"}[jtype.value](word)
        args = [jtype, value]
    else:
        args = [_argument(fn, token, values, opcode) for token in tokens]
    result = values[int(match["id"])] if match["id"] is not None else None
    deopt = None
    if match["deopt"] is not None:
        number = int(match["deopt"])
        stack = [_stack_entry(t, values) for t in _split_stack(match["stack"] or "")]
        deopt = deopts.setdefault(number, DeoptPoint(number, int(match["pc"]), [], stack,
                                                     bool(match["after"]),
                                                     raises=bool(match["raises"])))
    return Op(opcode, args, result, deopt)


def _tokens(text: str) -> list:
    """Split an argument list: words, quoted strings, and parenthesized lists (nested)."""
    out: list = []
    stack = [out]
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        if match["paren"] == "(":
            inner: list = []
            stack[-1].append(inner)
            stack.append(inner)
        elif match["paren"] == ")":
            stack.pop()
        elif match["quoted"] or match["word"]:
            stack[-1].append(match["quoted"] or match["word"])
    return out


def _argument(fn: JitFunction, token, values: dict, opcode: str):
    if isinstance(token, list):
        return [_argument(fn, t, values, opcode) for t in token]
    if token.startswith("%"):
        return values[int(token[1:])]
    if ":" in token and token.rsplit(":", 1)[1] in _TYPES:
        name, jtype = token.rsplit(":", 1)
        return fn.slot(name, _type(jtype))
    if token in _TYPES:
        return _TYPES[token]
    if opcode == "guard":
        guard = Guard(token, {}, None, token, None)
        fn.guards.append(guard)
        return guard
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    return token  # a block name, a callee's symbol, a libm function, an exit's reason


def _split_stack(text: str) -> list[str]:
    """`%1, iter(%2, %3, %4), None` → its entries."""
    entries, depth, current = [], 0, ""
    for char in text:
        if char == "," and depth == 0:
            entries.append(current.strip())
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    if current.strip():
        entries.append(current.strip())
    return entries


def _stack_entry(text: str, values: dict):
    if text.startswith("%"):
        return values[int(text[1:])]
    match = re.fullmatch(r"([\w.]+)\((.*)\)", text)
    if match:
        from .frontend import RangeArgs, RangeIter
        parts = [values[int(p.strip()[1:])] for p in match[2].split(",") if p.strip()]
        if match[1] in ("range", "iter"):
            return (RangeIter if match[1] == "iter" else RangeArgs)(*parts)
        return Composite(match[1], tuple(parts))
    return Named(text)

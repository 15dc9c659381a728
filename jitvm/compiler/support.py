"""Shared pieces of the code generator: errors, block kinds, positions, AST questions."""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass

from ..code import Label, NO_POSITION, Position
from ..opcodes import FV_ASCII, FV_REPR, FV_STR, Op


class UnsupportedError(Exception):
    """A construct jitvm recognises but does not run yet; reported like a SyntaxError."""

    def __init__(self, msg: str, filename: str, node: ast.AST):
        super().__init__(msg)
        self.msg = msg
        self.filename = filename
        self.lineno = getattr(node, "lineno", 0)
        self.offset = getattr(node, "col_offset", -1) + 1


# ast operator class → the opcode suffix shared by BINARY_* and INPLACE_* (see opcodes.BINARY_OPS).
_BINOP = {ast.Add: "ADD", ast.Sub: "SUBTRACT", ast.Mult: "MULTIPLY", ast.Div: "TRUE_DIVIDE",
          ast.FloorDiv: "FLOOR_DIVIDE", ast.Mod: "MODULO", ast.Pow: "POWER",
          ast.LShift: "LSHIFT", ast.RShift: "RSHIFT", ast.BitAnd: "AND", ast.BitOr: "OR",
          ast.BitXor: "XOR", ast.MatMult: "MATRIX_MULTIPLY"}
_UNARY = {ast.UAdd: Op.UNARY_POSITIVE, ast.USub: Op.UNARY_NEGATIVE, ast.Not: Op.UNARY_NOT,
          ast.Invert: Op.UNARY_INVERT}
_CMP = {ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!=", ast.Gt: ">", ast.GtE: ">="}
_CONVERSION = {-1: 0, ord("s"): FV_STR, ord("r"): FV_REPR, ord("a"): FV_ASCII}


class Block(enum.Enum):
    """What an enclosing statement needs undone when `break`, `continue` or `return` leaves it."""

    WHILE_LOOP = 1
    FOR_LOOP = 2  # the iterator is on the stack
    TRY_EXCEPT = 3
    FINALLY_TRY = 4  # the finally body must run
    FINALLY_END = 5  # inside a finally body run for an exception: [prev_exc, exc] on the stack
    WITH = 6  # __exit__ is on the stack and must be called
    HANDLER_CLEANUP = 7  # inside an except clause: [prev_exc] on the stack
    EXCEPTION_HANDLER = 8  # matching except clauses: [prev_exc, exc] on the stack
    POP_VALUE = 9  # a finally body run by `return`: the return value waits on the stack
    ASYNC_WITH = 10  # __aexit__ is on the stack and must be called and awaited


@dataclass
class FBlock:
    kind: Block
    handler_depth: int  # len(handler stack) outside this block
    top: Label | None = None  # continue target
    end: Label | None = None  # break target
    body: list | None = None  # the finally body, for FINALLY_TRY
    name: str | None = None  # the except clause's `as` name, for HANDLER_CLEANUP


def _position(node: ast.AST) -> Position:
    lineno = getattr(node, "lineno", None)
    if lineno is None:
        return NO_POSITION
    return Position(lineno, node.end_lineno or lineno, node.col_offset,
                    node.end_col_offset if node.end_col_offset is not None else -1)


def _mangle(private: str | None, name: str) -> str:
    """Private name mangling inside a class: `__x` → `_Class__x` (as CPython does)."""
    if private is None or not name.startswith("__") or name.endswith("__") or "." in name:
        return name
    stripped = private.lstrip("_")
    return f"_{stripped}{name}" if stripped else name


def _is_docstring(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


class _YieldFinder(ast.NodeVisitor):
    """Does a function body yield (not counting nested scopes)?"""

    found = False

    def visit_Yield(self, node):
        self.found = True

    visit_YieldFrom = visit_Yield

    def visit_FunctionDef(self, node):
        pass

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    def visit_GeneratorExp(self, node):
        # Only the first iterable is evaluated in this scope.
        self.visit(node.generators[0].iter)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp


def _is_async_comprehension(node) -> bool:
    """Does a comprehension iterate asynchronously or await (outside its first iterable)?"""
    if any(comp.is_async for comp in node.generators):
        return True
    parts = [getattr(node, name) for name in ("elt", "key", "value") if hasattr(node, name)]
    for i, comp in enumerate(node.generators):
        parts.extend(comp.ifs)
        if i:
            parts.append(comp.iter)
    return any(isinstance(sub, ast.Await) for part in parts for sub in _walk_scope(part))


def _walk_scope(node):
    """ast.walk, not descending into nested scopes."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                  ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                                  ast.GeneratorExp)):
            yield from _walk_scope(child)


def _has_yield(nodes) -> bool:
    finder = _YieldFinder()
    for node in nodes:
        finder.visit(node)
    return finder.found


def _statements(body):
    """Statements of a module or class body, including those nested in compound statements
    (but not in functions or classes): where a variable annotation makes __annotations__."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from _statements(getattr(stmt, field, ()))
        for handler in getattr(stmt, "handlers", ()):
            yield from _statements(handler.body)

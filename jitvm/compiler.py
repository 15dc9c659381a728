"""The front end: Python source → tokens → AST → jitvm bytecode.

`compile_source(source, filename)` parses with the standard `ast` module (whose tokenizer and
parser are CPython's own), analyses scopes with `symtable` (see `scopes.py`), and generates an
instruction list per code object; the bytecode passes (`jitvm/passes/`) rewrite it and the
assembler (`assembler.py`) turns it into an immutable `CodeObject`.

The layout of the generated code follows CPython 3.11's compiler where it can: loops keep a
single unconditional back-edge (JUMP_BACKWARD, which the interpreter counts for hotness), and
exceptions use an exception table built from SETUP_* pseudo-instructions rather than a runtime
block stack.
"""

from __future__ import annotations

import ast
import enum
import symtable
from dataclasses import dataclass

from . import assembler
from .code import CodeFlags, CodeObject, Handler, Instr, Label, NO_POSITION, Position
from .opcodes import (CF_KWARGS, COMPARE_OPS, FV_ASCII, FV_REPR, FV_SPEC, FV_STR,
                      MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS, Op)
from .scopes import Access, Scope


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


class CodeGen(ast.NodeVisitor):
    """Generates the instruction list of one code object."""

    def __init__(self, compiler: Compiler, scope: Scope, name: str, qualname: str,
                 firstlineno: int, private: str | None):
        self.compiler = compiler
        self.scope = scope
        self.name = name
        self.qualname = qualname
        self.firstlineno = firstlineno
        self.private = private
        self.instrs: list = []
        self.pos = NO_POSITION
        self.handlers: list[Handler] = []
        self.fblocks: list[FBlock] = []
        self.flags = CodeFlags(0)
        self.argcount = self.posonlyargcount = self.kwonlyargcount = 0
        self.docstring = None

    # -- emitting --------------------------------------------------------------------------------

    def emit(self, op: Op, arg=None):
        self.instrs.append(Instr(op, arg, self.pos, self.handlers[-1] if self.handlers else None))

    def label(self, label: Label):
        self.instrs.append(label)

    def push_handler(self, op: Op, label: Label) -> Handler:
        handler = Handler(label)
        self.emit(op, handler)
        self.handlers.append(handler)
        return handler

    def pop_handler(self):
        self.handlers.pop()

    def visit(self, node):
        saved = self.pos
        self.pos = _position(node)
        try:
            return super().visit(node)
        finally:
            self.pos = saved

    def generic_visit(self, node):
        raise UnsupportedError(f"{type(node).__name__} is not supported by jitvm yet",
                               self.compiler.filename, node)

    def unsupported(self, what: str, node: ast.AST):
        raise UnsupportedError(f"{what} is not supported by jitvm yet",
                               self.compiler.filename, node)

    def body(self, stmts):
        for stmt in stmts:
            self.visit(stmt)

    def assemble(self) -> CodeObject:
        return self.compiler.assemble(self)

    # -- names -------------------------------------------------------------------------------------

    def mangle(self, name: str) -> str:
        return _mangle(self.private, name)

    _NAME_OPS = {
        (Access.FAST, "load"): Op.LOAD_FAST, (Access.FAST, "store"): Op.STORE_FAST,
        (Access.FAST, "del"): Op.DELETE_FAST,
        (Access.DEREF, "load"): Op.LOAD_DEREF, (Access.DEREF, "store"): Op.STORE_DEREF,
        (Access.DEREF, "del"): Op.DELETE_DEREF,
        (Access.CLASSDEREF, "load"): Op.LOAD_CLASSDEREF,
        (Access.GLOBAL, "load"): Op.LOAD_GLOBAL, (Access.GLOBAL, "store"): Op.STORE_GLOBAL,
        (Access.GLOBAL, "del"): Op.DELETE_GLOBAL,
        (Access.NAME, "load"): Op.LOAD_NAME, (Access.NAME, "store"): Op.STORE_NAME,
        (Access.NAME, "del"): Op.DELETE_NAME,
    }

    def name_op(self, name: str, kind: str):
        name = self.mangle(name)
        access = self.scope.access(name, store=kind != "load")
        self.emit(self._NAME_OPS[access, kind], name)

    def load_name(self, name: str):
        self.name_op(name, "load")

    def store_name(self, name: str):
        self.name_op(name, "store")

    # -- statements --------------------------------------------------------------------------------

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant):
            self.emit(Op.NOP)  # keeps the line; constant expression statements do nothing
            return
        self.visit(node.value)
        self.emit(Op.POP_TOP)

    def visit_Pass(self, node):
        self.emit(Op.NOP)

    def visit_Global(self, node):
        pass

    visit_Nonlocal = visit_Global

    def visit_Assign(self, node):
        self.visit(node.value)
        for i, target in enumerate(node.targets):
            if i < len(node.targets) - 1:
                self.emit(Op.DUP_TOP)
            self.store_target(target)

    def store_target(self, target):
        saved = self.pos
        self.pos = _position(target)
        try:
            if isinstance(target, ast.Name):
                self.store_name(target.id)
            elif isinstance(target, ast.Attribute):
                self.visit(target.value)
                self.emit(Op.STORE_ATTR, self.mangle(target.attr))
            elif isinstance(target, ast.Subscript):
                self.visit(target.value)
                self.visit(target.slice)
                self.emit(Op.STORE_SUBSCR)
            elif isinstance(target, (ast.Tuple, ast.List)):
                self.unpack_into(target.elts, target)
            elif isinstance(target, ast.Starred):
                raise self.syntax_error("starred assignment target must be in a list or tuple",
                                        target)
            else:
                self.unsupported(f"assignment to {type(target).__name__}", target)
        finally:
            self.pos = saved

    def unpack_into(self, elts, target=None):
        starred = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
        if len(starred) > 1:
            raise self.syntax_error("multiple starred expressions in assignment",
                                    target or elts[starred[1]])
        if starred:
            i = starred[0]
            self.emit(Op.UNPACK_EX, i | ((len(elts) - i - 1) << 8))
        else:
            self.emit(Op.UNPACK_SEQUENCE, len(elts))
        for elt in elts:
            self.store_target(elt.value if isinstance(elt, ast.Starred) else elt)

    def visit_AugAssign(self, node):
        op = Op["INPLACE_" + _BINOP[type(node.op)]]
        target = node.target
        if isinstance(target, ast.Name):
            self.load_name(target.id)
            self.visit(node.value)
            self.emit(op)
            self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.emit(Op.DUP_TOP)
            self.emit(Op.LOAD_ATTR, self.mangle(target.attr))
            self.visit(node.value)
            self.emit(op)
            self.emit(Op.ROT_TWO)
            self.emit(Op.STORE_ATTR, self.mangle(target.attr))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(Op.DUP_TOP_TWO)
            self.emit(Op.BINARY_SUBSCR)
            self.visit(node.value)
            self.emit(op)
            self.emit(Op.ROT_THREE)
            self.emit(Op.STORE_SUBSCR)
        else:
            self.unsupported("this augmented assignment target", target)

    def visit_AnnAssign(self, node):
        target = node.target
        if node.value is not None:
            self.visit(node.value)
            self.store_target(target)
        if self.scope.is_function:
            return  # annotations of locals are never evaluated
        if isinstance(target, ast.Name) and node.simple:
            self.annotation(node.annotation)
            self.load_name("__annotations__")
            self.emit(Op.LOAD_CONST, self.mangle(target.id))
            self.emit(Op.STORE_SUBSCR)
        elif node.value is None:
            if isinstance(target, ast.Attribute):
                self.visit(target.value)
                self.emit(Op.POP_TOP)
            elif isinstance(target, ast.Subscript):
                self.visit(target.value)
                self.emit(Op.POP_TOP)
                self.visit(target.slice)
                self.emit(Op.POP_TOP)

    def annotation(self, node):
        if self.compiler.future_annotations:
            self.emit(Op.LOAD_CONST, ast.unparse(node))
        else:
            self.visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            self.delete_target(target)

    def delete_target(self, target):
        if isinstance(target, ast.Name):
            self.name_op(target.id, "del")
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.emit(Op.DELETE_ATTR, self.mangle(target.attr))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.emit(Op.DELETE_SUBSCR)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.delete_target(elt)

    def visit_If(self, node):
        end = Label()
        orelse = Label() if node.orelse else end
        self.jump_if(node.test, orelse, False)
        self.body(node.body)
        if node.orelse:
            self.emit(Op.JUMP_FORWARD, end)
            self.label(orelse)
            self.body(node.orelse)
        self.label(end)

    def visit_While(self, node):
        top, end, orelse = Label(), Label(), Label()
        self.label(top)
        self.fblocks.append(FBlock(Block.WHILE_LOOP, len(self.handlers), top=top, end=end))
        self.jump_if(node.test, orelse, False)
        self.body(node.body)
        self.emit(Op.JUMP_BACKWARD, top)
        self.fblocks.pop()
        self.label(orelse)
        self.body(node.orelse)
        self.label(end)

    def visit_For(self, node):
        top, cleanup, end = Label(), Label(), Label()
        self.visit(node.iter)
        self.emit(Op.GET_ITER)
        self.label(top)
        self.fblocks.append(FBlock(Block.FOR_LOOP, len(self.handlers), top=top, end=end))
        self.emit(Op.FOR_ITER, cleanup)
        self.store_target(node.target)
        self.body(node.body)
        self.emit(Op.JUMP_BACKWARD, top)
        self.fblocks.pop()
        self.label(cleanup)
        self.body(node.orelse)
        self.label(end)

    def visit_Break(self, node):
        loop = self.unwind(preserve_tos=False, stop_at_loop=True)
        if loop is None:
            raise self.syntax_error("'break' outside loop", node)
        if loop.kind is Block.FOR_LOOP:
            self.emit(Op.POP_TOP)
        self.emit(Op.JUMP_FORWARD, loop.end)
        self.restore_handlers()

    def visit_Continue(self, node):
        loop = self.unwind(preserve_tos=False, stop_at_loop=True)
        if loop is None:
            raise self.syntax_error("'continue' not properly in loop", node)
        self.emit(Op.JUMP_BACKWARD, loop.top)
        self.restore_handlers()

    def visit_Return(self, node):
        if not self.scope.is_function:
            raise self.syntax_error("'return' outside function", node)
        if node.value is not None and self.flags & CodeFlags.ASYNC_GENERATOR:
            raise self.syntax_error("'return' with value in async generator", node)
        if node.value is not None:
            self.visit(node.value)
        else:
            self.emit(Op.LOAD_CONST, None)
        self.unwind(preserve_tos=True, stop_at_loop=False)
        self.emit(Op.RETURN_VALUE)
        self.restore_handlers()

    def syntax_error(self, msg: str, node: ast.AST) -> SyntaxError:
        """A compile-time SyntaxError located like CPython's compiler_error: source line,
        start and end columns of `node`."""
        lines = self.compiler.source_lines
        text = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else None
        return SyntaxError(msg, (self.compiler.filename, node.lineno, node.col_offset + 1, text,
                                 node.end_lineno, (node.end_col_offset or 0) + 1))

    def unwind(self, preserve_tos: bool, stop_at_loop: bool) -> FBlock | None:
        """Emit the code that leaves enclosing blocks for break/continue/return.  Returns the
        innermost loop when `stop_at_loop`.  The handler stack is cut back as blocks are left;
        `restore_handlers` puts it back for the code that follows."""
        self._saved_handlers = list(self.handlers)
        saved_fblocks = list(self.fblocks)
        try:
            for fb in reversed(saved_fblocks):
                if stop_at_loop and fb.kind in (Block.WHILE_LOOP, Block.FOR_LOOP):
                    del self.handlers[fb.handler_depth:]
                    return fb
                self.unwind_block(fb, preserve_tos)
            return None
        finally:
            self.fblocks = saved_fblocks

    def restore_handlers(self):
        self.handlers = self._saved_handlers

    def unwind_block(self, fb: FBlock, preserve_tos: bool):
        del self.handlers[fb.handler_depth:]
        # While emitting a finally body for this exit, the blocks inside it no longer apply.
        self.fblocks = self.fblocks[:self.fblocks.index(fb)]
        kind = fb.kind
        if kind is Block.FOR_LOOP:
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.emit(Op.POP_TOP)
        elif kind is Block.FINALLY_TRY:
            saved = self._saved_handlers
            if preserve_tos:
                self.fblocks.append(FBlock(Block.POP_VALUE, len(self.handlers)))
            self.body(fb.body)
            if preserve_tos:
                self.fblocks.pop()
            self._saved_handlers = saved
        elif kind is Block.POP_VALUE:
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.emit(Op.POP_TOP)
        elif kind is Block.FINALLY_END:
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.emit(Op.POP_TOP)  # the exception
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.emit(Op.POP_EXCEPT)
        elif kind is Block.WITH or kind is Block.ASYNC_WITH:
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.call_exit_with_nones(kind is Block.ASYNC_WITH)
        elif kind is Block.HANDLER_CLEANUP:
            if preserve_tos:
                self.emit(Op.ROT_TWO)
            self.emit(Op.POP_EXCEPT)
            if fb.name is not None:
                self.clear_name(fb.name)
        elif kind is Block.EXCEPTION_HANDLER:
            if preserve_tos:
                self.emit(Op.ROT_THREE)
                self.emit(Op.POP_TOP)
            else:
                self.emit(Op.POP_TOP)
            self.emit(Op.POP_EXCEPT)

    def call_exit_with_nones(self, is_async: bool = False):
        for _ in range(3):
            self.emit(Op.LOAD_CONST, None)
        self.emit(Op.CALL_FUNCTION, 3)
        if is_async:
            self.await_tos()
        self.emit(Op.POP_TOP)

    def clear_name(self, name: str):
        self.emit(Op.LOAD_CONST, None)
        self.store_name(name)
        self.name_op(name, "del")

    def visit_Raise(self, node):
        n = 0
        if node.exc is not None:
            self.visit(node.exc)
            n = 1
            if node.cause is not None:
                self.visit(node.cause)
                n = 2
        self.emit(Op.RAISE_VARARGS, n)

    def visit_Assert(self, node):
        end = Label()
        self.jump_if(node.test, end, True)
        self.pos = _position(node.test)  # CPython reports a failed assert at its test
        self.emit(Op.LOAD_ASSERTION_ERROR)
        if node.msg is not None:
            self.visit(node.msg)
            self.emit(Op.CALL_FUNCTION, 1)
        self.emit(Op.RAISE_VARARGS, 1)
        self.label(end)

    # -- try / with --------------------------------------------------------------------------------

    def visit_Try(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    def visit_TryStar(self, node):
        self.unsupported("'except*'", node)

    def try_finally(self, node):
        end, final, cleanup = Label(), Label(), Label()
        depth = len(self.handlers)
        self.push_handler(Op.SETUP_FINALLY, final)
        self.fblocks.append(FBlock(Block.FINALLY_TRY, depth, body=node.finalbody))
        if node.handlers:
            self.try_except(node)
        else:
            self.body(node.body)
        self.fblocks.pop()
        self.pop_handler()
        self.body(node.finalbody)
        self.emit(Op.JUMP_FORWARD, end)
        # The exceptional path: [exc] → [prev_exc, exc], run the finally body, re-raise.
        self.label(final)
        self.push_handler(Op.SETUP_CLEANUP, cleanup)
        self.emit(Op.PUSH_EXC_INFO)
        self.fblocks.append(FBlock(Block.FINALLY_END, depth))
        self.body(node.finalbody)
        self.fblocks.pop()
        self.emit(Op.RERAISE)
        self.pop_handler()
        self.cleanup_handler(cleanup)
        self.label(end)

    def cleanup_handler(self, cleanup: Label):
        """[prev_exc, exc]: restore the previously handled exception and re-raise."""
        self.label(cleanup)
        self.emit(Op.ROT_TWO)
        self.emit(Op.POP_EXCEPT)
        self.emit(Op.RERAISE)

    def try_except(self, node):
        end, handler_label, cleanup = Label(), Label(), Label()
        depth = len(self.handlers)
        self.push_handler(Op.SETUP_FINALLY, handler_label)
        self.fblocks.append(FBlock(Block.TRY_EXCEPT, depth))
        self.body(node.body)
        self.fblocks.pop()
        self.pop_handler()
        self.body(node.orelse)
        self.emit(Op.JUMP_FORWARD, end)

        self.label(handler_label)  # [exc]
        self.push_handler(Op.SETUP_CLEANUP, cleanup)
        self.emit(Op.PUSH_EXC_INFO)  # [prev_exc, exc]
        for clause in node.handlers:
            self.pos = _position(clause)
            next_clause = Label()
            if clause.type is not None:
                self.fblocks.append(FBlock(Block.EXCEPTION_HANDLER, depth))
                self.visit(clause.type)
                self.fblocks.pop()
                self.emit(Op.CHECK_EXC_MATCH)
                self.emit(Op.POP_JUMP_IF_FALSE, next_clause)
            elif clause is not node.handlers[-1]:
                raise self.syntax_error("default 'except:' must be last", clause)
            if clause.name is not None:
                name_cleanup = Label()
                self.store_name(clause.name)  # [prev_exc]
                self.push_handler(Op.SETUP_CLEANUP, name_cleanup)
                self.fblocks.append(FBlock(Block.HANDLER_CLEANUP, depth, name=clause.name))
                self.body(clause.body)
                self.fblocks.pop()
                self.pop_handler()
                self.handlers_without_cleanup(depth, lambda: (
                    self.emit(Op.POP_EXCEPT), self.clear_name(clause.name)))
                self.emit(Op.JUMP_FORWARD, end)
                # An exception inside the clause: clear the name, then the common cleanup.
                self.label(name_cleanup)  # [prev_exc, exc2]
                self.clear_name(clause.name)
                self.emit(Op.RERAISE)
            else:
                self.emit(Op.POP_TOP)  # [prev_exc]
                self.fblocks.append(FBlock(Block.HANDLER_CLEANUP, depth))
                self.body(clause.body)
                self.fblocks.pop()
                self.handlers_without_cleanup(depth, lambda: self.emit(Op.POP_EXCEPT))
                self.emit(Op.JUMP_FORWARD, end)
            self.label(next_clause)
        self.emit(Op.RERAISE)  # no clause matched
        self.pop_handler()
        self.cleanup_handler(cleanup)
        self.label(end)

    def handlers_without_cleanup(self, depth: int, emit_code):
        saved = self.handlers
        self.handlers = saved[:depth]
        emit_code()
        self.handlers = saved

    def visit_With(self, node, index=0):
        self.with_block(node, index, is_async=False)

    def with_block(self, node, index: int, is_async: bool):
        item = node.items[index]
        exit_label, cleanup, end = Label(), Label(), Label()
        self.visit(item.context_expr)
        if is_async:
            self.emit(Op.BEFORE_ASYNC_WITH)  # [aexit, awaitable]
            self.await_tos()  # [aexit, value]
        else:
            self.emit(Op.BEFORE_WITH)  # [exit, value]
        depth = len(self.handlers)
        self.push_handler(Op.SETUP_WITH, exit_label)
        self.fblocks.append(FBlock(Block.ASYNC_WITH if is_async else Block.WITH, depth))
        if item.optional_vars is not None:
            self.store_target(item.optional_vars)
        else:
            self.emit(Op.POP_TOP)
        if index + 1 < len(node.items):
            self.with_block(node, index + 1, is_async)
        else:
            self.body(node.body)
        self.fblocks.pop()
        self.pop_handler()
        self.pos = _position(node)
        self.call_exit_with_nones(is_async)
        self.emit(Op.JUMP_FORWARD, end)
        # The exceptional path: [exit, exc] → ask __exit__ whether to suppress it.
        self.label(exit_label)
        self.push_handler(Op.SETUP_CLEANUP, cleanup)
        self.emit(Op.PUSH_EXC_INFO)  # [exit, prev_exc, exc]
        self.emit(Op.WITH_EXCEPT_START)  # [exit, prev_exc, exc, result]
        if is_async:
            self.await_tos()
        suppress = Label()
        self.emit(Op.POP_JUMP_IF_TRUE, suppress)
        self.emit(Op.RERAISE)
        self.label(suppress)
        self.pop_handler()
        self.emit(Op.POP_TOP)  # exc
        self.emit(Op.POP_EXCEPT)  # prev_exc
        self.emit(Op.POP_TOP)  # exit
        self.emit(Op.JUMP_FORWARD, end)
        self.cleanup_handler(cleanup)
        self.label(end)

    # -- coroutines ----------------------------------------------------------------------------
    # `await x` is `yield from` over x's awaitable iterator, as in CPython; the event loop sees
    # what the innermost awaitable yields.

    @property
    def is_async(self) -> bool:
        return bool(self.flags & (CodeFlags.COROUTINE | CodeFlags.ASYNC_GENERATOR))

    def await_tos(self):
        self.emit(Op.GET_AWAITABLE)
        self.emit(Op.LOAD_CONST, None)
        self.emit(Op.YIELD_FROM)

    def visit_Await(self, node):
        if not self.scope.is_function:
            raise self.syntax_error("'await' outside function", node)
        if not self.is_async:
            raise self.syntax_error("'await' outside async function", node)
        self.visit(node.value)
        self.await_tos()

    def require_async(self, node, what: str):
        if not self.is_async:
            raise self.syntax_error(f"{what} outside async function", node)

    def visit_AsyncFunctionDef(self, node):
        self.visit_FunctionDef(node)

    def visit_AsyncFor(self, node):
        self.require_async(node, "'async for'")
        top, end = Label(), Label()
        self.visit(node.iter)
        self.emit(Op.GET_AITER)
        self.async_for_loop(top, end, node.target,
                            lambda: self.body(node.body), Block.FOR_LOOP)
        self.body(node.orelse)
        self.label(end)

    def async_for_loop(self, top: Label, end: Label, target, body, kind: Block):
        """[aiter] → loop: await __anext__() until StopAsyncIteration; leaves [] after."""
        exhausted = Label()
        self.label(top)
        self.fblocks.append(FBlock(kind, len(self.handlers), top=top, end=end))
        self.push_handler(Op.SETUP_FINALLY, exhausted)
        self.emit(Op.GET_ANEXT)
        self.await_tos()
        self.pop_handler()
        self.store_target(target)
        body()
        self.emit(Op.JUMP_BACKWARD, top)
        self.fblocks.pop()
        self.label(exhausted)  # [aiter, exc]
        self.emit(Op.END_ASYNC_FOR)

    def visit_AsyncWith(self, node, index=0):
        self.require_async(node, "'async with'")
        self.with_block(node, index, is_async=True)

    def visit_Match(self, node):
        from .match import compile_match
        compile_match(self, node)

    # -- imports -----------------------------------------------------------------------------------

    def visit_Import(self, node):
        for alias in node.names:
            self.emit(Op.LOAD_CONST, 0)
            self.emit(Op.LOAD_CONST, None)
            self.emit(Op.IMPORT_NAME, alias.name)
            if alias.asname is not None:
                for part in alias.name.split(".")[1:]:
                    self.emit(Op.IMPORT_FROM, part)
                    self.emit(Op.ROT_TWO)
                    self.emit(Op.POP_TOP)
                self.store_name(alias.asname)
            else:
                self.store_name(alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        names = tuple(alias.name for alias in node.names)
        self.emit(Op.LOAD_CONST, node.level)
        self.emit(Op.LOAD_CONST, names)
        self.emit(Op.IMPORT_NAME, node.module or "")
        if names == ("*",):
            self.emit(Op.IMPORT_STAR)
            return
        for alias in node.names:
            self.emit(Op.IMPORT_FROM, alias.name)
            self.store_name(alias.asname or alias.name)
        self.emit(Op.POP_TOP)

    # -- functions and classes ---------------------------------------------------------------------

    def child_qualname(self, name: str) -> str:
        if self.scope.kind == "module":
            return name
        sym = self.scope.symbols.get(name)
        if sym is not None and sym.is_declared_global():
            return name
        if self.scope.is_function:
            return f"{self.qualname}.<locals>.{name}"
        return f"{self.qualname}.{name}"

    def visit_FunctionDef(self, node):
        for deco in node.decorator_list:
            self.visit(deco)
        self.make_function(node, node.name, node.args, node.body, node.returns)
        for _ in node.decorator_list:
            self.emit(Op.CALL_FUNCTION, 1)
        self.store_name(node.name)

    def visit_Lambda(self, node):
        self.make_function(node, "<lambda>", node.args, node.body, None)

    def make_function(self, node, name, args: ast.arguments, body, returns):
        flags = 0
        positional = args.posonlyargs + args.args
        if args.defaults:
            for default in args.defaults:
                self.visit(default)
            self.emit(Op.BUILD_TUPLE, len(args.defaults))
            flags |= MF_DEFAULTS
        kw_pairs = [(arg, d) for arg, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        if kw_pairs:
            for arg, default in kw_pairs:
                self.emit(Op.LOAD_CONST, self.mangle(arg.arg))
                self.visit(default)
            self.emit(Op.BUILD_MAP, len(kw_pairs))
            flags |= MF_KWDEFAULTS
        annotated = [(a.arg, a.annotation) for a in
                     positional + ([args.vararg] if args.vararg else []) + args.kwonlyargs
                     + ([args.kwarg] if args.kwarg else []) if a.annotation is not None]
        if returns is not None:
            annotated.append(("return", returns))
        if annotated:
            for arg_name, ann in annotated:
                self.emit(Op.LOAD_CONST, self.mangle(arg_name))
                self.annotation(ann)
            self.emit(Op.BUILD_MAP, len(annotated))
            flags |= MF_ANNOTATIONS

        table = self.scope.child(node, name if name != "<lambda>" else "lambda")
        gen = self.compiler.codegen(table, self.scope, name, self.child_qualname(name),
                                    node.lineno, self.private)
        gen.argcount = len(positional)
        gen.posonlyargcount = len(args.posonlyargs)
        gen.kwonlyargcount = len(args.kwonlyargs)
        gen.flags |= CodeFlags.OPTIMIZED | CodeFlags.NEWLOCALS
        if args.vararg:
            gen.flags |= CodeFlags.VARARGS
        if args.kwarg:
            gen.flags |= CodeFlags.VARKEYWORDS
        if isinstance(body, list):
            if body and _is_docstring(body[0]):
                gen.docstring = body[0].value.value
            if isinstance(node, ast.AsyncFunctionDef):
                gen.flags |= (CodeFlags.ASYNC_GENERATOR if _has_yield(body)
                              else CodeFlags.COROUTINE)
            elif _has_yield(body):
                gen.flags |= CodeFlags.GENERATOR
            gen.body(body[1:] if gen.docstring is not None else body)
            gen.pos = NO_POSITION
            gen.emit(Op.LOAD_CONST, None)
            gen.emit(Op.RETURN_VALUE)
        else:  # a lambda
            if _has_yield([body]):
                gen.flags |= CodeFlags.GENERATOR
            gen.visit(body)
            gen.pos = _position(body)
            gen.emit(Op.RETURN_VALUE)
        self.emit_make_function(gen.assemble(), flags)

    def emit_make_function(self, code: CodeObject, flags: int):
        if code.freevars:
            for name in code.freevars:
                self.emit(Op.LOAD_CLOSURE, name)
            self.emit(Op.BUILD_TUPLE, len(code.freevars))
            flags |= MF_CLOSURE
        self.emit(Op.LOAD_CONST, code)
        self.emit(Op.MAKE_FUNCTION, flags)

    def visit_ClassDef(self, node):
        for deco in node.decorator_list:
            self.visit(deco)
        self.emit(Op.LOAD_BUILD_CLASS)
        table = self.scope.child(node, node.name)
        qualname = self.child_qualname(node.name)
        gen = self.compiler.codegen(table, self.scope, node.name, qualname, node.lineno,
                                    node.name)
        gen.pos = _position(node)
        gen.emit(Op.LOAD_NAME, "__name__")
        gen.emit(Op.STORE_NAME, "__module__")
        gen.emit(Op.LOAD_CONST, qualname)
        gen.emit(Op.STORE_NAME, "__qualname__")
        body = node.body
        if body and _is_docstring(body[0]):
            gen.emit(Op.LOAD_CONST, body[0].value.value)
            gen.emit(Op.STORE_NAME, "__doc__")
            body = body[1:]
        if any(isinstance(s, ast.AnnAssign) for s in _statements(body)):
            gen.emit(Op.SETUP_ANNOTATIONS)
        gen.body(body)
        gen.pos = NO_POSITION
        if "__class__" in gen.scope.cellvars:
            gen.emit(Op.LOAD_CLOSURE, "__class__")
            gen.emit(Op.DUP_TOP)
            gen.emit(Op.STORE_NAME, "__classcell__")
        else:
            gen.emit(Op.LOAD_CONST, None)
        gen.emit(Op.RETURN_VALUE)
        self.emit_make_function(gen.assemble(), 0)
        self.emit(Op.LOAD_CONST, node.name)
        self.call_with(node.bases, node.keywords, extra=2)
        for _ in node.decorator_list:
            self.emit(Op.CALL_FUNCTION, 1)
        self.store_name(node.name)

    # -- expressions -------------------------------------------------------------------------------

    def visit_Constant(self, node):
        self.emit(Op.LOAD_CONST, node.value)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self.load_name(node.id)
        elif isinstance(node.ctx, ast.Store):
            self.store_name(node.id)
        else:
            self.name_op(node.id, "del")

    def visit_Attribute(self, node):
        self.visit(node.value)
        self.emit(Op.LOAD_ATTR, self.mangle(node.attr))

    def visit_Subscript(self, node):
        self.visit(node.value)
        self.visit(node.slice)
        self.emit(Op.BINARY_SUBSCR)

    def visit_Slice(self, node):
        n = 2
        for part in (node.lower, node.upper):
            if part is None:
                self.emit(Op.LOAD_CONST, None)
            else:
                self.visit(part)
        if node.step is not None:
            self.visit(node.step)
            n = 3
        self.emit(Op.BUILD_SLICE, n)

    def visit_BinOp(self, node):
        self.visit(node.left)
        self.visit(node.right)
        self.emit(Op["BINARY_" + _BINOP[type(node.op)]])

    def visit_UnaryOp(self, node):
        self.visit(node.operand)
        self.emit(_UNARY[type(node.op)])

    def visit_BoolOp(self, node):
        end = Label()
        jump = Op.JUMP_IF_FALSE_OR_POP if isinstance(node.op, ast.And) else Op.JUMP_IF_TRUE_OR_POP
        for value in node.values[:-1]:
            self.visit(value)
            self.emit(jump, end)
        self.visit(node.values[-1])
        self.label(end)

    def compare_op(self, op):
        if isinstance(op, (ast.Is, ast.IsNot)):
            self.emit(Op.IS_OP, int(isinstance(op, ast.IsNot)))
        elif isinstance(op, (ast.In, ast.NotIn)):
            self.emit(Op.CONTAINS_OP, int(isinstance(op, ast.NotIn)))
        else:
            self.emit(Op.COMPARE_OP, COMPARE_OPS.index(_CMP[type(op)]))

    def visit_Compare(self, node):
        self.visit(node.left)
        if len(node.ops) == 1:
            self.visit(node.comparators[0])
            self.compare_op(node.ops[0])
            return
        cleanup, end = Label(), Label()
        for op, comparator in zip(node.ops[:-1], node.comparators[:-1]):
            self.visit(comparator)
            self.emit(Op.DUP_TOP)
            self.emit(Op.ROT_THREE)
            self.compare_op(op)
            self.emit(Op.JUMP_IF_FALSE_OR_POP, cleanup)
        self.visit(node.comparators[-1])
        self.compare_op(node.ops[-1])
        self.emit(Op.JUMP_FORWARD, end)
        self.label(cleanup)
        self.emit(Op.ROT_TWO)
        self.emit(Op.POP_TOP)
        self.label(end)

    def jump_if(self, test, target: Label, when: bool):
        """Jump to `target` if `test` is `when`; short-circuits `not`, `and` and `or`."""
        saved = self.pos
        self.pos = _position(test)
        try:
            if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                return self.jump_if(test.operand, target, not when)
            if isinstance(test, ast.BoolOp):
                is_or = isinstance(test.op, ast.Or)
                if is_or == when:  # any one value decides the jump
                    for value in test.values:
                        self.jump_if(value, target, when)
                else:  # all values must agree to jump
                    skip = Label()
                    for value in test.values[:-1]:
                        self.jump_if(value, skip, not when)
                    self.jump_if(test.values[-1], target, when)
                    self.label(skip)
                return None
            self.visit(test)
            self.emit(Op.POP_JUMP_IF_TRUE if when else Op.POP_JUMP_IF_FALSE, target)
            return None
        finally:
            self.pos = saved

    def visit_IfExp(self, node):
        orelse, end = Label(), Label()
        self.jump_if(node.test, orelse, False)
        self.visit(node.body)
        self.emit(Op.JUMP_FORWARD, end)
        self.label(orelse)
        self.visit(node.orelse)
        self.label(end)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        self.emit(Op.DUP_TOP)
        self.store_target(node.target)

    def visit_Starred(self, node):
        raise self.syntax_error("can't use starred expression here", node)

    def sequence(self, elts, build: Op, extend: Op, append: Op, tuple_result=False):
        """Build a list/tuple/set display, unpacking `*items` where they appear."""
        if not any(isinstance(e, ast.Starred) for e in elts):
            for elt in elts:
                self.visit(elt)
            self.emit(build, len(elts))
            return
        plain = 0
        while not isinstance(elts[plain], ast.Starred):
            self.visit(elts[plain])
            plain += 1
        self.emit(Op.BUILD_LIST if tuple_result else build, plain)
        for elt in elts[plain:]:
            if isinstance(elt, ast.Starred):
                self.visit(elt.value)
                self.emit(extend, 1)
            else:
                self.visit(elt)
                self.emit(append, 1)
        if tuple_result:
            self.emit(Op.LIST_TO_TUPLE)

    def visit_Tuple(self, node):
        if isinstance(node.ctx, ast.Store):
            self.unpack_into(node.elts, node)
            return
        self.sequence(node.elts, Op.BUILD_TUPLE, Op.LIST_EXTEND, Op.LIST_APPEND,
                      tuple_result=True)

    def visit_List(self, node):
        if isinstance(node.ctx, ast.Store):
            self.unpack_into(node.elts, node)
            return
        self.sequence(node.elts, Op.BUILD_LIST, Op.LIST_EXTEND, Op.LIST_APPEND)

    def visit_Set(self, node):
        self.sequence(node.elts, Op.BUILD_SET, Op.SET_UPDATE, Op.SET_ADD)

    def visit_Dict(self, node):
        pending = 0
        built = False
        for key, value in zip(node.keys, node.values):
            if key is None:  # **mapping
                if pending or not built:
                    self.emit(Op.BUILD_MAP, pending)
                    if built:
                        self.emit(Op.DICT_UPDATE, 1)
                    built, pending = True, 0
                self.visit(value)
                self.emit(Op.DICT_UPDATE, 1)
            else:
                self.visit(key)
                self.visit(value)
                pending += 1
        if pending or not built:
            self.emit(Op.BUILD_MAP, pending)
            if built:
                self.emit(Op.DICT_UPDATE, 1)

    def visit_JoinedStr(self, node):
        if len(node.values) == 1 and isinstance(node.values[0], ast.FormattedValue):
            self.visit(node.values[0])
            return
        for value in node.values:
            self.visit(value)
        self.emit(Op.BUILD_STRING, len(node.values))

    def visit_FormattedValue(self, node):
        self.visit(node.value)
        flags = _CONVERSION[node.conversion]
        if node.format_spec is not None:
            self.visit(node.format_spec)
            flags |= FV_SPEC
        self.emit(Op.FORMAT_VALUE, flags)

    def visit_Yield(self, node):
        if not self.scope.is_function:
            raise self.syntax_error("'yield' outside function", node)
        if node.value is not None:
            self.visit(node.value)
        else:
            self.emit(Op.LOAD_CONST, None)
        self.emit(Op.YIELD_VALUE)

    def visit_YieldFrom(self, node):
        if not self.scope.is_function:
            raise self.syntax_error("'yield' outside function", node)
        self.visit(node.value)
        self.emit(Op.GET_YIELD_FROM_ITER)
        self.emit(Op.LOAD_CONST, None)
        self.emit(Op.YIELD_FROM)

    # -- calls -------------------------------------------------------------------------------------

    def visit_Call(self, node):
        func = node.func
        if (isinstance(func, ast.Name) and func.id == "super" and not node.args
                and not node.keywords and self.zero_arg_super()):
            return
        self.visit(func)
        self.call_with(node.args, node.keywords)

    def zero_arg_super(self) -> bool:
        """`super()` in a method: super(__class__, <first argument>), as CPython does."""
        if not self.scope.is_function or "__class__" not in self.scope.freevars:
            return False
        params = self.scope.table.get_parameters()
        if self.argcount == 0 and not (self.flags & CodeFlags.VARARGS):
            return False
        self.load_name("super")
        self.emit(Op.LOAD_DEREF, "__class__")
        first = params[0]
        if first in self.scope.cellvars:
            self.emit(Op.LOAD_DEREF, first)
        elif self.argcount:
            self.emit(Op.LOAD_FAST, first)
        else:  # def m(*args): super() uses args[0]
            self.emit(Op.LOAD_FAST, first)
            self.emit(Op.LOAD_CONST, 0)
            self.emit(Op.BINARY_SUBSCR)
        self.emit(Op.CALL_FUNCTION, 2)
        return True

    def call_with(self, args, keywords, extra=0):
        """Call the callable on the stack (with `extra` positional values already pushed)."""
        starred = any(isinstance(a, ast.Starred) for a in args)
        double = any(k.arg is None for k in keywords)
        if not starred and not double:
            for arg in args:
                self.visit(arg)
            if keywords:
                for kw in keywords:
                    self.visit(kw.value)
                self.emit(Op.LOAD_CONST, tuple(kw.arg for kw in keywords))
                self.emit(Op.CALL_FUNCTION_KW, extra + len(args) + len(keywords))
            else:
                self.emit(Op.CALL_FUNCTION, extra + len(args))
            return
        # General form: a tuple of positional arguments (or, for f(*x) alone, x itself: the call
        # checks it is iterable and names the function in its error) and a dict of keywords.
        if extra == 0 and len(args) == 1 and isinstance(args[0], ast.Starred):
            self.visit(args[0].value)
        else:
            self.emit(Op.BUILD_LIST, extra)
            for arg in args:
                if isinstance(arg, ast.Starred):
                    self.visit(arg.value)
                    self.emit(Op.LIST_EXTEND, 1)
                else:
                    self.visit(arg)
                    self.emit(Op.LIST_APPEND, 1)
            self.emit(Op.LIST_TO_TUPLE)
        flags = 0
        if keywords:
            flags = CF_KWARGS
            self.emit(Op.BUILD_MAP, 0)
            for kw in keywords:
                if kw.arg is None:
                    self.visit(kw.value)
                    self.emit(Op.DICT_MERGE, 1)
                else:
                    self.emit(Op.LOAD_CONST, kw.arg)
                    self.visit(kw.value)
                    self.emit(Op.BUILD_MAP, 1)
                    self.emit(Op.DICT_MERGE, 1)
        self.emit(Op.CALL_FUNCTION_EX, flags)

    # -- comprehensions ----------------------------------------------------------------------------

    _COMP_NAMES = {ast.ListComp: "listcomp", ast.SetComp: "setcomp", ast.DictComp: "dictcomp",
                   ast.GeneratorExp: "genexpr"}

    def comprehension(self, node):
        kind = self._COMP_NAMES[type(node)]
        table = self.scope.child(node, kind)
        name = f"<{kind}>"
        gen = self.compiler.codegen(table, self.scope, name, self.child_qualname(name),
                                    node.lineno, self.private)
        gen.argcount = 1
        gen.flags |= CodeFlags.OPTIMIZED | CodeFlags.NEWLOCALS
        gen.pos = _position(node)
        is_genexp = isinstance(node, ast.GeneratorExp)
        is_async = _is_async_comprehension(node)
        if is_async and is_genexp:
            gen.flags |= CodeFlags.ASYNC_GENERATOR
        elif is_async:
            if not self.is_async:
                raise self.syntax_error(
                    "asynchronous comprehension outside of an asynchronous function", node)
            gen.flags |= CodeFlags.COROUTINE
        elif is_genexp or _has_yield([node]):
            gen.flags |= CodeFlags.GENERATOR
        if not is_genexp:
            gen.emit({ast.ListComp: Op.BUILD_LIST, ast.SetComp: Op.BUILD_SET,
                      ast.DictComp: Op.BUILD_MAP}[type(node)], 0)
        gen.comprehension_loop(node, 0)
        gen.pos = _position(node)
        if is_genexp:
            gen.emit(Op.LOAD_CONST, None)
        gen.emit(Op.RETURN_VALUE)
        self.emit_make_function(gen.assemble(), 0)
        self.visit(node.generators[0].iter)
        self.emit(Op.GET_AITER if node.generators[0].is_async else Op.GET_ITER)
        self.emit(Op.CALL_FUNCTION, 1)
        if is_async and not is_genexp:
            self.await_tos()

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = comprehension

    def comprehension_loop(self, node, index: int):
        comp = node.generators[index]
        top, skip, end = Label(), Label(), Label()
        if index == 0:
            self.emit(Op.LOAD_FAST, ".0")
        else:
            self.visit(comp.iter)
            self.emit(Op.GET_AITER if comp.is_async else Op.GET_ITER)
        if comp.is_async:
            self.async_for_loop(top, end, comp.target,
                                lambda: self.comprehension_body(node, index, comp, skip),
                                Block.FOR_LOOP)
            self.label(end)
            return
        self.label(top)
        self.emit(Op.FOR_ITER, end)
        self.store_target(comp.target)
        self.comprehension_body(node, index, comp, skip)
        self.emit(Op.JUMP_BACKWARD, top)
        self.label(end)

    def comprehension_body(self, node, index: int, comp, skip: Label):
        """The ifs and the element of one `for` clause; `skip` ends this iteration."""
        for cond in comp.ifs:
            self.jump_if(cond, skip, False)
        if index + 1 < len(node.generators):
            self.comprehension_loop(node, index + 1)
        else:
            depth = len(node.generators) + 1
            self.pos = _position(node)
            if isinstance(node, ast.GeneratorExp):
                self.visit(node.elt)
                self.emit(Op.YIELD_VALUE)
                self.emit(Op.POP_TOP)
            elif isinstance(node, ast.DictComp):
                self.visit(node.key)
                self.visit(node.value)
                self.emit(Op.MAP_ADD, depth)
            else:
                self.visit(node.elt)
                self.emit(Op.LIST_APPEND if isinstance(node, ast.ListComp) else Op.SET_ADD,
                          depth)
        self.label(skip)


class Compiler:
    """Compiles one source file: owns the filename, the future flags and the pass pipeline."""

    def __init__(self, filename: str, optimize: bool = True, source: str = ""):
        self.filename = filename
        self.optimize = optimize
        self.source_lines = source.splitlines(True)
        self.future_annotations = False

    def codegen(self, table, parent, name, qualname, firstlineno, private) -> CodeGen:
        return CodeGen(self, Scope(table, parent), name, qualname, firstlineno, private)

    def assemble(self, gen: CodeGen) -> CodeObject:
        return assembler.assemble(gen, optimize=self.optimize)

    def compile_module(self, tree: ast.Module, source: str) -> CodeObject:
        for stmt in tree.body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
                if any(alias.name == "annotations" for alias in stmt.names):
                    self.future_annotations = True
        table = symtable.symtable(source, self.filename, "exec")
        gen = self.codegen(table, None, "<module>", "<module>", 1, None)
        body = tree.body
        if body and _is_docstring(body[0]):
            gen.pos = _position(body[0])
            gen.emit(Op.LOAD_CONST, body[0].value.value)
            gen.emit(Op.STORE_NAME, "__doc__")
            body = body[1:]
        if any(isinstance(s, ast.AnnAssign) for s in _statements(body)):
            gen.emit(Op.SETUP_ANNOTATIONS)
        gen.body(body)
        gen.pos = NO_POSITION
        gen.emit(Op.LOAD_CONST, None)
        gen.emit(Op.RETURN_VALUE)
        return gen.assemble()


    def compile_expression(self, tree: ast.Expression, source: str) -> CodeObject:
        table = symtable.symtable(source, self.filename, "eval")
        gen = self.codegen(table, None, "<module>", "<module>", 1, None)
        gen.visit(tree.body)
        gen.emit(Op.RETURN_VALUE)
        return gen.assemble()


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


def compile_source(source: str, filename: str = "<string>", optimize: bool = True,
                   mode: str = "exec") -> CodeObject:
    """Compile source to a jitvm code object: a module (`mode="exec"`) or an expression whose
    value the code returns (`mode="eval"`).  Raises SyntaxError (CPython's own, from the parser
    and symtable) or UnsupportedError."""
    tree = ast.parse(source, filename, mode)
    compiler = Compiler(filename, optimize, source)
    if mode == "eval":
        return compiler.compile_expression(tree, source)
    return compiler.compile_module(tree, source)

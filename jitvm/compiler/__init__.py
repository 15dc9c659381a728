"""The front end: Python source → tokens → AST → jitvm bytecode.

`compile_source(source, filename)` parses with the standard `ast` module (whose tokenizer and
parser are CPython's own), analyses scopes with `symtable` (see `scopes.py`), and generates an
instruction list per code object; the bytecode passes (`jitvm/passes/`) rewrite it and the
assembler (`assembler.py`) turns it into an immutable `CodeObject`.

The layout of the generated code follows CPython 3.11's compiler where it can: loops keep a
single unconditional back-edge (JUMP_BACKWARD, which the interpreter counts for hotness), and
exceptions use an exception table built from SETUP_* pseudo-instructions rather than a runtime
block stack.

The code generator is one class, `CodeGen`, assembled from mixins by concern:
`statements.py`, `blocks.py` (try/with/async/functions/classes) and `expressions.py`;
`support.py` holds what they share.
"""

from __future__ import annotations

import ast
import symtable

from .. import assembler
from ..code import CodeFlags, CodeObject, Handler, Instr, Label, NO_POSITION
from ..opcodes import Op
from ..scopes import Access, Scope
from . import syntax_warnings
from .blocks import BlockCompiler
from .expressions import ExpressionCompiler
from .statements import StatementCompiler
from .support import (FBlock, UnsupportedError, _is_docstring, _mangle, _position,
                      _statements)

__all__ = ["CodeGen", "Compiler", "UnsupportedError", "compile_source"]


class CodeGen(StatementCompiler, BlockCompiler, ExpressionCompiler, ast.NodeVisitor):
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

    def namespace_body(self, body):
        """A module's or class's body: `__doc__` from a docstring, `__annotations__` when
        there are variable annotations, then the statements."""
        if body and _is_docstring(body[0]):
            self.pos = _position(body[0])
            self.emit(Op.LOAD_CONST, body[0].value.value)
            self.emit(Op.STORE_NAME, "__doc__")
            body = body[1:]
        if any(isinstance(s, ast.AnnAssign) for s in _statements(body)):
            self.emit(Op.SETUP_ANNOTATIONS)
        self.body(body)

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
        gen.namespace_body(tree.body)
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


def compile_source(source: str, filename: str = "<string>", optimize: bool = True,
                   mode: str = "exec", warned: list | None = None) -> CodeObject:
    """Compile source to a jitvm code object: a module (`mode="exec"`) or an expression whose
    value the code returns (`mode="eval"`).  Raises SyntaxError (CPython's own, from the parser
    and symtable) or UnsupportedError.  CPython's compile-time SyntaxWarnings are shown (and
    added to `warned` as (lineno, message))."""
    tree = ast.parse(source, filename, mode)
    found = syntax_warnings.emit(tree, filename)
    if warned is not None:
        warned.extend(found)
    compiler = Compiler(filename, optimize, source)
    if mode == "eval":
        return compiler.compile_expression(tree, source)
    return compiler.compile_module(tree, source)

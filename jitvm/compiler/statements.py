"""Statements: assignments, control flow, loops, leaving blocks (break/continue/return),
raise, assert, imports."""

from __future__ import annotations

import ast

from ..code import CodeFlags, Label
from ..opcodes import Op
from .support import _BINOP, Block, FBlock, _position


class StatementCompiler:
    """Methods of CodeGen (see compiler/__init__.py); `self` is the CodeGen."""

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
        # As in CPython, reading and storing the target are at the target's position (a
        # traceback's carets), the operation at the whole statement's.
        op = Op["INPLACE_" + _BINOP[type(node.op)]]
        target = node.target
        statement_pos, target_pos = self.pos, _position(target)
        if isinstance(target, ast.Name):
            self.pos = target_pos
            self.load_name(target.id)
            self.pos = statement_pos
            self.visit(node.value)
            self.emit(op)
            self.pos = target_pos
            self.store_name(target.id)
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)
            self.pos = target_pos
            self.emit(Op.DUP_TOP)
            self.emit(Op.LOAD_ATTR, self.mangle(target.attr))
            self.pos = statement_pos
            self.visit(node.value)
            self.emit(op)
            self.pos = target_pos
            self.emit(Op.ROT_TWO)
            self.emit(Op.STORE_ATTR, self.mangle(target.attr))
        elif isinstance(target, ast.Subscript):
            self.visit(target.value)
            self.visit(target.slice)
            self.pos = target_pos
            self.emit(Op.DUP_TOP_TWO)
            self.emit(Op.BINARY_SUBSCR)
            self.pos = statement_pos
            self.visit(node.value)
            self.emit(op)
            self.pos = target_pos
            self.emit(Op.ROT_THREE)
            self.emit(Op.STORE_SUBSCR)
        else:
            self.unsupported("this augmented assignment target", target)
        self.pos = statement_pos

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
        compare = _last_jump_compare(node.test)
        if compare is not None:
            self.pos = _position(compare)
        self.emit(Op.LOAD_ASSERTION_ERROR)
        if node.msg is not None:
            self.visit(node.msg)
            self.emit(Op.CALL_FUNCTION, 1)
        self.emit(Op.RAISE_VARARGS, 1)
        self.label(end)

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


def _last_jump_compare(test):
    """Where CPython 3.11 reports a failed `assert`: its compiler, branching on a comparison,
    leaves that comparison's location set for the instructions after it (the raise); the
    last one it branched on counts, through `not`, `and`/`or` and `if`-`else`.  With none,
    the failure is at the whole statement."""
    if isinstance(test, ast.Compare):
        return test
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _last_jump_compare(test.operand)
    parts = (test.values if isinstance(test, ast.BoolOp)
             else (test.test, test.body, test.orelse) if isinstance(test, ast.IfExp) else ())
    found = None
    for part in parts:
        found = _last_jump_compare(part) or found
    return found

"""Statements that open blocks or scopes: try/except/finally, with, the async forms,
functions, lambdas and classes."""

from __future__ import annotations

import ast

from ..code import CodeFlags, CodeObject, Label, NO_POSITION
from ..opcodes import MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS, Op
from .support import Block, FBlock, _has_yield, _is_docstring, _position


class BlockCompiler:
    """Methods of CodeGen (see compiler/__init__.py); `self` is the CodeGen."""

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
        gen.namespace_body(node.body)
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

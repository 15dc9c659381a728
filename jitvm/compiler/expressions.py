"""Expressions: operators, comparisons, displays, f-strings, calls and comprehensions."""

from __future__ import annotations

import ast

from ..code import CodeFlags, Label
from ..opcodes import CF_KWARGS, COMPARE_OPS, FV_SPEC, Op
from .support import (_BINOP, _CMP, _CONVERSION, _UNARY, Block, _has_yield,
                      _is_async_comprehension, _position)


class ExpressionCompiler:
    """Methods of CodeGen (see compiler/__init__.py); `self` is the CodeGen."""

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
            if isinstance(test, ast.Constant):  # `while True:` tests nothing, as in CPython
                if bool(test.value) == when:
                    self.emit(Op.JUMP_FORWARD, target)
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

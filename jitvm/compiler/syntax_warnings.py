"""The SyntaxWarnings CPython 3.11's compiler emits while compiling a module (compile.c's
check_compare, compiler_assert and check_caller), so stderr matches CPython's.

In: a module's AST and its file name.  Out: `warnings.warn_explicit(msg, SyntaxWarning,
filename, lineno)` for each `is`/`is not` with a literal operand, `assert` of a non-empty tuple
and call of a literal display, in the order CPython's compiler meets them; and the list of
(lineno, msg), which the bytecode cache keeps: a script run again from the cache warns again,
as CPython, which compiles the script it runs every time, does.  CPython looks at the AST after
constant folding, so an operand counts as a literal when folding makes it a constant other
than None, True, False or `...` (`-1`, `(1, 2)`, `2 * 3`).
"""

from __future__ import annotations

import ast
import warnings

_SINGLETONS = (None, True, False, Ellipsis)

# The type CPython's compiler names in "'X' object is not callable" (compile.c's infer_type).
_DISPLAY_TYPES = {ast.Tuple: "tuple", ast.List: "list", ast.ListComp: "list", ast.Dict: "dict",
                  ast.DictComp: "dict", ast.Set: "set", ast.SetComp: "set",
                  ast.GeneratorExp: "generator", ast.JoinedStr: "str",
                  ast.FormattedValue: "str"}


def _folds(node) -> bool:
    """Whether the AST optimizer turns `node` into a constant."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return _folds(node.operand)
    if isinstance(node, ast.BinOp):
        return _folds(node.left) and _folds(node.right)
    if isinstance(node, ast.Tuple):
        return all(_folds(e) for e in node.elts)
    return False


def _literal(node) -> bool:
    """An operand check_is_arg rejects: a folded constant that is not a named singleton."""
    if isinstance(node, ast.Constant):
        return not any(node.value is s for s in _SINGLETONS)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return False  # folds to True or False
    return _folds(node)


def _exits_through(body) -> int:
    """How many `return`/`break`/`continue` in `body` leave a `try` (not counting those in
    nested functions, or a `break`/`continue` of a loop inside it): CPython's compiler
    copies the `finally` block to each of them."""
    count = 0
    stack = [(node, False) for node in body]
    while stack:
        node, in_loop = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Return) or (isinstance(node, (ast.Break, ast.Continue))
                                            and not in_loop):
            count += 1
        loop = isinstance(node, (ast.For, ast.AsyncFor, ast.While))
        for field, value in ast.iter_fields(node):
            inner = in_loop or (loop and field == "body")
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, ast.AST):
                    stack.append((child, inner))
    return count


class _Checker(ast.NodeVisitor):
    """Visits in the order CPython's compiler emits code (where it differs from the AST's)."""

    def __init__(self, annotations: bool):
        self.found = []
        self.annotations = annotations  # evaluated (no `from __future__ import annotations`)

    def warn(self, node, message: str):
        self.found.append((node.lineno, message))

    def visit_all(self, *nodes):
        for node in nodes:
            for child in node if isinstance(node, list) else [node]:
                if child is not None:
                    self.visit(child)

    def visit_arguments(self, node):
        self.visit_all(node.defaults, node.kw_defaults)
        if self.annotations:
            for arg in node.posonlyargs + node.args + [node.vararg] + node.kwonlyargs \
                    + [node.kwarg]:
                if arg is not None:
                    self.visit_all(arg.annotation)

    def visit_FunctionDef(self, node):
        self.visit_all(node.decorator_list, node.args)
        if self.annotations:
            self.visit_all(node.returns)
        self.visit_all(node.body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.visit_all(node.args, node.body)

    def visit_ClassDef(self, node):
        # the body is compiled before the bases are evaluated
        self.visit_all(node.decorator_list, node.body, node.bases, node.keywords)

    def visit_Assign(self, node):
        self.visit_all(node.value, node.targets)

    def visit_For(self, node):
        self.visit_all(node.iter, node.target, node.body, node.orelse)

    visit_AsyncFor = visit_For

    def visit_Try(self, node):
        self.visit_all(node.body, node.handlers, node.orelse)
        # the finally block is compiled for the normal path, the exception path and every
        # return/break/continue leaving the try
        copies = 2 + _exits_through(node.body + node.handlers + node.orelse) if node.finalbody \
            else 0
        for _ in range(copies):
            self.visit_all(node.finalbody)

    def _comprehension(self, node, *results):
        first, *rest = node.generators
        self.visit_all(first.target, first.ifs)
        for gen in rest:
            self.visit_all(gen.iter, gen.target, gen.ifs)
        self.visit_all(*results)
        self.visit_all(first.iter)  # evaluated in the enclosing scope, after the code is made

    def visit_ListComp(self, node):
        self._comprehension(node, node.elt)

    visit_SetComp = visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        self._comprehension(node, node.key, node.value)

    def visit_Compare(self, node):
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            if isinstance(op, (ast.Is, ast.IsNot)) and (_literal(left) or _literal(right)):
                self.warn(node, '"is" with a literal. Did you mean "=="?' if isinstance(op, ast.Is)
                          else '"is not" with a literal. Did you mean "!="?')
                break  # one warning per comparison, as check_compare returns after it
            left = right
        self.generic_visit(node)

    def visit_Assert(self, node):
        test = node.test
        if isinstance(test, ast.Tuple) and test.elts:
            self.warn(node, "assertion is always true, perhaps remove parentheses?")
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        name = (type(func.value).__name__ if isinstance(func, ast.Constant)
                else _DISPLAY_TYPES.get(type(func)))
        if name is not None:
            self.warn(node, f"'{name}' object is not callable; perhaps you missed a comma?")
        self.generic_visit(node)


def emit(tree: ast.AST, filename: str) -> list[tuple[int, str]]:
    """Emit CPython's compile-time SyntaxWarnings for `tree`; returns them (lineno, message)."""
    future = any(isinstance(node, ast.ImportFrom) and node.module == "__future__"
                 and any(alias.name == "annotations" for alias in node.names)
                 for node in (tree.body if isinstance(tree, ast.Module) else ()))
    checker = _Checker(annotations=not future)
    checker.visit(tree)
    show(checker.found, filename)
    return checker.found


def show(found, filename: str) -> None:
    for lineno, message in found:
        warnings.warn_explicit(message, SyntaxWarning, filename, lineno)

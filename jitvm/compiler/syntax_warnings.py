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


class _Checker(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def warn(self, node, message: str):
        self.found.append((node.lineno, message))

    def visit_FunctionDef(self, node):
        # the compiler evaluates decorators, defaults and annotations before the body
        for field in ("decorator_list", "args", "returns", "body"):
            value = getattr(node, field)
            for child in value if isinstance(value, list) else [value]:
                if child is not None:
                    self.visit(child)

    visit_AsyncFunctionDef = visit_FunctionDef

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
    checker = _Checker()
    checker.visit(tree)
    show(checker.found, filename)
    return checker.found


def show(found, filename: str) -> None:
    for lineno, message in found:
        warnings.warn_explicit(message, SyntaxWarning, filename, lineno)

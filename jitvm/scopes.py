"""Scope analysis: which instruction reads and writes each name.

CPython's own scope analysis is exposed by the standard `symtable` module; jitvm uses it as is
and derives what `symtable` leaves implicit: cell variables (locals captured by an inner scope),
variables passed through a class body to its methods, and the implicit `__class__` cell that
zero-argument `super()` needs.  In: a symtable for a module.  Out: a `Scope` per code object
that says, for each name, which family of instructions accesses it.
"""

from __future__ import annotations

import ast
import enum
import symtable


class Access(enum.Enum):
    FAST = "fast"  # function local: LOAD_FAST / STORE_FAST
    DEREF = "deref"  # cell or free variable: LOAD_DEREF / STORE_DEREF
    GLOBAL = "global"  # LOAD_GLOBAL / STORE_GLOBAL
    NAME = "name"  # module and class bodies: LOAD_NAME / STORE_NAME
    CLASSDEREF = "classderef"  # a class body reading a variable of an enclosing function


class Scope:
    """The names of one code object and how each is accessed."""

    def __init__(self, table: symtable.SymbolTable, parent: Scope | None):
        self.table = table
        self.parent = parent
        self.kind = table.get_type()  # "module", "class" or "function" (3.11: a str enum)
        self.is_function = self.kind == "function"
        self.is_class = self.kind == "class"
        self._children: dict[tuple[str, int], list[symtable.SymbolTable]] = {}
        self._by_node: dict[int, symtable.SymbolTable] = {}
        for child in table.get_children():
            self._children.setdefault((child.get_name(), child.get_lineno()), []).append(child)

        symbols = _symbols(table)
        self.symbols = symbols
        child_frees: set[str] = set()
        for child in table.get_children():
            if child.get_type() == "function" or child.get_type() == "class":
                child_frees.update(_frees(child))

        if self.is_function:
            params = list(table.get_parameters())
            others = [n for n, s in symbols.items() if s.is_local() and n not in params]
            self.varnames = params + others
            self.cellvars = [n for n in self.varnames if n in child_frees
                             and not symbols[n].is_global()]
            self.freevars = [n for n, s in symbols.items() if s.is_free()]
        else:
            self.varnames = []
            self.cellvars = []
            self.freevars = [n for n, s in symbols.items() if s.is_free()]
            if self.is_class:
                if "__class__" in child_frees:
                    self.cellvars.append("__class__")
                # A variable of an enclosing function that a method uses passes through the
                # class body as a free variable, even where the class body binds that name too.
                for name in sorted(child_frees):
                    if name != "__class__" and name not in self.freevars:
                        self.freevars.append(name)
        self._cell_names = set(self.cellvars) | set(self.freevars)

    def child(self, node, name: str) -> symtable.SymbolTable:
        """The symbol table of the nested scope that `node` creates.  Tables are matched to
        nodes by name and line, in source order; a node compiled twice (a finally body is
        emitted once per exit path) gets the same table again."""
        table = self._by_node.get(id(node))
        if table is None:
            # symtable's order is not always the compiler's (a dict display's keys come before
            # its values, an assignment's targets before its value): among the tables of that
            # name and line, take the first that fits the node's parameters and names.
            candidates = self._children[(name, node.lineno)]
            params, names = _parameters(node), _own_names(node)
            chosen = next((t for t in candidates if _fits(t, params, names)), candidates[0])
            candidates.remove(chosen)
            table = self._by_node[id(node)] = chosen
        return table

    def access(self, name: str, store: bool = False) -> Access:
        sym = self.symbols.get(name)
        if self.is_function:
            if name in self._cell_names:
                return Access.DEREF
            if sym is None or sym.is_global():
                return Access.GLOBAL
            return Access.FAST
        if self.is_class:
            if sym is not None and sym.is_declared_global():
                return Access.GLOBAL
            if name in self.freevars and (sym is None or not sym.is_local()):
                return Access.DEREF if store else Access.CLASSDEREF
            return Access.NAME
        if sym is not None and sym.is_declared_global():
            return Access.GLOBAL
        return Access.NAME


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _parameters(node) -> set[str]:
    if isinstance(node, _FUNCTIONS):
        a = node.args
        every = a.posonlyargs + a.args + a.kwonlyargs + [v for v in (a.vararg, a.kwarg) if v]
        return {arg.arg for arg in every}
    if isinstance(node, _COMPREHENSIONS):
        return {".0"}
    return set()


def _outer_parts(node) -> list:
    """The parts of a scope-creating node that are evaluated in the enclosing scope
    (annotations left out: with `from __future__ import annotations` they are not)."""
    if isinstance(node, _FUNCTIONS):
        parts = node.args.defaults + [d for d in node.args.kw_defaults if d is not None]
        return parts + getattr(node, "decorator_list", [])
    if isinstance(node, ast.ClassDef):
        return node.bases + [k.value for k in node.keywords] + node.decorator_list
    return [node.generators[0].iter]


def _own_names(node) -> set[str]:
    """Names that a scope-creating node's own body reads or writes as plain names: each is a
    symbol of its table.  (A private `__name` is left out: symtable holds it mangled.)"""
    if isinstance(node, _FUNCTIONS + (ast.ClassDef,)):
        roots = node.body if isinstance(node.body, list) else [node.body]
    else:
        gens = node.generators
        roots = ([g.target for g in gens] + [g.iter for g in gens[1:]]
                 + [cond for g in gens for cond in g.ifs])
        roots += [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
    names = set()
    todo = list(roots)
    while todo:
        n = todo.pop()
        if isinstance(n, ast.Name):
            if not (n.id.startswith("__") and not n.id.endswith("__")):
                names.add(n.id)
        elif isinstance(n, _FUNCTIONS + _COMPREHENSIONS + (ast.ClassDef,)):
            todo.extend(_outer_parts(n))
            continue
        todo.extend(ast.iter_child_nodes(n))
    return names


def _fits(table: symtable.SymbolTable, params: set[str], names: set[str]) -> bool:
    if table.get_type() == "function" and set(table.get_parameters()) != params:
        return False
    return names <= set(table.get_identifiers())


def _symbols(table: symtable.SymbolTable) -> dict[str, symtable.Symbol]:
    """The table's symbols by name.  Python 3.11's symtable takes any table *named* "top" for
    the module, so in a function or class called `top` every bound name would claim to be
    global: such symbols are made again, as the nested scope's they are."""
    symbols = {sym.get_name(): sym for sym in table.get_symbols()}
    if table.get_name() == "top" and table.get_type() != "module":
        flags = table._table.symbols  # (no public way to the flags)
        symbols = {name: symtable.Symbol(name, flags[name], sym.get_namespaces())
                   for name, sym in symbols.items()}
    return symbols


def _frees(table: symtable.SymbolTable) -> set[str]:
    """The variables `table` takes from its enclosing scope, including those a class body only
    passes through to its methods."""
    names = {sym.get_name() for sym in table.get_symbols() if sym.is_free()}
    if table.get_type() == "class":
        for child in table.get_children():
            names |= _frees(child) - {"__class__"}
    return names

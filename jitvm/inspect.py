"""Inspection without running a program: a function at every stage the JIT takes it through.

`Program(path)` compiles a file to bytecode and builds the globals its module would have
without running its code (its top-level `def`s as jitvm functions, its top-level imports,
names bound to literal constants).  `Program.specialise(code, argtypes)` runs the JIT on one
function for the given argument types and gives its JIT IR, LLVM IR (as built and optimized)
and machine code; where the JIT cannot compile the function it raises `NotCompilable`, whose
text says why and where.  `compile_function_stages` is `jitvm ir`: (stage title, text) pairs.
"""

from __future__ import annotations

import ast
import builtins
import functools
import importlib
import sys

from .code import CodeObject
from .compiler import compile_source
from .dis import disassemble
from .interpreter import VM
from .objects import Function
from .runner import read_source

STAGES = ("bytecode", "jit-ir", "llvm", "opt", "asm")
JIT_STAGES = ("jit-ir", "llvm", "opt", "asm")


class InspectError(Exception):
    """The function asked for is not in the file, or the types are not understood."""


def parse_types(text: str) -> tuple:
    """`int,list[float],tuple` → kinds; a list or tuple names its elements' kind in brackets
    (the guess the JIT would make from the values it sees)."""
    from .jit.types import BOOL, FLOAT, INT, LIST, OBJ, TUPLE, Seq
    names = {"int": INT, "float": FLOAT, "bool": BOOL, "obj": OBJ}

    def parse(word: str):
        word = word.strip()
        for name, jtype in (("list", LIST), ("tuple", TUPLE)):
            if word == name:
                return Seq(jtype)
            if word.startswith(name + "[") and word.endswith("]"):
                return Seq(jtype, parse(word[len(name) + 1:-1]))
        if word not in names:
            raise InspectError(f"unknown type {word!r}: use int, float, bool, list[...] or "
                               f"tuple[...]")
        return names[word]

    types, depth, current = [], 0, ""
    for char in text + ",":
        if char == "," and depth == 0:
            if current.strip():
                types.append(parse(current))
            current = ""
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        current += char
    return tuple(types)


def _find(code: CodeObject, name: str) -> CodeObject | None:
    for candidate in code.walk():
        if candidate.qualname == name or candidate.name == name:
            if candidate is not code:
                return candidate
    return None


def _static_globals(tree: ast.Module, vm: VM, module: CodeObject) -> dict:
    """The globals the JIT may need, found without running the program: the top-level
    functions, modules imported at the top level, and names bound to literal constants."""
    globals_ = {"__name__": "__main__", "__builtins__": builtins}
    for const in module.consts:
        if isinstance(const, CodeObject):
            globals_.setdefault(const.name, Function(vm, const, globals_))
    for stmt in tree.body:
        try:
            if isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    importlib.import_module(alias.name)
                    if alias.asname:
                        globals_[alias.asname] = importlib.import_module(alias.name)
                    else:
                        globals_[alias.name.split(".")[0]] = sys.modules[alias.name.split(".")[0]]
            elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module:
                imported = importlib.import_module(stmt.module)
                for alias in stmt.names:
                    if alias.name != "*" and hasattr(imported, alias.name):
                        globals_[alias.asname or alias.name] = getattr(imported, alias.name)
            elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 \
                    and isinstance(stmt.targets[0], ast.Name):
                globals_[stmt.targets[0].id] = ast.literal_eval(stmt.value)
        except (ImportError, ValueError, TypeError, SyntaxError):
            continue  # not knowable statically: the JIT will say it is not defined
    return globals_


class Program:
    """A source file compiled to jitvm bytecode, with the globals its module would have."""

    def __init__(self, path: str):
        self.path = path
        source = read_source(path)
        self.tree = ast.parse(source, path)
        self.module = compile_source(source, path)
        self.vm = VM()

    @functools.cached_property
    def globals(self) -> dict:
        # Made on first use: it imports the modules the program imports.
        return _static_globals(self.tree, self.vm, self.module)

    def find(self, name: str) -> CodeObject:
        """The code object of the function (or class body) called `name` or qualified so."""
        target = _find(self.module, name)
        if target is None:
            raise InspectError(f"no function {name!r} in {self.path}")
        return target

    def check_types(self, code: CodeObject, argtypes: tuple):
        if len(argtypes) != code.argcount:
            raise InspectError(f"{code.qualname} takes {code.argcount} arguments; "
                               f"--types gave {len(argtypes)}")

    def specialise(self, code: CodeObject, argtypes: tuple, opt_level: int = 2
                   ) -> Specialisation:
        """`code` (and the functions it calls) translated to JIT IR for `argtypes`.  Raises
        the JIT's NotCompilable, whose text names the construct and file:line."""
        from .jit import JIT
        self.check_types(code, argtypes)
        func = self.globals.get(code.name)
        if func is None or getattr(func, "_code", None) is not code:
            func = Function(self.vm, code, self.globals)
        # A JIT of its own: each specialisation is a fresh LLVM module with its callees.
        jit = JIT(self.vm, threshold=0, opt_level=opt_level)
        if code.generator:  # its body, resumable (jit/frontend_generators.py)
            fn = jit.generator_specialization(func, argtypes)
        else:
            fn = jit.specialization(func, argtypes)
        return Specialisation(jit, jit._closure(fn))


class Specialisation:
    """One function's JIT IR (with its callees'); the LLVM IR and machine code are made on
    the first request for them."""

    def __init__(self, jit, functions: list):
        self.jit = jit
        self.functions = functions
        self._compiled = None

    def text(self, stage: str) -> str:
        if stage != "jit-ir" and self._compiled is None:
            self._compiled = self.jit.engine.compile(self.functions, self.jit.function_index)
        return self.jit.stage_text(self.functions, self._compiled, stage)


def compile_function_stages(path: str, name: str, types_text: str, stage: str,
                            opt_level: int = 2):
    """`jitvm ir`: (stage, text) pairs for one function, from bytecode to machine code."""
    from .jit.frontend import NotCompilable
    program = Program(path)
    target = program.find(name)
    argtypes = parse_types(types_text)
    program.check_types(target, argtypes)
    stages = STAGES if stage == "all" else (stage,)
    if "bytecode" in stages:
        yield "bytecode", disassemble(target, recursive=False)
    later = [s for s in stages if s != "bytecode"]
    if not later:
        return
    try:
        specialisation = program.specialise(target, argtypes, opt_level)
    except NotCompilable as exc:
        yield "jit-ir", f"not compiled: {exc}"
        return
    for s in later:
        yield s, specialisation.text(s)

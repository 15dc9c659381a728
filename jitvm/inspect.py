"""Inspection without running a program: one function at every stage the JIT takes it through.

`compile_function_stages(path, name, types, stage)` compiles the file to bytecode, builds the
globals the module would have without running its code (its top-level `def`s as jitvm
functions, its top-level imports, names bound to literal constants), specialises the named
function for the given argument types and yields (stage title, text) pairs.  Where the JIT
cannot compile the function, the text says why.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import sys

from .code import CodeObject
from .compiler import compile_source
from .dis import disassemble
from .interpreter import VM
from .objects import Function
from .runner import read_source

STAGES = ("bytecode", "jit-ir", "llvm", "opt", "asm")


class InspectError(Exception):
    """The function asked for is not in the file, or the types are not understood."""


def _parse_types(text: str):
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


def _static_globals(path: str, vm: VM, module: CodeObject) -> dict:
    """The globals the JIT may need, found without running the program: the top-level
    functions, modules imported at the top level, and names bound to literal constants."""
    globals_ = {"__name__": "__main__", "__builtins__": builtins}
    for const in module.consts:
        if isinstance(const, CodeObject):
            globals_.setdefault(const.name, Function(vm, const, globals_))
    for stmt in ast.parse(read_source(path), path).body:
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


def compile_function_stages(path: str, name: str, types_text: str, stage: str,
                            opt_level: int = 2):
    from .jit import JIT
    from .jit.frontend import NotCompilable
    module = compile_source(read_source(path), path)
    target = _find(module, name)
    if target is None:
        raise InspectError(f"no function {name!r} in {path}")
    vm = VM()
    globals_ = _static_globals(path, vm, module)
    func = globals_.get(target.name)
    if func is None or func._code is not target:
        func = Function(vm, target, globals_)
    argtypes = _parse_types(types_text)
    if len(argtypes) != target.argcount:
        raise InspectError(f"{target.qualname} takes {target.argcount} arguments; "
                           f"--types gave {len(argtypes)}")
    stages = STAGES if stage == "all" else (stage,)
    if "bytecode" in stages:
        yield "bytecode", disassemble(target, recursive=False)
    later = [s for s in stages if s != "bytecode"]
    if not later:
        return
    jit = JIT(vm, threshold=0, opt_level=opt_level)
    try:
        fn = jit.specialization(func, argtypes)
    except NotCompilable as exc:
        yield "jit-ir", f"not compiled: {exc}"
        return
    functions = jit._closure(fn)
    compiled = jit.engine.compile(functions, jit.function_index)
    for s in later:
        yield s, jit.stage_text(functions, compiled, s)

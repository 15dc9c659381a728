"""Inspection without running a program: one function at every stage the JIT takes it through.

`compile_function_stages(path, name, types, stage)` compiles the file to bytecode, makes
jitvm functions of its top-level `def`s (so calls between them resolve, as they would once the
module ran), specialises the named function for the given argument types and yields
(stage title, text) pairs.  Where the JIT cannot compile the function, the text says why.
"""

from __future__ import annotations

import builtins

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
    from .jit.types import BOOL, FLOAT, INT
    names = {"int": INT, "float": FLOAT, "bool": BOOL}
    types = []
    for word in filter(None, (w.strip() for w in text.split(","))):
        if word not in names:
            raise InspectError(f"unknown type {word!r}: use int, float or bool")
        types.append(names[word])
    return tuple(types)


def _find(code: CodeObject, name: str) -> CodeObject | None:
    for candidate in code.walk():
        if candidate.qualname == name or candidate.name == name:
            if candidate is not code:
                return candidate
    return None


def compile_function_stages(path: str, name: str, types_text: str, stage: str,
                            opt_level: int = 2):
    from .jit import JIT
    from .jit.frontend import NotCompilable
    module = compile_source(read_source(path), path)
    target = _find(module, name)
    if target is None:
        raise InspectError(f"no function {name!r} in {path}")
    vm = VM()
    globals_ = {"__name__": "__main__", "__builtins__": builtins}
    for const in module.consts:  # the top-level defs, as functions
        if isinstance(const, CodeObject) and const.argcount + const.kwonlyargcount >= 0:
            globals_.setdefault(const.name, Function(vm, const, globals_))
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

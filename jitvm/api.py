"""The public API: run programs and compile source from ordinary Python code."""

from __future__ import annotations

from .code import CodeObject
from .compiler import compile_source as _compile_source
from .interpreter import VM
from . import runner


def compile_source(source: str, filename: str = "<string>", optimize: bool = True) -> CodeObject:
    """Compile module source to a jitvm code object (raises SyntaxError like `compile`)."""
    return _compile_source(source, filename, optimize)


def run_source(source: str, filename: str = "<string>", globals: dict | None = None) -> dict:
    """Run module source on a fresh jitvm VM; returns the module namespace."""
    return runner.run_source(source, filename, VM(), globals)


def run_file(path: str, argv: list[str] | tuple[str, ...] = ()) -> None:
    """Run a script as `__main__` with `sys.argv = [path, *argv]`, as `jitvm run` does."""
    runner.run_path(path, list(argv), VM())

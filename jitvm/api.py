"""The public API for running programs: from ordinary Python code, run a file or source text on
jitvm (the JIT included) and compile source to jitvm bytecode.

In: a path or source text.  Out: the namespace the program ran in; exceptions the program
raises reach the caller as themselves, with a traceback of the program's own lines (not of
jitvm's interpreter).  The decorator `jitvm.jit` lives in `decorator.py`.
"""

from __future__ import annotations

import ast
import functools
import os
import sys
import threading
import types
import weakref
from typing import Callable

from .code import CodeObject
from .interpreter import HOST_FRAMES_PER_CALL, UNBOUND, VM
from . import runner

__all__ = ["DEFAULT_JIT_THRESHOLD", "compile_source", "run_file", "run_source"]

# Calls plus loop iterations before a function is compiled; see README "How the JIT decides".
# Here rather than in jitvm.jit so that reading it does not import the JIT.
DEFAULT_JIT_THRESHOLD = 1000


def compile_source(source: str, filename: str = "<string>", optimize: bool = True) -> CodeObject:
    """Compile module source to a jitvm code object (raises SyntaxError like `compile`)."""
    from .compiler import compile_source as compile_module  # (not imported by `jitvm run`)
    return compile_module(source, filename, optimize)


def run_source(source: str, filename: str = "<string>", globals: dict | None = None, *,
               jit: bool = True, jit_threshold: int = DEFAULT_JIT_THRESHOLD,
               opt_level: int = 2) -> dict:
    """Run module source on a fresh jitvm VM and return the namespace it ran in.

    `globals` is that namespace (a new `__main__`-like dict by default).  With `jit` (the
    default) code whose calls plus loop iterations reach `jit_threshold` is compiled to machine
    code at LLVM optimization level `opt_level`, as `jitvm run` does.  An exception the code
    raises propagates with a traceback of `filename`'s lines."""
    vm = _new_vm(jit_threshold if jit else None, opt_level)
    try:
        return runner.run_source(source, filename, vm, globals)
    except BaseException as exc:
        __tracebackhide__ = True  # noqa: F841 (read by IPython and pytest)
        tb = _program_traceback(exc)
        if tb is None:
            raise
        raise exc.with_traceback(tb)


def run_file(path: str | os.PathLike, argv: list[str] | tuple[str, ...] = (), *,
             jit: bool = True, jit_threshold: int = DEFAULT_JIT_THRESHOLD,
             opt_level: int = 2) -> dict:
    """Run a script as `__main__` with `sys.argv = [path, *argv]`, as `jitvm run` does, and
    return its module namespace.

    `.py` modules beside the script run on jitvm too.  While it runs, the script is
    `sys.modules["__main__"]` and its folder is first on `sys.path`; both, `sys.argv` and the
    import hook are put back afterwards (like `runpy.run_path`).  `jit`, `jit_threshold` and
    `opt_level` are those of `run_source`.  `sys.exit` in the script raises SystemExit here."""
    path = os.fspath(path)
    vm = _new_vm(jit_threshold if jit else None, opt_level)
    saved_argv, saved_path = sys.argv, sys.path[:]
    saved_main = sys.modules.get("__main__")
    saved_hooks = sys.path_hooks[:]
    try:
        runner.run_path(path, list(argv), vm)
        return sys.modules["__main__"].__dict__
    except BaseException as exc:
        __tracebackhide__ = True  # noqa: F841
        tb = _program_traceback(exc)
        if tb is None:
            raise
        raise exc.with_traceback(tb)
    finally:
        sys.argv = saved_argv
        sys.path[:] = saved_path
        sys.path_hooks[:] = saved_hooks
        sys.path_importer_cache.clear()
        if saved_main is not None:
            sys.modules["__main__"] = saved_main


# -- private: VMs for host code -------------------------------------------------------------------


def _new_vm(jit_threshold: int | None, opt_level: int = 2,
            log: Callable[[str], None] | None = None) -> VM:
    """A VM for running jitvm code from host code, with a JIT unless `jit_threshold` is None."""
    if jit_threshold is not None and (not isinstance(jit_threshold, int) or jit_threshold < 0):
        raise ValueError(f"jit_threshold must be an int >= 0, not {jit_threshold!r}")
    if opt_level not in (0, 1, 2, 3):
        raise ValueError(f"opt_level must be 0, 1, 2 or 3, not {opt_level!r}")
    vm = VM()
    if jit_threshold is not None:
        from .jit import JIT
        vm.jit = JIT(vm, threshold=jit_threshold, opt_level=opt_level, log=log,
                     learn_unprofiled=True)
    # Each jitvm call takes a few host frames: leave room for jitvm's own recursion limit to
    # be the one that trips (a RecursionError at the program's depth, as `jitvm run` does).
    needed = vm.recursion_limit * HOST_FRAMES_PER_CALL * 2 + 500
    if sys.getrecursionlimit() < needed:
        sys.setrecursionlimit(needed)
    from .errors import install_traceback_hook
    install_traceback_hook()  # traceback.print_exc() in jitvm code shows the program's lines
    _share_exc_info(vm)
    return vm


_VMS: weakref.WeakSet[VM] = weakref.WeakSet()


def _share_exc_info(vm: VM):
    """`sys.exc_info()` (which traceback.print_exc and logging.exception read) reports the
    exception a jitvm `except` block of this thread is handling, as under `jitvm run`; an
    exception host code is handling comes first.  Installed once for all of the API's VMs."""
    if not getattr(sys.exc_info, "jitvm", False):
        host_exc_info = sys.exc_info

        def exc_info():
            info = host_exc_info()
            if info[0] is not None:
                return info
            ident = threading.get_ident()
            for candidate in list(_VMS):
                ts = candidate._thread_states.get(ident)
                if ts is not None and ts.exc_info is not None:
                    exc = ts.exc_info
                    return type(exc), exc, exc.__traceback__
            return info

        exc_info.jitvm = True
        sys.exc_info = exc_info
    _VMS.add(vm)


# -- private: the program's frames as a host traceback ---------------------------------------------

_MARKER_NAME = "__jitvm_raise__"


def _program_traceback(exc: BaseException, _seen: set | None = None
                       ) -> types.TracebackType | None:
    """A host traceback for an exception raised in jitvm code, or None if it was not.

    jitvm records (code object, instruction, frame) for each of its frames an exception passes
    through; the host traceback only holds the interpreter's own frames.  Every host tool
    (the default excepthook, IPython, pytest, pdb) reads host tracebacks, so each jitvm frame
    becomes a real host traceback entry: a one-statement `raise` compiled with that frame's file
    name, function name and source position, run with its globals and locals (so carets,
    "Did you mean" hints and post-mortem debuggers see the program's frame).  Host frames of
    other code the program called follow; jitvm's own frames are dropped.  Chained exceptions
    are converted the same way."""
    from .errors import is_user_exception
    seen = _seen if _seen is not None else set()
    if not is_user_exception(exc) or id(exc) in seen:
        return None
    seen.add(id(exc))
    for chained in (exc.__cause__, exc.__context__):
        if chained is not None:
            chained_tb = _program_traceback(chained, seen)
            if chained_tb is not None:
                chained.__traceback__ = chained_tb
    entries = exc.__dict__.pop("_jitvm_tb")
    host = _user_host_entries(exc.__traceback__)
    chain = [_program_entry(code, index, frame) for code, index, frame in reversed(entries)]
    chain = [tb for tb in chain if tb is not None] + host
    for outer, inner in zip(chain, chain[1:]):
        outer.tb_next = inner
    if chain:
        chain[-1].tb_next = None
    return chain[0] if chain else None


def _user_host_entries(tb: types.TracebackType | None) -> list[types.TracebackType]:
    from .errors import _is_internal_file
    entries = []
    while tb is not None:
        if not _is_internal_file(tb.tb_frame.f_code.co_filename):
            entries.append(tb)
        tb = tb.tb_next
    return entries


def _program_entry(code: CodeObject, index: int, frame) -> types.TracebackType | None:
    namespace = {}
    if frame.locals is None:  # a function: its locals by name, for debuggers and hints
        for name, value in zip(code.varnames, frame.fast):
            if value is not UNBOUND:
                namespace[name] = value
        for name, cell in zip(code.cellvars + code.freevars, frame.cells):
            try:
                namespace[name] = cell.cell_contents
            except ValueError:  # an empty cell
                pass
    # The stub raises a marker, not the program's exception: raising that here would chain
    # it to whatever exception is being handled.
    namespace[_MARKER_NAME] = _Marker()
    try:
        exec(_raise_stub(code, index), frame.globals, namespace)
    except _Marker as marker:
        return marker.__traceback__.tb_next  # the stub's frame, below this one
    return None


class _Marker(Exception):
    pass


@functools.lru_cache(maxsize=512)
def _raise_stub(code: CodeObject, index: int) -> types.CodeType:
    """`raise __jitvm_raise__`, compiled to sit at instruction `index` of `code`."""
    pos = code.positions[index] if index < len(code.positions) else None
    if pos is None or pos.lineno <= 0:
        lineno = end_lineno = code.firstlineno
        col, end_col = 0, 0
    else:
        lineno, end_lineno = pos.lineno, max(pos.end_lineno, pos.lineno)
        col = max(pos.col, 0)
        end_col = pos.end_col if pos.end_col >= 0 else col
        if end_lineno == lineno and end_col < col:
            end_col = col
    where = {"lineno": lineno, "end_lineno": end_lineno, "col_offset": col,
             "end_col_offset": end_col}
    name = ast.Name(_MARKER_NAME, ast.Load(), **where)
    module = ast.Module([ast.Raise(name, None, **where)], [])
    stub = compile(module, code.filename, "exec", dont_inherit=True)
    return stub.replace(co_name=code.name, co_qualname=code.qualname)

"""Builtins that look at their caller's frame: `globals`, `locals`, `vars`, `dir`, `eval`, `exec`,
and `warnings.warn` (which reads its location from the frame `stacklevel` levels up).

Called from jitvm code, the host versions would see the host frame of jitvm's own call handler.
The call handlers swap them (by identity) for these versions, which read the jitvm frame
instead; `eval` and `exec` of source text compile it with jitvm and run it on the VM.
"""

from __future__ import annotations

import builtins
import sys
import types
import warnings

from .interpreter import UNBOUND, VM


def frame_locals(f) -> dict:
    """A snapshot of a frame's local variables, as CPython's `locals()` returns it."""
    if f.locals is not None:
        return f.locals
    code = f.code
    result = {}
    for name, value in zip(code.varnames, f.fast):
        if value is not UNBOUND:
            result[name] = value
    for name, cell in zip(code.cellvars + code.freevars, f.cells):
        try:
            result[name] = cell.cell_contents
        except ValueError:
            pass
    return result


def _globals(f):
    return f.globals


def _locals(f):
    return frame_locals(f)


def _vars(f, *args):
    if args:
        return vars(*args)
    return frame_locals(f)


def _dir(f, *args):
    if args:
        return dir(*args)
    return sorted(frame_locals(f))


def _namespaces(f, globals_, locals_):
    if globals_ is None:
        globals_ = f.globals
        if locals_ is None:
            locals_ = frame_locals(f)
    elif locals_ is None:
        locals_ = globals_
    if not isinstance(globals_, dict):
        raise TypeError(f"globals must be a dict, not {type(globals_).__name__}")
    globals_.setdefault("__builtins__", builtins)
    return globals_, locals_


def _run(f, source, globals_, locals_, mode: str, name: str):
    from .compiler import compile_source
    globals_, locals_ = _namespaces(f, globals_, locals_)
    if isinstance(source, types.CodeType):  # a host code object, e.g. from compile()
        return (eval if mode == "eval" else exec)(source, globals_, locals_)
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if not isinstance(source, str):
        raise TypeError(f"{name}() arg 1 must be a string, bytes or code object")
    if mode == "eval":
        source = source.lstrip(" \t")
    code = compile_source(source, "<string>", mode=mode)
    return f.vm.run_code(code, globals_, locals_, f.ts)


def _eval(f, source, globals=None, locals=None):
    return _run(f, source, globals, locals, "eval", "eval")


def _exec(f, source, globals=None, locals=None, **kwargs):
    _run(f, source, globals, locals, "exec", "exec")


_RUN_FRAME = VM.run_frame.__code__


def _running_frames():
    """The jitvm frames this thread is running, innermost first, each with the instruction it
    is at: the dispatch loop's `f` and `pc` (one past the instruction) in the host frames.
    (Native frames have no jitvm frame: a warning's stacklevel counts only interpreted ones;
    the frame that calls `warn` itself is always interpreted, the JIT leaves such calls.)"""
    host = sys._getframe(1)
    while host is not None:
        if host.f_code is _RUN_FRAME:
            yield host.f_locals["f"], host.f_locals["pc"] - 1
        host = host.f_back


def _warn(f, message, category=None, stacklevel=1, source=None):
    """CPython's `warnings.warn` (Python/_warnings.c: do_warn, setup_context) with the
    location of a jitvm frame: its file and line, its globals' module name and registry."""
    if isinstance(message, Warning):
        category = message.__class__
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    frame = None
    for level, (frame, index) in enumerate(_running_frames(), 1):
        if level >= stacklevel:
            break
    else:
        frame = None
    if frame is None:  # beyond the outermost frame: CPython names the sys module
        globals_, filename, lineno = sys.__dict__, "sys", 1
    else:
        globals_, filename = frame.globals, frame.code.filename
        position = frame.code.positions[index] if index < len(frame.code.positions) else None
        lineno = position.lineno if position is not None and position.lineno > 0 \
            else frame.code.firstlineno
    registry = globals_.setdefault("__warningregistry__", {})
    warnings.warn_explicit(message, category, filename, lineno,
                           module=globals_.get("__name__", "<string>"), registry=registry,
                           module_globals=globals_, source=source)


FRAME_BUILTINS = {
    builtins.globals: _globals,
    builtins.locals: _locals,
    builtins.vars: _vars,
    builtins.dir: _dir,
    builtins.eval: _eval,
    builtins.exec: _exec,
    warnings.warn: _warn,
}

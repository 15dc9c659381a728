"""Tracebacks in CPython's format, built from jitvm's own frames.

As an exception passes through jitvm frames, the interpreter records (code object, instruction
index) pairs on it (`_jitvm_tb`, innermost first).  Here those become `traceback.FrameSummary`
objects with full source positions, so the standard library renders them exactly as CPython 3.11
does: `File "prog.py", line 3, in f`, the source line, and the `~~^~~` markers under the failing
expression.  Frames of host Python code that the program called (the standard library, say) are
kept; frames of jitvm's own implementation are not.
"""

from __future__ import annotations

import os
import traceback

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


class InternalError(Exception):
    """A bug inside jitvm (never the user's program's fault)."""


def _is_internal_file(filename: str) -> bool:
    return filename.startswith(_PACKAGE_DIR) or filename.startswith("<frozen importlib")


def jitvm_stack(exc: BaseException) -> traceback.StackSummary:
    frames = []
    for code, index in reversed(exc.__dict__.get("_jitvm_tb", ())):
        pos = code.positions[index] if index < len(code.positions) else None
        if pos is None or pos.lineno <= 0:
            frames.append(traceback.FrameSummary(code.filename, code.firstlineno, code.name))
            continue
        frames.append(traceback.FrameSummary(
            code.filename, pos.lineno, code.name, end_lineno=pos.end_lineno,
            colno=pos.col if pos.col >= 0 else None,
            end_colno=pos.end_col if pos.end_col >= 0 else None))
    if exc.__traceback__ is not None:
        for host in traceback.extract_tb(exc.__traceback__):
            if not _is_internal_file(host.filename):
                frames.append(host)
    return traceback.StackSummary.from_list(frames)


def format_exception(exc: BaseException) -> str:
    """The text CPython prints for an uncaught exception, chained exceptions included."""
    summary = traceback.TracebackException(type(exc), exc, None, compact=True)
    if isinstance(exc, IndentationError):
        summary.end_offset = None  # CPython's own printer marks these with a single caret
    _use_jitvm_stacks(summary, exc)
    return "".join(summary.format())


def _use_jitvm_stacks(summary: traceback.TracebackException, exc: BaseException):
    """Give a TracebackException (and the ones it chains) the stacks of jitvm frames."""
    seen = set()
    pending = [(summary, exc)]
    while pending:
        te, value = pending.pop()
        if te is None or value is None or id(value) in seen:
            continue
        seen.add(id(value))
        if not isinstance(value, SyntaxError) or value.__dict__.get("_jitvm_tb"):
            te.stack = jitvm_stack(value)
        pending.append((getattr(te, "__cause__", None), value.__cause__))
        pending.append((getattr(te, "__context__", None), value.__context__))


def install_traceback_hook():
    """Make the `traceback` module (print_exc, format_exc, logging.exception, …) show jitvm
    frames when user code formats an exception that passed through them."""
    original = traceback.TracebackException.__init__
    if getattr(original, "jitvm", False):
        return

    def __init__(self, exc_type, exc_value, exc_traceback, **kwargs):
        original(self, exc_type, exc_value, exc_traceback, **kwargs)
        # Chained exceptions are built through this same __init__, so each fixes its own.
        if is_user_exception(exc_value):
            self.stack = jitvm_stack(exc_value)

    __init__.jitvm = True
    traceback.TracebackException.__init__ = __init__


def is_user_exception(exc: BaseException) -> bool:
    """Did this exception come out of the user's program (through jitvm frames)?"""
    return bool(exc.__dict__.get("_jitvm_tb")) if hasattr(exc, "__dict__") else False

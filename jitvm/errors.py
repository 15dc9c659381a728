"""Tracebacks in CPython's format, built from jitvm's own frames.

As an exception passes through jitvm frames, the interpreter records (code object, instruction
index, frame) on it (`_jitvm_tb`, innermost first).  Here those become `traceback.FrameSummary`
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
    for code, index, _frame in reversed(exc.__dict__.get("_jitvm_tb", ())):
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
    elif (isinstance(exc, SyntaxError) and exc.text and exc.end_lineno
          and exc.lineno and exc.end_lineno > exc.lineno):
        # ... and underlines a location spanning lines to the end of its first line.
        summary.end_offset = len(exc.text.rstrip("\n")) + 1
    _use_jitvm_stacks(summary, exc)
    return "".join(summary.format())


# -- "Did you mean" hints, as CPython 3.11's Python/suggestions.c computes them ------------------

_MAX_CANDIDATES = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1


def _substitution_cost(a: str, b: str) -> int:
    if a == b:
        return 0
    return _CASE_COST if a.lower() == b.lower() else _MOVE_COST


def _levenshtein(a: str, b: str, max_cost: int) -> int:
    if a == b:
        return 0
    # Common prefixes and suffixes cost nothing.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < len(a) and end < len(b) and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[:len(a) - end], b[:len(b) - end]
    if not a or not b:
        return (len(a) + len(b)) * _MOVE_COST
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = [(i + 1) * _MOVE_COST for i in range(len(a))]
    result = 0
    for bindex, bchar in enumerate(b):
        distance = result = bindex * _MOVE_COST
        minimum = None
        for index, achar in enumerate(a):
            substitute = distance + _substitution_cost(bchar, achar)
            distance = row[index]
            insert_delete = min(result, distance) + _MOVE_COST
            result = min(insert_delete, substitute)
            row[index] = result
            minimum = result if minimum is None else min(minimum, result)
        if minimum is not None and minimum > max_cost:
            return max_cost + 1
    return result


def _suggestion(candidates, name: str) -> str | None:
    candidates = list(candidates)
    if len(candidates) >= _MAX_CANDIDATES:
        return None
    best, best_distance = None, None
    for item in candidates:
        if not isinstance(item, str) or item == name:
            continue
        max_distance = (len(name) + len(item) + 3) * _MOVE_COST // 6
        if best_distance is not None:
            max_distance = min(max_distance, best_distance - 1)
        distance = _levenshtein(name, item, max_distance)
        if distance > max_distance:
            continue
        if best is None or distance < best_distance:
            best, best_distance = item, distance
    return best


def suggestion_for(exc: BaseException) -> str | None:
    """The name CPython would suggest for a NameError or AttributeError, if any."""
    name = getattr(exc, "name", None)
    if not isinstance(name, str):
        return None
    if isinstance(exc, NameError):
        entries = exc.__dict__.get("_jitvm_tb")
        if not entries:
            return None
        code, _index, frame = entries[0]
        for candidates in (code.varnames, frame.globals, frame.builtins):
            found = _suggestion(candidates, name)
            if found is not None:
                return found
        return None
    if isinstance(exc, AttributeError):
        try:
            candidates = dir(exc.obj)
        except Exception:
            return None
        return _suggestion(candidates, name)
    return None


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
        hint = suggestion_for(value)
        if hint is not None:
            te._str += f". Did you mean: '{hint}'?"
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

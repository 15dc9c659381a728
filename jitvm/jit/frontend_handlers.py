"""Bytecode → JIT IR for exception handlers (a mixin of the translator): an exception raised
in a `try` of compiled code is caught by compiled code.

Without this, an exception in a protected region left native code (a deopt at the
instruction) and the interpreter ran the handler; a loop that catches an exception now and
then (`int(token)` on text that may not be a number, a dict lookup that may miss) left native
code and came back by OSR every time: ~40 µs each, 10-20x slower than CPython.

How it works, with the bytecode's own exception table (code.handler_for):

* every operation whose failure is an exception (an `error_point`: a C-API call that failed,
  the exception set) inside a protected range gets a *landing pad*: a block that fetches the
  exception (`catch`, which does what the interpreter's unwinding does: normalizes it, adds
  the frame's traceback entry, chains `__context__` to the exception being handled), releases
  the stack entries above the handler's depth, pushes the exception and jumps to the handler,
  which is translated like any other block.  The pad's state is an edge of the type walk, so
  the handler's block versions and widenings account for it.  The lowering branches to the
  pad instead of the deopt block (DeoptPoint.pad).
* only `except` clauses get pads (`_except_clause`): a `finally`, a `with`'s exit and the
  cleanup of an `except` body end in RERAISE, so the interpreter would take over anyway.
* in the handler: PUSH_EXC_INFO and POP_EXCEPT set the thread's exception being handled
  (the interpreter's ThreadState.exc_info, written in place), as the interpreter's do;
  CHECK_EXC_MATCH against a class (or a tuple of them) known at compile time is
  PyErr_GivenExceptionMatches; `except E as name` stores and deletes the name.
* what stays with the interpreter: RERAISE and `raise` (the frame is handed over there, the
  exception on its stack: the interpreter raises and unwinds); a guard that fails (a
  speculation, not an exception: the interpreter redoes the instruction, and raises if it
  must); handlers of generators and of fused generator expressions; `except` against
  something not known at compile time (a side exit).
* in a module-level loop the pad first checks that the module's dict did not change during
  the call that raised (as after any call); if it did, the interpreter takes the exception.
"""

from __future__ import annotations

from ..code import CodeFlags
from ..interpreter import _program_traceback
from ..opcodes import OPCODES, Flag, Op
from .abi import thread_exc_info_offset
from .frontend_entries import NOT_MINE, ObjRef, is_boxed, is_number
from .frontend_objects import _STEPS
from .ir import Block
from .types import BOOL, BOXED, FLOAT, INT, OBJ, JType, Seq, jtype_of

# CPython 3.11's messages for a zero divisor, by operation and operand kind.
ZERO_DIVISION = {
    "truediv": {"int": "division by zero", "float": "float division by zero"},
    "floordiv": {"int": "integer division or modulo by zero",
                 "float": "float floor division by zero"},
    "mod": {"int": "integer modulo by zero", "float": "float modulo"},
}


class NativeFrame:
    """A traceback entry's frame for an exception natively caught: what the printing of a
    traceback (errors.py) and the program's host traceback (api.py) read of a frame.  Its
    locals are not known (they live in registers)."""

    __slots__ = ("code", "globals", "builtins", "locals", "fast", "cells")

    def __init__(self, code, globals_, builtins_, module: bool):
        self.code = code
        self.globals = globals_
        self.builtins = builtins_
        self.locals = globals_ if module else None
        self.fast = []
        self.cells = []


class CatchSite:
    """Where a native handler catches: the code, the instruction that raised, the frame its
    traceback entry names."""

    __slots__ = ("code", "index", "frame", "__name__")

    def __init__(self, code, index: int, frame: NativeFrame):
        self.code, self.index, self.frame = code, index, frame
        self.__name__ = f"pc {index}"  # (how the JIT IR text shows it)


class Handlers:
    """The helpers native exception handlers call, for one VM (its thread states)."""

    def __init__(self, vm):
        from ..interpreter import ThreadState
        self.vm = vm
        self.caught = self._caught  # (bound once: each operation names the same object)
        self.exc_info_offset = thread_exc_info_offset(ThreadState)
        self.usable = self.exc_info_offset is not None

    def _caught(self, exc, site, ts):
        """`exc`, raised at instruction `index` of `code`, is caught by a handler of that
        frame: as the interpreter's VM.unwind does before it jumps to the handler."""
        code, index, frame = site.code, site.index, site.frame
        try:
            exc.__dict__.setdefault("_jitvm_tb", []).append((code, index, frame))
        except AttributeError:  # an exception type without a __dict__: no jitvm traceback
            pass
        handled = ts.exc_info
        if handled is not None and handled is not exc and exc.__context__ is None:
            exc.__context__ = handled
        if exc.__traceback__ is not None:
            exc.__traceback__ = _program_traceback(exc.__traceback__)


def handlers_of(jit) -> Handlers:
    """The JIT's helpers, made once (the compiled code keeps them alive)."""
    handlers = jit.__dict__.get("exception_handlers")
    if handlers is None:
        handlers = jit.exception_handlers = Handlers(jit.vm)
    return handlers


class HandlerSteps:
    """Exception handlers in compiled code (see the module docstring)."""

    def native_handlers(self) -> bool:
        allowed = self.__dict__.get("_native_handlers")
        if allowed is None:
            code = self.code
            allowed = self._native_handlers = bool(
                code.exceptiontable and self.jit is not None and self.jit.objects
                and not code.flags & CodeFlags.GENERATOR
                and getattr(code, "caller_ops", None) is None
                and handlers_of(self.jit).usable)
        return allowed

    def catch_edge(self, index, locals_, stack, point):
        """Instruction `index` may raise (its `point` leaves with the exception set): if a
        handler of this code protects it, the exception goes to that handler's landing pad,
        made once the instruction is translated (`emit_pads`)."""
        if not self.native_handlers():
            return
        entry = self.code.handler_for(index)
        if entry is None or entry.depth > len(stack) or not _except_clause(self.code,
                                                                          entry.target):
            return
        if point is not None:
            point.pad = f"pad.{point.id}"
        # (the dict version of a module-level escape made before the step, if any: a pad
        # of an escape written after it, frontend_module.sync_names, takes the one written)
        self.pads.append((index, entry, list(locals_), list(stack), point, self.escape_version))

    def normal_code(self) -> set[int]:
        """The instructions reachable from the code's start without an exception: the
        others are handlers' code (a side exit there is the exception path)."""
        reached = self.__dict__.get("_normal_code")
        if reached is None:
            reached = self._normal_code = _reachable(self.code)
        return reached

    def catches(self, index) -> bool:
        """Does an `except` clause of this code (compiled) protect instruction `index`?"""
        if not self.native_handlers():
            return False
        entry = self.code.handler_for(index)
        return entry is not None and _except_clause(self.code, entry.target)

    def raise_if_zero(self, name, a, b, index, locals_, stack):
        """`a / b`, `a // b` or `a % b` on numbers where a handler may catch: a zero divisor
        raises CPython's ZeroDivisionError here, for the handler's landing pad (elsewhere the
        operation's own check deoptimizes and the interpreter raises it)."""
        if name not in ZERO_DIVISION or not (is_number(a) and is_number(b)):
            return
        kind = "float" if FLOAT in (a.type, b.type) else "int"
        self.emit("raise_if_zero", [b, ObjRef(ZeroDivisionError),
                                    ObjRef(ZERO_DIVISION[name][kind])], None,
                  self.error_point(index, locals_, stack, quiet=True))

    def emit_pads(self):
        """The landing pads of the instruction just translated; returns their edges
        [(handler index, State)] for the type walk."""
        from .frontend import State, _kind
        edges = []
        pads, self.pads = self.pads, []
        for index, entry, locals_, stack, point, version in pads:
            if version is None:
                version = self.escape_version
            current = self.block
            if self.fn is not None:
                self.block = Block(point.pad, entry.target)
                self.fn.blocks.append(self.block)
            if self.promoted is not None and version is not None:
                # (a module-level loop: the call may have assigned a module variable)
                now = self.emit("dict_version", [self.const_object(self.globals)], INT)
                same = self.emit("icmp.eq", [version, now], BOOL)
                changed = self.deopt_point(index, locals_, stack, after_call=True,
                                           reason="raised", quiet=True)
                if changed is not None:
                    changed.raises = changed.synced = True
                self.emit("guard_true", [same], None, changed)
            site = CatchSite(getattr(self.code, "module_origin", self.code), index,
                             self.native_frame())
            exc = self.kind_value("catch", [ObjRef(handlers_of(self.jit).caught),
                                            ObjRef(site)], OBJ, owned=True)
            for dropped in stack[entry.depth:]:
                self.release(dropped)
            handler_stack = stack[:entry.depth] + [exc]
            before = list(handler_stack)
            self._spill(handler_stack, [entry.target], lambda: self.deopt_point(
                entry.target, locals_, before, reason="boxing"))
            state = State(tuple(locals_), tuple(_kind(e) for e in handler_stack))
            if self.fn is not None:
                self.emit("jump", [self._block_name(entry.target, state)])
            self.block = current
            edges.append((entry.target, state))
        return edges

    def native_frame(self) -> NativeFrame:
        frame = self.__dict__.get("_native_frame")
        if frame is None:
            module = self.promoted is not None or self.code.name == "<module>"
            frame = self._native_frame = NativeFrame(
                getattr(self.code, "module_origin", self.code), self.globals, self.builtins,
                module)
        return frame

    # -- the handler's instructions ---------------------------------------------------------

    def _push_exc_info(self, index, arg, locals_, stack):
        exc = stack[-1]
        if not is_boxed(exc):
            self.fail("an exception handler entered without its exception", index)
        stack.pop()
        previous = self.kind_value("exc_push", [exc, handlers_of(self.jit).exc_info_offset],
                                   OBJ, owned=True)
        stack += [previous, exc]
        return None

    def _pop_except(self, index, arg, locals_, stack):
        previous = stack.pop()
        if not is_boxed(previous):
            self.fail("an exception handler left without the exception it replaced", index)
        # (the reference goes to the thread's state)
        self.emit("exc_pop", [self.take(previous), handlers_of(self.jit).exc_info_offset])
        return None

    def _check_exc_match(self, index, arg, locals_, stack):
        from .frontend import Const
        expected = stack[-1]
        if not (isinstance(expected, Const) and _catchable(expected.value)):
            self.fail("an `except` of something not known when compiling", index)
        stack.pop()
        exc = stack[-1]
        stack.append(self.emit("exc_match", [exc, self.const_object(expected.value)], BOOL))
        return None

    def _reraise(self, index, arg, locals_, stack):
        """RERAISE: the exception goes on; the interpreter raises it from here (and its
        exception table unwinds the frame)."""
        self.emit("exit", ["'reraise'"], None,
                  self.deopt_point(index, locals_, stack, reason="raise"))
        return []

    def _delete_fast(self, index, arg, locals_, stack):
        """`del name` of a local bound to an object (`except E as name` ends with one)."""
        kind = locals_[arg]
        if not isinstance(kind, (JType, Seq)) or jtype_of(kind) not in BOXED:
            return NOT_MINE  # (a number, or a local that may be unbound: not compiled)
        slot = self._local_slot(arg, kind)
        self.own_borrowed(stack, slot)
        value = self.emit("load", [slot], kind)
        self.emit("clear", [slot])
        self.emit("decref", [value])
        if (arg, kind) in self.maybe_locals:
            self.emit("store", [self._bound_slot(arg, kind),
                                self.emit("const", [BOOL, False], BOOL)])
        locals_[arg] = None
        return None


def _reachable(code) -> set[int]:
    ins = code.instructions
    reached, work = set(), [0]
    while work:
        index = work.pop()
        if index in reached or index >= len(ins):
            continue
        reached.add(index)
        op, arg = ins[index]
        flags = OPCODES[op].flags
        if Flag.JUMP in flags:
            work.append(arg)
        if Flag.TERMINAL not in flags:  # (unconditional jumps are terminal too)
            work.append(index + 1)
    return reached


_CLASS_LOADS = {Op.LOAD_GLOBAL, Op.LOAD_NAME, Op.LOAD_ATTR, Op.LOAD_FAST, Op.LOAD_DEREF,
                Op.BUILD_TUPLE}


def _except_clause(code, target: int) -> bool:
    """Is the handler at `target` an `except` clause (typed or bare)?  Only those are
    compiled: a `finally` or a `with`'s exit ends in RERAISE (the exception goes on, so the
    interpreter would take over anyway), and the cleanup handler that releases an exception
    raised inside an `except` body re-raises too."""
    ins = code.instructions
    if ins[target][0] != Op.PUSH_EXC_INFO or target + 1 >= len(ins):
        return False
    if ins[target + 1][0] == Op.POP_TOP:  # a bare `except:`
        return True
    for op, _arg in ins[target + 1:]:
        if op == Op.CHECK_EXC_MATCH:
            return True
        if op not in _CLASS_LOADS:
            return False
    return False


def _catchable(value) -> bool:
    """Is `value` what `except` accepts: an exception class, or a tuple of them?"""
    if type(value) is tuple:
        return all(_catchable(item) for item in value)
    return isinstance(value, type) and issubclass(value, BaseException)


_build_tuple = _STEPS[Op.BUILD_TUPLE]


def _build_tuple_of_classes(self, index, arg, locals_, stack):
    """`except (A, B):` — BUILD_TUPLE of classes known when compiling, right before
    CHECK_EXC_MATCH: the tuple is a compile-time constant too (each class keeps its global's
    guard)."""
    from .frontend import Const
    ins = self.code.instructions
    items = stack[len(stack) - arg:] if arg else []
    if items and index + 1 < len(ins) and ins[index + 1][0] == Op.CHECK_EXC_MATCH and all(
            isinstance(e, Const) and _catchable(e.value) for e in items):
        del stack[len(stack) - arg:]
        stack.append(Const(tuple(e.value for e in items)))
        return None
    return _build_tuple(self, index, arg, locals_, stack)


_STEPS.update({
    Op.PUSH_EXC_INFO: HandlerSteps._push_exc_info,
    Op.POP_EXCEPT: HandlerSteps._pop_except,
    Op.CHECK_EXC_MATCH: HandlerSteps._check_exc_match,
    Op.RERAISE: HandlerSteps._reraise,
    Op.DELETE_FAST: HandlerSteps._delete_fast,
    Op.BUILD_TUPLE: _build_tuple_of_classes,
})

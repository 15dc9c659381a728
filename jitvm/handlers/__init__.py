"""One short handler per opcode, and the linker that threads a code object.

A handler is `handler(frame, arg) -> None | int | Signal`: None falls through to the next
instruction, an int jumps there, a Signal returns or yields (see interpreter.py).  `link(code)`
turns a code object into direct-threaded code: a list of (handler, argument) with arguments
resolved ahead of time, so LOAD_CONST's argument is the constant itself, LOAD_GLOBAL's the name
string, and COMPARE_OP is specialised into one handler per comparison.

Handlers never raise a user-visible exception inside a host `except` block: the host would
chain its own KeyError or ValueError as `__context__`, which CPython never shows.

The handlers live in modules by kind (`values`, `operators`, `control`); importing this package
registers them all in `HANDLERS`.
"""

from __future__ import annotations


from types import MethodType

from ..code import CodeObject
from ..objects import Function
from ..opcodes import OPCODES, Arg, Op

from .control import CALL_FUNCTION, JUMP_BACKWARD, JUMP_BACKWARD_OSR
from .operators import COMPARE_HANDLERS
from .registry import HANDLERS
from .values import LOAD_FAST

__all__ = ["HANDLERS", "link", "link_counting", "link_profiling", "CALL_FUNCTION", "JUMP_BACKWARD", "LOAD_FAST"]


# -- linking ---------------------------------------------------------------------------------------


def link(code: CodeObject, osr: bool = False) -> list:
    """Direct-threaded form of `code`: (handler, resolved argument) per instruction.  With
    `osr`, loop back-edges also try on-stack replacement into compiled code."""
    out = []
    for index, (op, arg) in enumerate(code.instructions):
        kind = OPCODES[op].arg
        if op == Op.JUMP_BACKWARD and osr:
            out.append((JUMP_BACKWARD_OSR, (arg, index, back_edge_weight(arg, index))))
        elif op == Op.COMPARE_OP:
            out.append((COMPARE_HANDLERS[arg], arg))
        elif kind is Arg.CONST:
            out.append((HANDLERS[op], code.consts[arg]))
        elif kind is Arg.NAME:
            out.append((HANDLERS[op], code.names[arg]))
        else:
            out.append((HANDLERS[op], arg))
    from ..superinstructions import fuse
    fuse(code, out)
    return out


# A back-edge counts one execution, or one per this many instructions of a longer loop body.
BODY_PER_COUNT = 64


def back_edge_weight(header: int, jump: int) -> int:
    """What one iteration of the loop from `header` to its back-edge at `jump` adds to its
    code object's count: 1, or for a long body (over 2 * BODY_PER_COUNT instructions) one per
    BODY_PER_COUNT instructions.  (A call of a function counts the same for its whole body:
    CodeProfile.call_weight.)  The count stands for interpreting work that compiling would
    save; n-body's unrolled step is 860 instructions, which would otherwise be interpreted
    1000 times (0.1-0.2 s) before it is compiled.  (V8 weighs its tier-up budget by the
    bytecode size of each jump the same way.)"""
    return max(1, (jump - header) // BODY_PER_COUNT)


def link_counting(threaded: list, vm) -> list:
    """The threaded code with every handler counting into `vm.instruction_count` (--stats):
    a fused pair counts as the two instructions it stands for."""
    out = []
    for handler, arg in threaded:
        out.append((_counted(handler, vm, 2 if handler.__module__.endswith(
            "superinstructions") else 1), arg))
    return out


def _counted(handler, vm, instructions: int):
    def count_and_run(f, arg):
        vm.instruction_count += instructions
        return handler(f, arg)
    count_and_run.counted = handler  # (link_profiling looks through the count)
    return count_and_run


_OPERAND_OPS = frozenset(op for op in Op if op.name.startswith(("BINARY_", "INPLACE_"))
                         and op != Op.BINARY_SUBSCR) | {Op.COMPARE_OP}


def link_profiling(code: CodeObject, profile, threaded: list) -> list:
    """The threaded code with type recorders in front of operators, comparisons and loop
    back-edges; a frame uses it while its code object is warming up."""
    out = list(threaded)
    for index, (op, arg) in enumerate(code.instructions):
        if op in _OPERAND_OPS:
            out[index] = _record_operands(out[index][0], profile.operand_types.setdefault(
                index, set()))
            out[index] = (out[index], threaded[index][1])
        elif op == Op.STORE_ATTR and getattr(out[index][0], "counted", out[index][0]) \
                is HANDLERS[op]:  # the class of the object it stores to
            out[index] = (_record_owner(out[index][0], profile.owner_types.setdefault(
                index, set())), threaded[index][1])
        elif op == Op.CALL_FUNCTION and type(threaded[index][1]) is tuple:
            # a call whose result is dropped (fused with its POP_TOP): which function
            out[index] = (_record_callee(out[index][0], profile.call_targets.setdefault(
                index, set())), threaded[index][1])
        elif op == Op.JUMP_BACKWARD:
            out[index] = (_record_locals(out[index][0], profile.loop_types.setdefault(
                arg, set())), threaded[index][1])
        elif op in _RESULT_OPS and getattr(out[index][0], "counted", out[index][0]) \
                is HANDLERS[op]:  # not fused with a POP_TOP (--stats counts through a wrapper)
            handler = _record_result(out[index][0], profile.result_types.setdefault(
                index, set()))
            if op == Op.LOAD_ATTR:  # the owner's type too: which method a call will run
                handler = _record_owner(handler, profile.owner_types.setdefault(index, set()))
                # and the function of a bound method it made (`super().f`: jit/frontend_pic)
                handler = _record_bound(handler, profile.call_targets.setdefault(index, set()))
            elif op == Op.CALL_FUNCTION:  # which function it calls (a callback's)
                handler = _record_callee(handler, profile.call_targets.setdefault(index, set()))
            out[index] = (handler, threaded[index][1])
    return out


_MAX_TARGETS = 4  # a call site that saw more callees than this is megamorphic: not recorded


def callee_key(callee):
    """What a call site's feedback records of a callee: a jitvm function itself (one of a
    module's, alive anyway), for a closure only its code and globals (the profile must not
    keep the closure, and with it its cells' contents, alive), else the callee's type."""
    if type(callee) is not Function:
        return type(callee)
    if callee.__closure__ is None:
        return callee
    return ("code", callee._code, _Namespace(callee.__globals__))


class _Namespace:
    """A module's dict in a set, by identity (dicts are not hashable)."""

    __slots__ = ("d",)

    def __init__(self, d: dict):
        self.d = d

    def __eq__(self, other):
        return type(other) is _Namespace and other.d is self.d

    def __hash__(self):
        return id(self.d)


def _record_callee(handler, seen: set):
    def record_callee(f, arg):
        if len(seen) <= _MAX_TARGETS:
            callee = f.stack[-1 - (arg[0] if type(arg) is tuple else arg)]
            seen.add(callee_key(callee))
        return handler(f, arg)
    return record_callee


_RESULT_OPS = frozenset({Op.CALL_FUNCTION, Op.CALL_FUNCTION_KW, Op.BINARY_SUBSCR,
                         Op.LOAD_ATTR, Op.LOAD_DEREF})


def _record_result(handler, seen: set):
    def record_result_type(f, arg):
        outcome = handler(f, arg)
        seen.add(type(f.stack[-1]))
        return outcome
    return record_result_type


def _record_bound(handler, seen: set):
    def record_bound_function(f, arg):
        outcome = handler(f, arg)
        attr = f.stack[-1]
        if type(attr) is MethodType and type(attr.__func__) is Function \
                and len(seen) <= _MAX_TARGETS:
            seen.add(attr.__func__)
        return outcome
    return record_bound_function


def _record_owner(handler, seen: set):
    def record_owner_type(f, arg):
        seen.add(type(f.stack[-1]))
        return handler(f, arg)
    return record_owner_type


def _record_operands(handler, seen: set):
    def record_operand_types(f, arg):
        s = f.stack
        seen.add((type(s[-2]), type(s[-1])))
        return handler(f, arg)
    return record_operand_types


def _record_locals(handler, seen: set):
    def record_local_types(f, arg):
        seen.add(tuple(type(value) for value in f.fast))
        return handler(f, arg)
    return record_local_types

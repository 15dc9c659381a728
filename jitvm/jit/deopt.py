"""Deoptimization, and what becomes of a specialisation that keeps deoptimizing (a mixin of
`JIT`).

In: the deopt records native code left in a thread's deopt buffer (innermost frame first: the
function, the deopt point, one word per live value).  Out: an interpreter frame rebuilt for
each native frame at its exact instruction and run to completion (with OSR, the live frame
restored instead); the deopt logged, and counted unless the interpreter then raised at that
very instruction.  A specialisation past MAX_DEOPTS is dropped: specialised again for what its
arguments hold now, or backed off (interpreted for a while, longer each time, then compiled
again; a loop's OSR entry likewise), at last blacklisted.
"""

from __future__ import annotations

import os
import struct
from types import MethodType

from ..interpreter import UNBOUND, Frame
from ..objects import Function
from ..opcodes import Op
from .abi import CTX_USED
from .bridge_objects import RELEASED, from_word as _from_word, rebuild_entry
from .module_loops import EXPECTED_EXITS
from .ir import UNPROFILED, JitFunction
from .types import TUPLE

MAX_DEOPTS = 50  # a specialisation that deoptimizes this often is dropped ...
BACKOFF = 10_000  # ... and made again after this many calls and loop iterations, doubling
MAX_RETRIES = 4   # each time; after this many retries the call stays interpreted for good
MAX_RELEARNS = 8  # specialisations made again at once, per code object, for what a deopt taught
REBINDS_LEARNT = 2  # a global compiled code found rebound this often is read at each use
# What an operator's feedback gets when native code met an int beyond 64 bits there (the
# interpreter records both as `int`): no longer one pair of number types, so the code made
# again does that operation on Python ints (PyNumber_Add...), as CPython does.
BIG_INTS = ("int beyond 64 bits", "int beyond 64 bits")
# Calls: their results are what a line's big ints most likely come from (an operator on
# them is then generic anyway).  Not the operators: `n - 1` made generic would pass
# objects to a recursive call, and specialise it again for those.
_BIG_INT_SITES = frozenset((Op.CALL_FUNCTION, Op.CALL_FUNCTION_KW, Op.CALL_FUNCTION_EX))
QUIET_EXITS = EXPECTED_EXITS + (UNPROFILED,)  # side exits that are no failed speculation
_INT64 = 2 ** 63


class Deoptimization:
    """The deoptimization half of the JIT (mixed into jit.JIT)."""

    # -- a specialisation that keeps deoptimizing -------------------------------------------

    def _respecialize(self, func: Function, args: list, dropped: JitFunction):
        """`dropped` kept deoptimizing.  When its lists' elements are now of another type
        (a program whose data changed), specialise again for what the arguments hold now —
        a few times per code object at most; otherwise the call stays interpreted.  When a
        deopt taught the feedback something (`stale`), made again at once."""
        kinds = tuple(self.live_kind(arg) for arg in args)
        if dropped.stale and self._relearn(func._code, dropped) and None not in kinds:
            self.vm.thread_state().in_jit = True
            try:
                fn = self.compile_for_call(func, kinds)
            finally:
                self.vm.thread_state().in_jit = False
            return fn if fn is not None and fn.deopt_count <= MAX_DEOPTS else None
        tried = self._respecialized.setdefault(func._code, set())
        if kinds == getattr(dropped, "arg_kinds", None) or kinds in tried or len(tried) >= 3 \
                or None in kinds:
            return None
        tried.add(kinds)
        self.say(f"respecializing: {func.__qualname__}({', '.join(map(str, kinds))})")
        self.vm.thread_state().in_jit = True
        try:
            fn = self.compile_for_call(func, kinds)
        finally:
            self.vm.thread_state().in_jit = False
        return fn if fn is not None and fn.deopt_count <= MAX_DEOPTS else None

    def _back_off(self, func: Function, key: tuple, dropped: JitFunction):
        """`dropped` keeps deoptimizing: interpret the calls for a while, longer each time
        (the program may be in a phase its guards do not fit), then compile it again."""
        waiting = self._backoff.get((func._code, key))
        retries = waiting[1] if waiting is not None else 0
        if retries >= MAX_RETRIES:
            self._backoff[(func._code, key)] = [float("inf"), retries, None]
            self.say(f"blacklisted: {func.__qualname__} keeps deoptimizing; it stays "
                     f"interpreted")
            return
        wait = BACKOFF << retries
        self._backoff[(func._code, key)] = [func._profile.count + wait, retries + 1,
                                            (func._code, getattr(dropped, "arg_kinds",
                                                                 dropped.argtypes))]
        self.say(f"backing off: {func.__qualname__} keeps deoptimizing; interpreted for "
                 f"{wait} calls and loop iterations, then compiled again "
                 f"({retries + 1} of {MAX_RETRIES})")

    def _retry(self, func: Function, key: tuple) -> bool:
        """Is it time to compile a dropped specialisation again?  (Then it is forgotten.)"""
        waiting = self._backoff.get((func._code, key))
        if waiting is None or func._profile.count < waiting[0]:
            return False
        waiting[0] = float("inf")  # until it is dropped again
        self.specializations.pop(waiting[2], None)
        self._respecialized.pop(func._code, None)
        del func._profile.natives[key]
        self.say(f"retrying: {func.__qualname__}")
        return True

    def may_relearn(self, code) -> bool:
        """Has `code` any re-makes for what deopts teach left (MAX_RELEARNS)?"""
        return self._relearned.get(code, 0) < MAX_RELEARNS

    def _relearn(self, code, stale: JitFunction) -> bool:
        """May `stale` (dropped for what a deopt taught) be made again at once?  Then every
        cached entry of it is forgotten."""
        count = self._relearned.get(code, 0)
        if count >= MAX_RELEARNS:
            return False
        self._relearned[code] = count + 1
        for key in [key for key, fn in self.specializations.items() if fn is stale]:
            del self.specializations[key]
        return True

    def _learn_big_ints(self, fn: JitFunction, pc: int, frame, callers=()) -> None:
        """`fn` met an int beyond 64 bits at instruction `pc`: an operand or a result it
        guarded to be a 64-bit int (the feedback said `int`, which Python's bigger ints are
        too), or an operator's result that overflowed.  The instruction's feedback learns
        it, and `fn` is dropped: made again at its next entry with Python ints there,
        instead of deoptimizing at every entry (a sum or a Fibonacci number that grew past
        2**63)."""
        self._learn(fn, pc, frame, "operand_types", BIG_INTS, "meets ints beyond 64 bits",
                    callers)
        # The calls on the same line most likely return them too (the sum of two calls'
        # results): learnt now, rather than one deopt and one re-make each.
        code = getattr(frame.code, "module_origin", frame.code)
        if getattr(code, "feedback_origin", None) is None and 0 <= pc < len(code.positions):
            line = code.positions[pc].lineno
            table = self.vm.profile_for(code).operand_types
            for i, (op, _) in enumerate(code.instructions):
                if op in _BIG_INT_SITES and code.positions[i].lineno == line:
                    table.setdefault(i, set()).add(BIG_INTS)

    def _learn(self, fn: JitFunction, pc: int, frame, table: str, entry, what: str,
               callers=()) -> None:
        """A guard of `fn` at instruction `pc` met what the interpreter's feedback there
        (`table`) did not show — `entry`: a type of result, a pair of operand types, a kind
        of sequence unpacked, ints beyond 64 bits.  The feedback learns it, and `fn` is
        dropped (`_drop_stale`): made again at its next entry for what it now knows, rather
        than deoptimizing at every entry until it is dropped and backs off (a `node.left`
        that is a Node for a while, then None)."""
        code = getattr(frame.code, "module_origin", frame.code)
        origin = getattr(code, "feedback_origin", None)  # fused code: its genexpr's feedback
        if origin is not None:
            code, pc = origin[0], origin[1].get(pc)
            if pc is None:
                return
        seen = getattr(self.vm.profile_for(code), table).setdefault(pc, set())
        if entry in seen:
            if fn.stale:  # learnt before, and still called directly by these callers
                for caller in callers:
                    caller.stale = True
                    caller.deopt_count = max(caller.deopt_count, MAX_DEOPTS + 1)
                    self.revoke_host(caller)
            return
        seen.add(entry)
        self._drop_stale(fn, callers, code, pc, what)

    def _learn_rebound(self, deopted, callers) -> None:
        """A guard that a global still holds what the code was compiled against failed.  Once
        is a function redefined, a constant changed: the code made again guards the new
        value.  The second time the global varies (a module-level `f = choices[k]` before each
        run of a hot loop calling `f`): the code made again reads it at each use
        (`JIT.rebound_global`), rather than deoptimizing at every entry until blacklisted."""
        fn, point, frame = deopted
        name = point.reason[len("global "):-len(" rebound")]
        seen = self._rebound_globals.setdefault(id(frame.globals), {})
        seen[name] = seen.get(name, 0) + 1
        if seen[name] >= REBINDS_LEARNT:  # (every code still guarding it: made before)
            code = getattr(frame.code, "module_origin", frame.code)
            self._drop_stale(fn, callers, code, point.pc, f"finds global {name} rebound again")

    def _drop_stale(self, fn: JitFunction, callers, code, pc: int, what: str) -> None:
        """A deopt of `fn` taught the feedback of `code` at `pc` something (`what`): `fn`
        is dropped, and made again at its next entry (`_relearn`), rather than deoptimizing
        there until it is dropped and backs off.  So are the native callers on the stack,
        which call it directly (they would go on calling it, deoptimizing each time, until
        charged with MAX_DEOPTS)."""
        for stale in (fn, *callers):
            stale.stale = True
            stale.deopt_count = max(stale.deopt_count, MAX_DEOPTS + 1)
            self.revoke_host(stale)
        self.say(f"learnt: {code.qualname} at line {code.line_of(pc)} {what}; compiled "
                 f"again")

    def _osr_back_off(self, f, jump_index: int, header: int, key: tuple):
        """The OSR entry `key` keeps deoptimizing: its loop runs interpreted for a while (a
        back-edge that only counts), longer each time, then the entry is compiled again."""
        code = f.code
        self.specializations.pop(key, None)
        retries = self._backoff.get(("osr", code, header), 0)
        if retries >= MAX_RETRIES:
            self.say(f"blacklisted: the loop of {code.qualname} at line "
                     f"{code.line_of(header)} keeps deoptimizing; it stays interpreted")
            return self._no_osr(f, jump_index, header)
        self._backoff[("osr", code, header)] = retries + 1
        wait = BACKOFF << retries
        instrs, left, say = f.instrs, [wait], self.say
        # Every OSR back-edge to this header (an `if` in the loop body makes several): its
        # argument is (header, its own index, its weight), whatever handler wraps it.
        jumps = {i: instr for i, instr in enumerate(instrs)
                 if type(instr[1]) is tuple and instr[1][:2] == (header, i)}

        def counting_jump(frame, target):  # JUMP_BACKWARD, counting down to the retry
            frame.profile.count += 1
            left[0] -= 1
            if left[0] == 0:
                for i, instr in jumps.items():
                    instrs[i] = instr
                say(f"retrying: the loop of {code.qualname} at line {code.line_of(header)}")
            return target

        for i in jumps:
            instrs[i] = (counting_jump, header)
        self.say(f"backing off: the loop of {code.qualname} at line {code.line_of(header)} "
                 f"keeps deoptimizing; interpreted for {wait} iterations, then compiled "
                 f"again ({retries + 1} of {MAX_RETRIES})")
        return None

    # -- deoptimization ---------------------------------------------------------------------

    def _resume(self, ctx, buffer, first: int, ts, into=None, error=None):
        """Rebuild an interpreter frame for every native frame that deoptimized (innermost
        first; their records are in `buffer` from `first` to the context's used mark), give
        the buffer space back, and finish them in the interpreter, each result flowing to
        its caller.  With
        `into` (OSR), the outermost native frame *is* that live interpreter frame: its state
        is restored there and the index to continue at is returned.  With `error`, native code
        left because of that exception (raised by a Python callable it called): it is raised
        in the innermost frame, at the instruction that raised it."""
        frames = []
        position, used = first, ctx[CTX_USED]
        while position < used:
            fn = self.functions[buffer[position]]
            point = fn.deopts[buffer[position + 1]]
            position += 2
            frame, position = self._rebuild(fn, point, buffer, position, ts)
            frames.append((fn, point, frame))
        ctx[CTX_USED] = first  # (not before: code run meanwhile must not write over them)
        if not frames:
            raise SystemError("native code deoptimized without a record")  # never
        native_callers = [fn for fn, _, _ in frames[1:]]
        if frames[0][1].reason == UNPROFILED:  # a soft exit (frontend.unprofiled)
            self._unprofiled(frames, native_callers)
        elif frames[0][1].reason.startswith(CALLEE_CHANGED):
            if _another_callee(self.vm, *frames[0][1:]):
                self._drop_stale(frames[0][0], native_callers, frames[0][2].code,
                                 frames[0][1].pc, "calls another function")
        elif _met_big_ints(frames[0][1].reason, frames[0][2].stack):
            # (a result is guarded after its instruction: the feedback is the instruction's)
            pc = frames[0][1].pc - (frames[0][1].reason == "result type")
            self._learn_big_ints(frames[0][0], pc, frames[0][2], callers=native_callers)
        elif frames[0][1].reason.startswith("global ") and \
                frames[0][1].reason.endswith(" rebound"):
            self._learn_rebound(frames[0], native_callers)
        elif frames[0][1].reason == "element type" and _subscripted(*frames[0][1:]):
            # `seq[i]` of a list or tuple whose elements the code guessed from what the
            # interpreter saw there met another type (a closure's list, ints one call and
            # floats the next): the feedback learns it, and the code made again reads the
            # element as an object rather than deoptimizing at every entry until it backs off.
            fn, point, frame = frames[0]
            element = type(frame.stack[-2][frame.stack[-1]])
            self._learn(fn, point.pc, frame, "result_types", element,
                        f"reads {element.__name__} elements", native_callers)
        elif frames[0][1].reason in _LEARNT and frames[0][2].stack:
            fn, point, frame = frames[0]
            stack = frame.stack
            if point.reason == "result type":
                self._learn(fn, point.pc - 1, frame, "result_types", type(stack[-1]),
                            f"makes a {type(stack[-1]).__name__} too", native_callers)
            elif point.reason == "unpacking":
                self._learn(fn, point.pc, frame, "operand_types", ("unpack", type(stack[-1])),
                            f"unpacks a {type(stack[-1]).__name__}", native_callers)
            elif len(stack) >= 2:
                pair = (type(stack[-2]), type(stack[-1]))
                self._learn(fn, point.pc, frame, "operand_types", pair,
                            f"meets {pair[0].__name__} and {pair[1].__name__}", native_callers)
        elif frames[0][1].reason.startswith(METHOD_CHANGED):
            # (a method call speculated on one class met another: the code made again
            # dispatches on both (frontend_pic.py); met something it cannot call directly,
            # `object` marks the site: the code made again calls anything else through the
            # C-API.  owner_types is keyed by the LOAD_ATTR)
            code = getattr(frames[0][2].code, "module_origin", frames[0][2].code)
            owners = self.vm.profile_for(code).owner_types.setdefault(frames[0][1].pc - 1,
                                                                      set())
            learnt = _receiver_class(frames[0][2].stack)
            if learnt in owners:
                learnt = object  # (a class seen before whose method changed)
            if learnt not in owners:
                owners.add(learnt)
                self._drop_stale(frames[0][0], native_callers, code, frames[0][1].pc - 1,
                                 "calls a method of another class")
        # One deoptimization, however many native frames it unwound: charge the function
        # whose guard failed — unless the interpreter then raises at that very instruction
        # (a ZeroDivisionError, an IndexError...): an exception is the program's semantics,
        # not a failed speculation, and a `try` in a loop may catch it every iteration.
        watched = frames[0] if error is None and frames[0][1].reason not in QUIET_EXITS \
            and not frames[0][1].handling else None
        # native frames that called the one whose guard failed
        callers = [(fn, point) for fn, point, _ in frames[1:]]
        if watched is not None:
            # Settled when the frame next tries OSR (before that OSR entry can deoptimize
            # and reset `first_fault` in its turn), or else when it finishes.
            watched[2].first_fault, watched[2].pending_deopt = None, watched[:2]
            self._log_deopt(*watched[:2])
        if into is not None:
            *frames, (fn, outer_point, outer) = frames
            promoted = getattr(outer.code, "promoted", None)
            if promoted is not None and not outer_point.synced:
                # A module-level loop: its registers to the dict, before any callee that
                # deoptimized goes on in the interpreter (it may read them).
                namespace = into.locals
                for name, value in zip(promoted, outer.fast):
                    if value is UNBOUND:  # (never bound, or deleted: `except E as name`)
                        namespace.pop(name, None)
                    elif not _unchanged(namespace.get(name), value):
                        namespace[name] = value
            if not frames and watched is not None:  # settled at the frame's next OSR entry
                into.first_fault, into.pending_deopt = None, watched[:2]
                watched = None
        base = ts.depth
        result = None
        raised, error = error, None
        try:
            for i, (fn, point, frame) in enumerate(frames):
                frames[i] = None  # a finished frame is not kept (its locals freed in time)
                # The outermost native frame sat just above the interpreter frame that called.
                ts.depth = base + len(frames) - 1 - i
                try:
                    # (An exception to raise goes boxed, this frame keeping no reference: it
                    # and the locals of the frames it passed are freed once it is handled.)
                    if i == 0:
                        box, raised = [raised], None
                        result = self.vm._enter(frame, box if box[0] is not None else None)
                    elif error is not None:  # the callee raised: raise it at the call
                        box, error = [error], None
                        if point.raise_at is not None:
                            frame.pc = point.raise_at + 1
                        result = self.vm._enter(frame, box)
                    else:  # (an __init__ that returned something raises at the call)
                        result = self.vm._enter(frame, _push_result(frame, point, result))
                except BaseException as exc:
                    error = exc
                # A finished frame goes now, with the objects its locals held: not while its
                # caller goes on (a callee's `other` kept alive past the caller's own drop of
                # it: `__del__`s out of CPython's order).
                frame = None
                if i == 0 and watched is not None:  # it finished: settle, and let it go
                    self._settle_watched(watched[2])
                    watched = watched[:2] + (None,)
        finally:
            ts.depth = base
            if watched is not None:
                if watched[2] is not None:
                    self._settle_watched(watched[2])
                if watched[0].deopt_count > MAX_DEOPTS:
                    # Dropped, yet native callers still call it directly: charge them too, so
                    # they are made again (calling it through the interpreter) or back off.
                    for caller, point in callers:
                        self._count_deopt(caller, point)
        if into is not None:
            if promoted is None:
                into.fast[:] = outer.fast
            into.stack[:] = outer.stack
            if not frames and raised is not None:  # raised by an instruction of this frame
                into.fault_index = outer_point.pc
                raise raised
            if frames:  # it was waiting for a callee that finished in the interpreter
                if error is None:
                    error = _push_result(into, outer_point, result)
                if error is not None:
                    into.fault_index = outer_point.pc if outer_point.raise_at is None \
                        else outer_point.raise_at  # raised by the call instruction
                    raise error
            return outer.pc
        if error is not None:
            raise error
        return result

    def _unprofiled(self, frames, native_callers):
        """A soft exit: native code met an instruction it was compiled for before the
        interpreter ran it.  The frames go on in the interpreter with the profiling variant
        of their code, so the instruction (and the rest of each frame) records its type
        feedback; the code, and its native callers, are made again at their next entry
        for it.  Not a deopt to count: nothing failed."""
        fn, point, frame = frames[0]
        code = getattr(frame.code, "module_origin", frame.code)
        taken = self.unprofiled_taken.setdefault(code, set())
        first = point.pc not in taken  # (else an older frame of the same machine code, in
        taken.add(point.pc)           # a recursion, got there too: dropped already)
        for _, _, rebuilt in frames:
            run = getattr(rebuilt.code, "module_origin", rebuilt.code)
            rebuilt.instrs = self.vm.profiling_instrs(run)
        if first or not fn.stale:
            self._drop_stale(fn, native_callers, code, point.pc, "has run (it had no type "
                             "feedback)")

    def _settle_watched(self, frame):
        if frame.pending_deopt is not None:
            self._settle_deopt(*frame.pending_deopt, frame.first_fault)
            frame.pending_deopt = None

    def _settle_deopt(self, fn: JitFunction, point, first_fault):
        """Count the deopt at `point` unless the interpreter raised right there."""
        if first_fault != point.pc:
            self._count_deopt(fn, point)

    def _log_deopt(self, fn: JitFunction, point):
        self.say(f"deopt: {fn.code.qualname} at {fn.code.filename}:"
                 f"{fn.code.line_of(point.pc)} ({point.reason})")

    def _count_deopt(self, fn: JitFunction, point):
        fn.deopt_count += 1
        self.stats["deopts"] += 1
        if point.reason == "element type":
            self.stats["element_deopts"] += 1
        where = (f"{fn.code.qualname} at {os.path.basename(fn.code.filename)}:"
                 f"{fn.code.line_of(point.pc)} ({point.reason})")
        self.deopts_by_guard[where] = self.deopts_by_guard.get(where, 0) + 1
        if fn.deopt_count == MAX_DEOPTS + 1:
            self.say(f"dropped: {fn.code.qualname} keeps deoptimizing")
            self.revoke_host(fn)

    def _rebuild(self, fn: JitFunction, point, buffer, position: int, ts):
        code = fn.code
        fast = []
        where = {slot: position + i for i, slot in enumerate(fn.record_slots)}
        for slot in point.locals:
            if slot is None:
                fast.append(UNBOUND)
            elif slot[0] == "maybe":  # a bound flag, then the value
                _, flag, value = slot
                fast.append(_from_word(buffer[where[value]], value[1]) if buffer[where[flag]]
                            else UNBOUND)
            else:
                fast.append(_from_word(buffer[where[slot]], slot[1]))
        position += len(fn.record_slots)
        slotted = iter(point.slotted)

        def word():  # the next stack word: in a slot, or after the slots
            nonlocal position
            slot = next(slotted)
            if slot is not None:
                return buffer[where[slot]]
            position += 1
            return buffer[position - 1]

        stack = [rebuild_entry(entry, word) for entry in point.stack]
        if any(entry is RELEASED for entry in stack):  # (handed over only to be dropped)
            stack = [entry for entry in stack if entry is not RELEASED]
        vm = self.vm
        run = getattr(code, "module_origin", code)  # (a module's view runs as the module)
        frame = Frame(vm, ts, code, vm.threaded(run), fn.globals, vm.builtins, None,
                      vm.profile_for(run))
        frame.fast = fast
        frame.stack = stack
        if code.has_cells:
            frame.cells = list(_from_word(buffer[where[("$cells", TUPLE)]], TUPLE))
        frame.pc = point.pc + 1 if point.after_call else point.pc
        return frame, position


CALLEE_CHANGED = "calls another function than"  # (frontend_calls.speculated_call)
METHOD_CHANGED = "method "  # "method NAME is not CLASS.NAME" (frontend_objects.bound_function)


def _receiver_class(stack):
    """The class of the receiver a method call speculated on another met: the bound method
    of a jitvm function its lookup made (on top of the stack) says; `object` for anything
    else (an instance attribute, a builtin's method)."""
    attr = stack[-1] if stack else None
    if type(attr) is MethodType and type(attr.__func__) is Function:
        return type(attr.__self__)
    return object


def _another_callee(vm, point, frame) -> bool:
    """A call site speculated on its one callee called another: the interpreter's feedback
    learns it, so that the code made again calls through the C-API instead.  Is it new?"""
    code = getattr(frame.code, "module_origin", frame.code)
    _, argc = frame.code.instructions[point.pc]
    callee = frame.stack[-1 - argc]
    from ..handlers import callee_key
    targets = vm.profile_for(code).call_targets.setdefault(point.pc, set())
    key = callee_key(callee)
    if key in targets:
        return False
    targets.add(key)
    return True


# Deopts whose value on the stack tells the instruction's feedback something new (_learn).
_LEARNT = frozenset(("result type", "operand type", "unpacking"))
# Operators of ints whose native code deoptimizes only when the result overflows 64 bits
# (for a shift or a power, when the count or exponent is not negative).
_GROWING = frozenset(f"{kind}_{op}" for kind in ("BINARY", "INPLACE")
                     for op in ("ADD", "SUBTRACT", "MULTIPLY", "LSHIFT", "POWER"))


def _subscripted(point, frame) -> bool:
    """Did an element type guard deoptimize at `seq[i]` with a list or tuple and an index
    in range on the stack (so the element it met can be read without running any code)?"""
    if frame.code.instructions[point.pc][0] != Op.BINARY_SUBSCR or len(frame.stack) < 2:
        return False
    seq, key = frame.stack[-2], frame.stack[-1]
    return type(seq) in (list, tuple) and type(key) in (int, bool) and \
        -len(seq) <= key < len(seq)


def _met_big_ints(reason: str, stack: list) -> bool:
    """Did a deopt with these operands on the stack meet an int beyond 64 bits: an operand
    guarded to be a 64-bit int was bigger, a result guarded so (a call's) was, or an
    operator's result overflowed?"""
    if reason == "operand type" or reason == "result type":
        return any(type(v) is int and not -_INT64 <= v < _INT64
                   for v in stack[-2 if reason == "operand type" else -1:])
    if reason not in _GROWING or len(stack) < 2:
        return False
    a, b = stack[-2], stack[-1]
    if type(a) not in (int, bool) or type(b) not in (int, bool):
        return False
    return b >= 0 or not reason.endswith(("LSHIFT", "POWER"))


def _unchanged(old, value) -> bool:
    """Does the dict's `old` object already hold the number `value` (bit for bit)?  Then it
    stays: a variable native code did not change keeps its object (`x is y` after `y = x`,
    `nan in [nan]`)."""
    kind = type(value)
    if type(old) is not kind or kind not in (int, float):
        return False
    return old == value if kind is int else struct.pack("<d", old) == struct.pack("<d", value)


def _push_result(frame, point, result) -> BaseException | None:
    """A callee finished in the interpreter: its result goes on its caller's stack — unless
    the call made an object (`point.constructs`: the callee was its __init__), which is on
    the stack already.  Returns the exception the call raises instead, if any."""
    if not point.constructs:
        frame.stack.append(result)
    elif result is not None:
        return TypeError(f"__init__() should return None, not '{type(result).__name__}'")
    return None

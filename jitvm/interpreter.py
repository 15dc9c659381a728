"""The interpreter (the PVM): frames, the dispatch loop, calls and exception unwinding.

In: code objects from the compiler.  Out: the program's effects.  A frame holds a value stack,
fast locals, cells and a program counter.  The dispatch loop runs *direct-threaded* code: the
first time a code object runs, its instructions are linked into a list of (handler, argument)
pairs, where the argument is already resolved (the constant itself, the name string, a
specialised comparison), so each step is one tuple unpack and one call.  Handlers (in
`handlers.py`) return None to fall through, an int to jump, or a `Signal`.

Exceptions raised by a handler are caught once per loop, not per instruction: the loop looks up
the exception table, cuts the value stack back to the handler's depth, pushes the exception and
continues there.  Each frame an exception passes through adds a traceback entry (code object
and instruction index), which `errors.py` turns into a CPython-format traceback.

The interpreter counts executions per code object (calls and loop back-edges) in side tables
(`CodeProfile`); the JIT reads them.
"""

from __future__ import annotations

import builtins
import enum
import os
import threading
import types

from .code import CodeObject
from .objects import SUSPENDABLE, Function, build_class
from .opcodes import Flag, OPCODES, Op

UNBOUND = object()  # an unset local: LOAD_FAST raises UnboundLocalError
NOT_HANDLED = object()  # the JIT declined a call: the interpreter runs it
DEFAULT_RECURSION_LIMIT = 1000
# Host frames one jitvm call needs (dispatch loop, handler, call helper) plus headroom for host
# code that jitvm calls into.
HOST_FRAMES_PER_CALL = 4


class Signal(enum.Enum):
    """What a handler tells the dispatch loop, besides "next" (None) and "jump" (an int)."""

    RETURN = 1  # return TOS
    YIELD = 2  # suspend, yielding TOS; resume after this instruction
    YIELD_FROM = 3  # suspend, yielding TOS; resume at this same instruction


class CodeProfile:
    """Side table for one code object: execution count and type feedback for the JIT.

    Feedback is recorded only while the code object is warming up (count below the VM's
    `profile_limit`), by the profiling variant of its threaded code."""

    __slots__ = ("count", "call_weight", "arg_types", "operand_types", "loop_types", "natives",
                 "result_types", "owner_types", "call_targets", "host")

    def __init__(self, call_weight: int = 1):
        self.count = 0  # calls plus loop back-edges
        # what a call adds to `count`: 1, more for a long body (handlers.back_edge_weight)
        self.call_weight = call_weight
        # argument Python types → the JIT's specialisation for them (None: stays interpreted)
        self.natives: dict[tuple[type, ...], object] = {}
        self.arg_types: set[tuple[type, ...]] = set()  # argument types seen at calls
        # instruction index → (left type, right type) pairs seen by an operator or comparison
        self.operand_types: dict[int, set[tuple[type, type]]] = {}
        # loop header index → types of the fast locals seen at its back-edge
        self.loop_types: dict[int, set[tuple[type, ...]]] = {}
        # instruction index → types of the results of a call, subscript or attribute
        self.result_types: dict[int, set[type]] = {}
        # instruction index → types of the objects an attribute was read from (LOAD_ATTR)
        self.owner_types: dict[int, set[type]] = {}
        # instruction index → the jitvm functions a CALL_FUNCTION called (other callees: their
        # type), up to a few
        self.call_targets: dict[int, set] = {}
        # the address of the JIT's host record for calls of this code made natively by the
        # host bridge (jit/hostcall.py), as an int, or None
        self.host = None

    def __repr__(self) -> str:
        return f"<CodeProfile count={self.count}>"


class ThreadState:
    """Per-thread interpreter state, like CPython's tstate: the exception being handled (for
    bare `raise` and implicit chaining) and the depth of jitvm frames."""

    __slots__ = ("exc_info", "depth", "native", "in_jit")

    def __init__(self):
        self.exc_info: BaseException | None = None
        self.depth = 0
        self.native = None  # the JIT's native context for this thread, made on first use
        self.in_jit = False  # compiling or running native code (re-entry interprets)


class Frame:
    __slots__ = ("vm", "ts", "code", "instrs", "stack", "fast", "cells", "globals", "builtins",
                 "locals", "pc", "profile", "finished", "fault_index", "first_fault",
                 "pending_deopt", "generator")  # (generator: set while one runs the frame)

    def __init__(self, vm: VM, ts: ThreadState, code: CodeObject, instrs, globals: dict,
                 builtins_: dict, locals_, profile: CodeProfile):
        self.vm = vm
        self.ts = ts
        self.code = code
        self.instrs = instrs
        self.stack: list = []
        self.fast: list = []
        self.cells: list = []
        self.globals = globals
        self.builtins = builtins_
        self.locals = locals_
        self.pc = 0
        self.profile = profile
        self.finished = False
        self.fault_index = None  # set when an exception belongs to another instruction
        # For the JIT's deopt accounting: where the first exception since it cleared this was
        # raised, and a deopt of this (OSR) frame not yet known to be a speculation failure.
        self.first_fault = None
        self.pending_deopt = None

    def at_yield_from(self) -> bool:
        return (not self.finished and self.pc < len(self.code.instructions)
                and self.code.instructions[self.pc][0] == Op.YIELD_FROM)


class VM:
    """One jitvm interpreter: per-thread states, the threaded-code cache and the
    per-code-object profiles."""

    def __init__(self, profile_limit: int = 1000):
        self._thread_states: dict[int, ThreadState] = {}
        self.profile_limit = profile_limit  # record type feedback for this many executions
        self.jit = None  # a jitvm.jit.JIT when compiling hot code
        self.recursion_limit = DEFAULT_RECURSION_LIMIT
        self.profiles: dict[CodeObject, CodeProfile] = {}
        self._threaded: dict[CodeObject, list] = {}
        self._profiling: dict[CodeObject, list] = {}
        self.instruction_count = 0  # counted only with --stats (handlers.link_counting)
        self.count_instructions = False
        self.builtins = builtins.__dict__
        self.build_class = types.MethodType(build_class, self)

    def thread_state(self) -> ThreadState:
        """The calling thread's state (used where host code enters jitvm)."""
        ident = threading.get_ident()
        ts = self._thread_states.get(ident)
        if ts is None:
            ts = self._thread_states[ident] = ThreadState()
        return ts

    # -- side tables -----------------------------------------------------------------------------

    def profile_for(self, code: CodeObject) -> CodeProfile:
        profile = self.profiles.get(code)
        if profile is None:
            from .handlers import back_edge_weight
            profile = self.profiles[code] = CodeProfile(
                back_edge_weight(0, len(code.instructions)))
        return profile

    def threaded(self, code: CodeObject) -> list:
        instrs = self._threaded.get(code)
        if instrs is None:
            from .handlers import link, link_counting
            instrs = link(code, osr=self.jit is not None)
            if self.count_instructions:
                instrs = link_counting(instrs, self)
            self._threaded[code] = instrs
        return instrs

    def instrs_for(self, code: CodeObject, profile: CodeProfile) -> list:
        """Threaded code for a new frame: the profiling variant while the code is warming up."""
        if profile.count >= self.profile_limit:
            return self.threaded(code)
        return self.profiling_instrs(code)

    def profiling_instrs(self, code: CodeObject) -> list:
        """The threaded code of `code` with type recorders (also for a frame the JIT hands
        back at an instruction it had no feedback for: jit/deopt.py)."""
        instrs = self._profiling.get(code)
        if instrs is None:
            from .handlers import link_profiling
            instrs = self._profiling[code] = link_profiling(code, self.profile_for(code),
                                                            self.threaded(code))
        return instrs

    # -- running code ----------------------------------------------------------------------------

    def new_frame(self, code: CodeObject, globals: dict, locals_=None,
                  ts: ThreadState | None = None) -> Frame:
        builtins_ = globals.get("__builtins__", builtins)
        if isinstance(builtins_, types.ModuleType):
            builtins_ = builtins_.__dict__
        profile = self.profile_for(code)
        return Frame(self, ts or self.thread_state(), code, self.instrs_for(code, profile),
                     globals, builtins_, locals_, profile)

    def run_module(self, code: CodeObject, globals: dict):
        """Run module-level code with `globals` as its namespace."""
        globals.setdefault("__builtins__", builtins)
        frame = self.new_frame(code, globals, globals)
        frame.profile.count += 1
        return self._enter(frame)  # a module frame counts towards the recursion limit

    def run_code(self, code: CodeObject, globals: dict, locals_, ts: ThreadState | None = None):
        """Run module-style code (exec/eval) with explicit namespaces."""
        frame = self.new_frame(code, globals, locals_, ts)
        return self._enter(frame)

    def run_class_body(self, func: Function, namespace):
        code = func._code
        frame = self.new_frame(code, func.__globals__, namespace)
        frame.cells = [types.CellType() for _ in code.cellvars] + list(func.__closure__ or ())
        return self._enter(frame)

    def call_function(self, func: Function, args: list, kwargs: dict | None,
                      ts: ThreadState | None = None):
        """Call a jitvm function.  `args` becomes the frame's locals (the caller gives up
        the list); `ts` is the calling frame's thread state (looked up if not given)."""
        code = func._code
        profile = func._profile
        profile.count += profile.call_weight
        jit = self.jit
        bound = None
        if jit is not None and profile.count >= jit.threshold:
            if kwargs is None and code.simple_args:
                if profile.host is not None:  # the host bridge's native entry (hostcall.py)
                    result = jit.host_call(func, *args)
                    if result is not NOT_HANDLED:
                        return result
                result = jit.try_call(func, args, ts or self.thread_state())
                if result is not NOT_HANDLED:
                    return result
            elif not code.generator:
                # Keywords, *args, **kwargs, keyword-only parameters: bound first (with the
                # interpreter's errors), then native code takes the parameters' values.
                bound = _Binding()
                bind_arguments(func, code, bound, args, kwargs)
                result = jit.try_call(func, bound.fast[:code.total_args],
                                      ts or self.thread_state())
                if result is not NOT_HANDLED:
                    return result
        if profile.count < self.profile_limit:
            profile.arg_types.add(tuple(type(arg) for arg in args))
            instrs = self.instrs_for(code, profile)
        else:
            instrs = self.threaded(code)
        if ts is None:
            ts = self.thread_state()
        frame = Frame(self, ts, code, instrs, func.__globals__, self.builtins, None, profile)
        if bound is not None:
            frame.fast = bound.fast
        elif kwargs is None and code.simple_args and len(args) == code.argcount:
            if code.unbound_locals:
                args.extend([UNBOUND] * code.unbound_locals)
            frame.fast = args
        else:
            bind_arguments(func, code, frame, args, kwargs)
        if code.has_cells:
            cells = [types.CellType() for _ in code.cellvars]
            for cell_index, arg_index in code.cell2arg:
                cells[cell_index].cell_contents = frame.fast[arg_index]
            frame.cells = cells + list(func.__closure__ or ())
        if code.generator:
            return SUSPENDABLE[code.generator](self, frame, func)
        ts.depth += 1
        try:
            if ts.depth > self.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            return self.run_frame(frame)
        finally:
            ts.depth -= 1

    def _enter(self, frame: Frame, throw: BaseException | None = None):
        ts = frame.ts
        ts.depth += 1
        try:
            if ts.depth > self.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            return self.run_frame(frame, throw)
        finally:
            ts.depth -= 1

    def run_frame(self, f: Frame, throw: BaseException | list | None = None):
        """The dispatch loop.  Runs `f` from `f.pc` until it returns (f.finished) or yields.
        `throw`: an exception to raise first, or a list holding it (taken out)."""
        instrs = f.instrs
        pc = f.pc
        while True:
            try:
                if throw is not None:
                    exc, throw = throw, None
                    if type(exc) is list:  # boxed, so that the caller keeps no reference
                        exc = exc.pop()
                    pc = pc + 1 if f.at_yield_from() else pc
                    raise exc
                while True:
                    handler, arg = instrs[pc]
                    pc += 1
                    signal = handler(f, arg)
                    if signal is not None:
                        if type(signal) is int:
                            pc = signal
                        elif signal is Signal.RETURN:
                            f.finished = True
                            return f.stack.pop()
                        else:
                            f.pc = pc if signal is Signal.YIELD else pc - 1
                            return f.stack.pop()
            except BaseException as exc:
                pc = self.unwind(f, exc, pc - 1)

    def _fused_stop_iteration(self, f: Frame, stop: BaseException, index: int):
        """A StopIteration leaving the generator part of fused code (jit/fused.py): as out of
        a generator, it becomes a RuntimeError (objects._Suspendable._resume)."""
        add_traceback_entry(stop, f, index)
        f.finished = True
        _keep_fused_iterator(f)
        f.stack.clear()
        try:
            raise RuntimeError("generator raised StopIteration") from stop
        finally:
            stop = None

    def unwind(self, f: Frame, exc: BaseException, index: int) -> int:
        """Route an exception raised at instruction `index`: returns the handler's index, or
        re-raises it out of the frame."""
        code = f.code
        if f.fault_index is not None:  # e.g. raised by a call that native code made
            index, f.fault_index = f.fault_index, None
        if f.first_fault is None:
            f.first_fault = index
        op, arg = code.instructions[index]
        # A bare `raise` re-raises the handled exception without a new entry; with none being
        # handled, its RuntimeError is a new exception and gets one.
        reraise = Flag.RERAISE in OPCODES[op].flags or (
            op == Op.RAISE_VARARGS and arg == 0 and exc is f.ts.exc_info)
        caller_ops = getattr(code, "caller_ops", None)  # a generator fused into sum & co
        if caller_ops is not None:
            if index in caller_ops:  # raised by the consumer: CPython's sum() raises it
                reraise = True
            elif type(exc) is StopIteration or isinstance(exc, StopIteration):
                return self._fused_stop_iteration(f, exc, index)
        if not reraise:
            add_traceback_entry(exc, f, index)
            handled = f.ts.exc_info
            if handled is not None and handled is not exc and exc.__context__ is None:
                exc.__context__ = handled
        entry = code.handler_for(index)
        if entry is None:
            f.finished = True
            if caller_ops is not None:
                _keep_fused_iterator(f)
            f.stack.clear()  # (as CPython: what it held, a loop's iterator say, goes now)
            raise exc
        if exc.__traceback__ is not None:
            exc.__traceback__ = _program_traceback(exc.__traceback__)
        del f.stack[entry.depth:]
        f.stack.append(exc)
        return entry.target


_INTERNAL_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _program_traceback(tb):
    """`tb` without the host frames of jitvm itself, for an exception the program catches.
    Those frames hold the exception in their locals (`unwind`'s, a handler's): a cycle that
    kept it, and through it the locals of every frame it passed, alive until the garbage
    collector ran, so `__del__` methods and generators' `finally` blocks ran late.  (The
    program's own frames are in `_jitvm_tb`; frames of host code it called stay; so does the
    first entry, the dispatch loop that catches it, whose `exc` is gone by the time the
    handler runs: a traceback is never empty, as in CPython.)"""
    head = last = tb
    tb = tb.tb_next
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_INTERNAL_DIR):
            last.tb_next = tb
            last = tb
        tb = tb.tb_next
    last.tb_next = None
    return head


def _keep_fused_iterator(f: Frame):
    """Fused code (jit/fused.py) is entered at its loop with the iterator on the stack and
    `.0` unbound; a generator keeps the iterator in `.0`, so a traceback holding its frame
    keeps the iterator (an inner generator's `finally` runs when the exception goes, not
    before the caller's `except` block)."""
    if f.stack and f.fast and f.fast[0] is UNBOUND:
        f.fast[0] = f.stack[0]


def add_traceback_entry(exc: BaseException, frame: Frame, index: int):
    """Record that `exc` passed through `frame` at instruction `index` (innermost first).
    Like a CPython traceback, this keeps the frame alive (for "Did you mean" hints)."""
    try:
        entries = exc.__dict__.setdefault("_jitvm_tb", [])
    except AttributeError:  # an exception type without a __dict__: no jitvm traceback
        return
    entries.append((frame.code, index, frame))


# -- argument binding ------------------------------------------------------------------------------


class _Binding:
    """Where bind_arguments puts a call's locals before there is a frame (`fast`)."""

    __slots__ = ("fast",)


def bind_arguments(func: Function, code: CodeObject, frame: Frame, args: list,
                   kwargs: dict | None):
    """Fill the frame's fast locals from a call's arguments, with CPython's rules and
    error messages."""
    nlocals = len(code.varnames)
    argcount = code.argcount
    nargs = len(args)
    fast = [UNBOUND] * nlocals
    frame.fast = fast
    total = argcount + code.kwonlyargcount
    fast[:min(nargs, argcount)] = args[:argcount]
    index = total
    if code.has_varargs:
        fast[index] = tuple(args[argcount:])
        index += 1
    kwdict = None
    if code.has_varkw:
        kwdict = fast[index] = {}
    name = func.__qualname__
    varnames = code.varnames
    if kwargs:
        posonly_passed = []
        for key, value in kwargs.items():
            if not isinstance(key, str):
                raise TypeError(f"{name}() keywords must be strings")
            try:
                slot = varnames.index(key, code.posonlyargcount, total)
            except ValueError:
                if kwdict is not None:
                    kwdict[key] = value
                    continue
                if key in varnames[:code.posonlyargcount]:
                    posonly_passed.append(key)
                    continue
                raise TypeError(f"{name}() got an unexpected keyword argument '{key}'") \
                    from None
            if fast[slot] is not UNBOUND:
                raise TypeError(f"{name}() got multiple values for argument '{key}'")
            fast[slot] = value
        if posonly_passed:
            raise TypeError(f"{name}() got some positional-only arguments passed as keyword "
                            f"arguments: '{', '.join(posonly_passed)}'")
    if nargs > argcount and not code.has_varargs:
        _too_many_positional(func, code, fast, nargs)
    defaults = func.__defaults__ or ()
    if nargs < argcount:
        first_default = argcount - len(defaults)
        missing = []
        for i in range(nargs, argcount):
            if fast[i] is UNBOUND:
                if i >= first_default:
                    fast[i] = defaults[i - first_default]
                else:
                    missing.append(varnames[i])
        if missing:
            _missing(name, missing, "positional")
    if code.kwonlyargcount:
        kwdefaults = func.__kwdefaults__ or {}
        missing = []
        for i in range(argcount, total):
            if fast[i] is UNBOUND:
                if varnames[i] in kwdefaults:
                    fast[i] = kwdefaults[varnames[i]]
                else:
                    missing.append(varnames[i])
        if missing:
            _missing(name, missing, "keyword-only")


def _too_many_positional(func: Function, code: CodeObject, fast: list, given: int):
    defcount = len(func.__defaults__ or ())
    argcount = code.argcount
    kwonly_given = sum(1 for i in range(argcount, argcount + code.kwonlyargcount)
                       if fast[i] is not UNBOUND)
    if defcount:
        sig, plural = f"from {argcount - defcount} to {argcount}", True
    else:
        sig, plural = str(argcount), argcount != 1
    kwonly_sig = ""
    if kwonly_given:
        kwonly_sig = (f" positional argument{'s' if given != 1 else ''} (and {kwonly_given} "
                      f"keyword-only argument{'s' if kwonly_given != 1 else ''})")
    verb = "was" if given == 1 and not kwonly_given else "were"
    raise TypeError(f"{func.__qualname__}() takes {sig} positional argument"
                    f"{'s' if plural else ''} but {given}{kwonly_sig} {verb} given")


def _missing(name: str, missing: list[str], kind: str):
    quoted = [f"'{m}'" for m in missing]
    if len(quoted) == 1:
        names = quoted[0]
    elif len(quoted) == 2:
        names = f"{quoted[0]} and {quoted[1]}"
    else:
        names = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
    raise TypeError(f"{name}() missing {len(missing)} required {kind} argument"
                    f"{'s' if len(missing) != 1 else ''}: {names}")

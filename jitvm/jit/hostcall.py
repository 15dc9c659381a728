"""Calls of compiled functions from host code and from the interpreter, made natively.

CPython calls a jitvm `Function` through its type's `tp_call` slot: `map(f, xs)`, `sorted(key=f)`,
a class's `__hash__`/`__eq__` run by `set`, `__lt__` run by `list.sort`, a signal handler.  That
slot runs the Python method `Function.__call__` → `VM.call_function` → `JIT.try_call` →
`JIT._run` → a ctypes call: ~2 µs a call.  Here `tp_call` is machine code, `jitvm.host.call`,
which does the common case itself in ~0.1 µs and hands anything else to the Python method:

* the function's profile holds a *host record* (`CodeProfile.host`, made by `HostTable.offer`
  once a call of it ran natively through the Python path): its VM, its number of parameters,
  the specialisation's machine code and the *thunk* for its signature;
* the call has exactly those positional arguments (no keywords), its function's `_vm` is the
  record's VM (a `@jitvm.jit` function's is not: its host entry counts calls), and the calling
  thread has a native context registered (`HostTable.register`);
* the thread is not compiling (`ThreadState.in_jit`), and the nesting level, recursion budget
  and deopt-buffer reservation are worked out exactly as `JIT._run` does (the nesting levels
  live in the context, `abi.CTX_LEVEL`, so the two kinds of entries nest in each other);
* the thunk (one per signature: argument and return types) checks each argument's exact type
  (ints within 64 bits) as the Python path's key `tuple(map(type, args))` would, unboxes them,
  calls the specialisation and boxes its result.

Anything else returns "not handled" (MARK), and the Python method runs the call as before.
A deopt (or an exception a Python callable raised inside) goes to `JIT.host_resume`, which
finishes the frames in the interpreter as `_run` does.  No Python code runs between the
native call's return and the read of its result, so no result cell is needed here.

`jitvm.host.fast` is the same as a builtin function `host(func, *args)` returning
NOT_HANDLED: the interpreter's calls of hot functions go through it (VM.call_function).

Calls the native path takes do not add to the function's `CodeProfile.count` (like native
code's direct calls of compiled callees); with `--stats` (timed native calls) no record is
made, so every call is counted and timed.

The machine code of the bridge and of the thunks is built once per process (and cached on
disk like any module) and never freed: the type slot points at it.
"""

from __future__ import annotations

import ctypes
import sys
import threading

from .abi import DEOPT, check_layout, instance_slot_offset
from .types import BOOL, FLOAT, INT, LIST, NONE, OBJ, TUPLE

METH_FASTCALL = 0x80
MISMATCH = 3  # a thunk's status: the arguments are not of its types (nothing was run)
TYPE_CALL = 128  # PyTypeObject.tp_call (CPython 3.11, 64-bit)
DICT_USED = 16  # PyDictObject.ma_used
LONG_DIGIT = 24  # PyLongObject.ob_digit[0]
FLOAT_VALUE = 16

# The bridge's environment (`jitvm.host.env`, filled once loaded): addresses of this process.
E_SLOT_CALL, E_PROFILE_TYPE, E_LONG, E_FALSE, E_NONE, E_LIMIT_NAME = range(6)
ENV_WORDS = 6
# A host record (one per offer; never freed: native code may be reading one being replaced)
R_VM, R_NARGS, R_TABLE, R_THUNK, R_FN = range(5)
RECORD_WORDS = 5
# A host table (one per JIT): the resume callable, the largest deopt record, then the threads
# (thread ident, context address), MAX_THREADS of them.
T_RESUME, T_RECORD_WORDS, T_THREADS = 0, 1, 2
MAX_THREADS = 16
UNBOXED = frozenset({INT, FLOAT, BOOL, OBJ, LIST, TUPLE})  # parameter types thunks take


def wants_thunk(fn) -> bool:
    """Does specialisation `fn` get a thunk: a function's entry (not a loop's) whose
    parameters are the caller's arguments, of types a thunk unboxes, and, for a closure
    without cells of its own, the function's closure (the tuple `make_cells` passes)?"""
    code = fn.code
    params = fn.argtypes[:-1] if _takes_closure(fn) else fn.argtypes
    return (fn.osr_entry is None and (not code.has_cells or _takes_closure(fn))
            and len(params) == code.argcount and all(t in UNBOXED for t in params)
            and fn.return_type in (INT, FLOAT, BOOL, NONE, OBJ, LIST, TUPLE))


def _takes_closure(fn) -> bool:
    return bool(fn.code.has_cells and not fn.code.cellvars and fn.argtypes
                and fn.argtypes[-1] is TUPLE)


class HostTable:
    """One JIT's side of the bridge: its table (threads, resume callable), and the host
    records it offers to the profiles of functions whose calls ran natively."""

    def __init__(self, jit, bridge: "Bridge"):
        self.jit = jit
        self.bridge = bridge
        self.words = (ctypes.c_int64 * (T_THREADS + 2 * MAX_THREADS))()
        self.resume = jit.host_resume  # (kept alive here: the table holds its address)
        self.words[T_RESUME] = id(self.resume)
        self.words[T_RECORD_WORDS] = jit.record_words
        self._records = []  # every record made (see RECORD above: never freed)
        self._threads = 0
        self._offered: dict = {}  # JitFunction → its record (an int), or None: not offered

        for ident, ts in list(jit.vm._thread_states.items()):  # contexts made before
            if ts.native is not None:
                self._add(ident, ctypes.addressof(ts.native[0]))

    def register(self, ts, ctx_address: int):
        """`ts`'s native context was just made: register it for the calling thread, if `ts`
        is the state the VM gives this thread (a generator's frame may run elsewhere)."""
        ident = threading.get_ident()
        if self.jit.vm._thread_states.get(ident) is ts:
            self._add(ident, ctx_address)

    def _add(self, ident: int, ctx_address: int):
        if self._threads >= MAX_THREADS:
            return  # (that thread's calls take the Python path)
        at = T_THREADS + 2 * self._threads
        self.words[at + 1] = ctx_address  # (before the ident: a reader matches the ident)
        self.words[at] = ident
        self._threads += 1

    def record_words(self, words: int):
        self.words[T_RECORD_WORDS] = words

    def offer(self, func, fn):
        """A call of `func` ran `fn` natively through the Python path: let the bridge take
        its next calls with these argument types, when it can."""
        record = self._offered.get(fn, False)
        if record is False:
            record = self._offered[fn] = self._record(func, fn)
        if record is not None:
            func._profile.host = record
            fn.host_profiles.add(func._profile)

    def revoke(self, fn):
        """`fn` was dropped (it keeps deoptimizing, or a deopt taught something): calls go
        through the Python path again, which makes or finds another specialisation."""
        record = self._offered.pop(fn, None)
        for profile in getattr(fn, "host_profiles", ()):
            if profile.host == record:
                profile.host = None

    def _record(self, func, fn):
        thunk = getattr(fn, "host_thunk", None)
        if thunk is None or func._vm is not self.jit.vm:
            return None
        nargs = func._code.argcount  # (a call filling some from the defaults: Python path)
        words = (ctypes.c_int64 * RECORD_WORDS)()
        words[R_VM] = id(self.jit.vm)
        words[R_NARGS] = nargs
        words[R_TABLE] = ctypes.addressof(self.words)
        words[R_THUNK] = thunk
        words[R_FN] = fn.address
        self._records.append(words)
        fn.host_profiles = set()
        return ctypes.addressof(words)


class Bridge:
    """The process's native bridge: `jitvm.host.call` installed as Function's tp_call, and
    the builtin `host(func, *args)`.  Made once (`bridge()`)."""

    def __init__(self, engine, function_type, profile_type, thread_state_type, not_handled):
        self.engine = engine  # (kept: with LLVM's own loader, the code lives in its engine)
        self.thunks: dict = {}  # signature → its thunk's address
        self.not_handled = not_handled
        offsets = {
            "vm": instance_slot_offset(function_type, "_vm"),
            "profile": instance_slot_offset(function_type, "_profile"),
            "host": instance_slot_offset(profile_type, "host"),
            "depth": instance_slot_offset(thread_state_type, "depth"),
            "in_jit": instance_slot_offset(thread_state_type, "in_jit"),
        }
        self.closure_offset = instance_slot_offset(function_type, "__closure__")
        if None in offsets.values() or self.closure_offset is None:
            raise _Unavailable("slots not found")
        slot = ctypes.c_void_p.from_address(id(function_type) + TYPE_CALL)
        if not _slot_tp_call_at(function_type):
            raise _Unavailable("tp_call not where expected")
        def build():
            from llvmlite import ir
            from .hostcall_ir import build_bridge
            module = ir.Module(name="jitvm.host")
            build_bridge(module, offsets)
            return module

        from . import DEOPT_BUFFER_WORDS, NATIVE_DEPTH_CAP
        symbols = engine.machine_code(
            build, ["jitvm.host.call", "jitvm.host.fast", "jitvm.host.env"],
            f"jitvm.host {sorted(offsets.items())} {DEOPT_BUFFER_WORDS} {NATIVE_DEPTH_CAP} "
            f"{_SOURCES}")
        self._name = sys.intern("recursion_limit")
        env = (ctypes.c_uint64 * ENV_WORDS).from_address(symbols["jitvm.host.env"])
        env[:] = [slot.value, id(profile_type), id(int), id(False), id(None), id(self._name)]
        # `host(func, *args)`: a builtin function (a PyMethodDef: name, METH_FASTCALL
        # function, flags, doc) whose self is NOT_HANDLED, what it returns when declining
        self._method_name = ctypes.create_string_buffer(b"host")
        self._def = (ctypes.c_void_p * 4)(ctypes.addressof(self._method_name),
                                          symbols["jitvm.host.fast"], METH_FASTCALL, None)
        new = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.py_object,
                               ctypes.c_void_p)(("PyCFunction_NewEx", ctypes.pythonapi))
        self.call = new(ctypes.addressof(self._def), not_handled, None)
        slot.value = symbols["jitvm.host.call"]  # from now on CPython calls go native first

    def thunk(self, engine, fn) -> int:
        """The thunk for `fn`'s signature, made on first use (by a caller that may use
        LLVM: see `bridge`)."""
        closure = self.closure_offset if _takes_closure(fn) else None
        key = (tuple(fn.argtypes), fn.return_type, closure)
        address = self.thunks.get(key)
        if address is None:
            name = "jitvm.host.thunk." + "_".join(map(str, key[0])) + "." + str(key[1]) \
                + (".closure" if closure is not None else "")
            def build():
                from llvmlite import ir
                from .hostcall_ir import define_thunk
                module = ir.Module(name=name)
                define_thunk(module, name, *key)
                return module

            address = self.thunks[key] = engine.machine_code(
                build, [name], f"{name} {key} {_SOURCES}")[name]
        return address


def _sources() -> str:
    """A fingerprint of the files the bridge's IR is made from (its cache key: engine.py)."""
    import os
    from .code_cache import source_fingerprint
    here = os.path.dirname(os.path.abspath(__file__))
    return source_fingerprint(*(os.path.join(here, name) for name in (
        "hostcall.py", "hostcall_ir.py", "abi.py", "lower.py", "types.py")))


class _Unavailable(Exception):
    pass


_SOURCES = ""  # (_sources(), once a bridge is made)
_BRIDGE: list = []  # [Bridge], or [None] when this CPython cannot have one
_BRIDGE_LOCK = threading.Lock()


def bridge(jit) -> Bridge | None:
    """The process's bridge, made with `jit`'s engine on first use (None where the object
    layout is not CPython 3.11's).  Called where the JIT installs machine code: on the
    thread that uses LLVM, with the thread's `in_jit` set (a signal handler run meanwhile
    is interpreted, and cannot make it twice)."""
    with _BRIDGE_LOCK:
        return _bridge(jit)


def _bridge(jit):
    global _SOURCES
    if not _BRIDGE:
        _SOURCES = _sources()
        from ..interpreter import NOT_HANDLED, CodeProfile, ThreadState
        from ..objects import Function
        made = None
        if check_layout():
            try:
                made = Bridge(jit.engine, Function, CodeProfile, ThreadState, NOT_HANDLED)
            except _Unavailable:
                made = None
            except Exception as exc:  # noqa: BLE001 - a JIT bug: host calls stay on the
                jit.say(f"no native bridge for calls from the host: {exc!r}")  # Python path
        _BRIDGE.append(made)
    return _BRIDGE[0]


def _slot_tp_call_at(function_type) -> bool:
    """Is tp_call where it is read: the same (slot_tp_call) in two classes with __call__,
    and that of a builtin function elsewhere?"""
    class A:
        def __call__(self):
            pass

    def call_of(t):
        return ctypes.c_void_p.from_address(id(t) + TYPE_CALL).value

    return (call_of(A) == call_of(function_type) and call_of(object) is None
            and call_of(type(len)) not in (None, call_of(A)))




class HostCalls:
    """The JIT's side of the bridge (a mixin of jit.JIT)."""

    def _make_host(self):
        """This JIT's table in the process's native bridge, made with the first machine code
        installed (where LLVM may be used: see `bridge`); none on another CPython, nor when
        native calls are timed (--stats)."""
        self._host = False  # (tried)
        if self.objects and not self.timed:
            made = bridge(self)
            if made is not None:
                self._host, self.host_call = HostTable(self, made), made.call

    def _add_thunk(self, fn, now: bool = False):
        """The thunk of `fn`'s signature, so that the bridge can call it: made here (where
        LLVM may be used: `now`, or with the lock held), or on the compiler thread when that
        is the one using LLVM."""
        fn.host_thunk = None  # (until made)
        if not self._host or not wants_thunk(fn):
            return
        made = self._host.bridge

        def make():
            try:
                fn.host_thunk = made.thunk(self.engine, fn)
            except Exception as exc:  # noqa: BLE001 - a JIT bug: its calls stay on the
                self.say(f"no host entry for {fn.code.qualname}: {exc}")  # Python path
        if now:
            make()
            return
        with self._lock:
            if self.background and self._compiler is not None:
                self._compiler.submit([], make)
            else:
                make()

    def revoke_host(self, fn):
        """`fn` was dropped: the bridge no longer calls it (HostTable.revoke)."""
        if self._host:
            self._host.revoke(fn)

    def host_resume(self, status: int, first: int, error):
        """The bridge's native entry deoptimized (or a Python callable raised inside it):
        finish its frames in the interpreter, as `_run` does."""
        if status != DEOPT and error is None:
            raise SystemError("native code returned an unknown status")  # never: see abi.py
        ts = self.vm.thread_state()
        ctx, buffer = ts.native[0], ts.native[1]
        return self._resume(ctx, buffer, first, ts, error=error)

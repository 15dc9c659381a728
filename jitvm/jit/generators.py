"""Generators whose body runs natively: the bridge's side.

Calling a hot generator function whose body compiles for the arguments' types
(frontend_generators.py: a resumable function and its state block) makes a `NativeGenerator`
instead of an interpreted `Generator`.  Each `next` resumes the machine code, which runs to
the next `yield` and hands the value out (YIELDED), or finishes (StopIteration).  The type's
`tp_iternext` slot is machine code too (generator_ir.py): `for x in g` in the interpreter,
`sum(g)`, `list(g)`, `zip(g, ...)` and native code's loops resume the body without running
any Python code; the Python method `__next__` (`_next`) is the path when that machine code is
not there or declines (another thread without a context, a nested entry too deep, compiling).

It leaves native code for good, becoming an ordinary suspended interpreter generator, when:

* a guard fails inside the body (a deopt): the frame is rebuilt from the deopt record and the
  interpreter runs on from that instruction to the next `yield` (nothing is run twice);
* the program sends a value other than None, throws, closes, or asks for `gi_frame`: the
  frame is rebuilt from the state block (the deopt record of the point after the last
  `yield`, `JIT._rebuild`), then the interpreter's `send`/`throw`/`close` go on;
* it is freed while suspended holding objects: rebuilt and closed, as an interpreter
  generator is (the objects its locals hold are released then, in CPython's order).

A generator with try/with, cells, `yield from`, or a body that does not compile stays an
interpreter generator (the reason is in `--jit-log`).
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import threading
import time
from threading import get_ident

from ..interpreter import UNBOUND, Frame
from ..objects import Generator
from .abi import (CTX_USED, DEOPT, STATE_DONE, STATE_EXHAUSTS, OK, STATE_BODY, STATE_INDEX, STATE_PARAMS, STATE_POINT,
                  STATE_RUNNING, STATE_TABLE, STATE_VM, YIELDED)
from .bridge_objects import from_word, stack_entry_kind, steal
from .deopt import MAX_DEOPTS
from .ir import JitFunction, NotCompilable
from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, TUPLE, jtype_of

FINISHED = -1  # the state block's resume index once the interpreter owns the frame
_incref = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_IncRef", ctypes.pythonapi))
_decref = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_DecRef", ctypes.pythonapi))


class NativeGenerator(Generator):
    """A generator whose body runs natively until it must leave (see the module docstring).
    While it does, `_frame` is an empty frame for its code (made when first asked for,
    filled when it leaves); None once `next`'s machine code finished it (STATE_DONE)."""

    __slots__ = ()  # (the state block is Generator's slot `_block`: generator_ir.py reads
    # it; the same layout, so that a running interpreter generator can become one: OSR)

    def __init__(self, vm, func, jit, fn, args):
        # (_Suspendable.__init__'s fields set here: this is on the path of every call)
        proto = fn.block_proto
        if proto is None or proto[STATE_BODY] == 0 and jit.native_next is not None:
            proto = fn.block_proto = _header(jit, vm, fn, new_block(fn))
        self._block = block = type(proto).from_buffer_copy(proto)
        self._vm = vm
        self._frame_i = _LAZY
        self._exc_state = None
        self.__name__ = func.__name__
        self.__qualname__ = func.__qualname__
        self._origin = (func._code, func.__globals__, func._profile)  # (for the frame)
        self._jit = jit
        self._fn = fn
        self._started_i = False  # (`_started` once the interpreter owns the frame)
        # The parameters go to the block as the frame's locals would hold them: objects
        # with a reference each (taken over by the body's first entry).
        fill_params(block, args, fn.argtypes_of_params, owned=True)

    def _go_native(self, jit, fn, block):
        """A running interpreter generator becomes this (OSR): its state is `block`."""
        self._jit = jit
        self._fn = fn
        self._started_i = True
        self._block = _header(jit, self._vm, fn, block)

    @property
    def _native(self) -> bool:
        """Does the state block hold the generator's state (not the interpreter's frame)?"""
        return self._block[STATE_INDEX] >= 0

    @property
    def _frame(self):
        if self._block[STATE_INDEX] == STATE_DONE:
            return None
        frame = self._frame_i
        if frame is _LAZY:
            code, globals_, profile = self._origin
            vm = self._vm
            frame = self._frame_i = Frame(vm, vm.thread_state(), code, vm.threaded(code),
                                          globals_, vm.builtins, None, profile)
        return frame

    @_frame.setter
    def _frame(self, frame):
        self._frame_i = frame

    # `_running` and `_started` live in the state block while the machine code of `next`
    # may run the body (it sets running; the first entry starts it).
    @property
    def _running(self) -> bool:
        return bool(self._block[STATE_RUNNING])

    @_running.setter
    def _running(self, value: bool):
        self._block[STATE_RUNNING] = int(value)

    @property
    def _started(self) -> bool:
        return self._block[STATE_INDEX] > 0 if self._native else self._started_i

    @_started.setter
    def _started(self, value: bool):
        self._started_i = value

    def __next__(self):  # (the machine code of tp_iternext is the usual path: generator_ir)
        if not self._native:
            return Generator.__next__(self)
        if self._running:
            raise ValueError("generator already executing")
        vm, jit, fn = self._vm, self._jit, self._fn
        frame = self._frame
        ts = vm._thread_states.get(get_ident()) or vm.thread_state()
        frame.ts = ts
        self._running = True
        try:
            status, value = jit._run(fn, [ctypes.addressof(self._block)], ts, into=frame)
        except BaseException as exc:
            self._running = False
            return self._raised(exc)
        self._running = False
        if status == YIELDED:
            return steal(value)
        if status is None:  # not entered (native code nested too deeply): interpreted
            self._leave_native()
            return Generator.__next__(self)
        return self._done(status, value)

    def _done(self, status, value):
        """The body finished (OK, `value` its result) or went on in the interpreter from
        pc `value` (DEOPT)."""
        if status == OK:
            self._to_interpreter(True)
            self._frame = None
            if value is None:
                raise StopIteration
            raise StopIteration(value)
        if status != DEOPT:
            raise SystemError("a generator's body returned an unknown status")  # never
        self._to_interpreter(True)
        frame = self._frame
        frame.pc = value
        self._jit._settle_watched(frame)
        return self._resume(None)

    def _raised(self, exc: BaseException):
        """An exception left the body's native code.  Raised by an instruction of the body
        (deopt.py's `into`: the frame is rebuilt), the interpreter raises it there, as if
        it had run the body (its traceback, StopIteration made a RuntimeError); else (a
        signal handler raised, no record) the generator is done."""
        frame = self._frame
        self._to_interpreter(True)
        if frame.fault_index is None:
            self._frame = None
            raise exc
        frame.pc = frame.fault_index + 1
        return self._resume(exc)

    def send(self, value):
        if self._native and value is None:
            return self.__next__()
        self._leave_native()
        return Generator.send(self, value)

    def throw(self, typ, val=None, tb=None):
        self._leave_native()
        return Generator.throw(self, typ, val, tb)

    def close(self):
        self._leave_native()
        return Generator.close(self)

    @property
    def gi_frame(self):
        self._leave_native()
        return self._frame

    @property
    def gi_yieldfrom(self):
        return None if self._native else Generator.gi_yieldfrom.fget(self)

    def __del__(self):
        if "_jit" not in self.__dict__ or self._block[STATE_INDEX] == STATE_DONE:
            return  # (never made: the layout probe; or finished by `next`)
        if self._native and self._block[STATE_INDEX] > 0 and not self._holds_objects():
            return  # nothing to release, no `finally` to run
        self._leave_native()
        Generator.__del__(self)

    # -- leaving native code ----------------------------------------------------------------

    def _to_interpreter(self, started: bool):
        self._started_i = started
        self._block[STATE_BODY] = 0
        self._block[STATE_INDEX] = FINISHED

    def _leave_native(self):
        """Rebuild the suspended frame from the state block (the deopt record of the point
        after the last `yield`, or the parameters if not started); the interpreter runs the
        generator from now on."""
        if not self._native or self._running:
            return
        block, fn, frame = self._block, self._fn, self._frame
        index = block[STATE_INDEX]
        self._to_interpreter(index > 0)
        if index == 0:  # not started: the frame's locals are the parameters
            argcount = frame.code.argcount
            frame.fast = [from_word(block[STATE_PARAMS + i], kind)
                          for i, kind in enumerate(fn.argtypes_of_params)] \
                + [UNBOUND] * (len(frame.code.varnames) - argcount)
            return
        point = fn.deopts[block[STATE_POINT]]
        rebuilt, _ = self._jit._rebuild(fn, point, block, STATE_PARAMS + fn.param_words,
                                        frame.ts)
        frame.fast, frame.stack, frame.pc = rebuilt.fast, rebuilt.stack, rebuilt.pc

    def _holds_objects(self) -> bool:
        """Does the state at the last `yield` hold a reference (a boxed local or stack
        entry)?"""
        point = self._fn.deopts[self._block[STATE_POINT]]
        return any(slot is not None and (slot[0] == "maybe" or slot[1] in BOXED)
                   for slot in point.locals) \
            or any(part.type in BOXED for part in point.values())


# `type(g).__name__` is "generator" in CPython, whatever runs its body.
NativeGenerator.__name__ = NativeGenerator.__qualname__ = "generator"
NativeGenerator.__module__ = "builtins"

# Iterators a generator may not be compiled for: compiling may import modules, and the
# iterator may be over sys.modules (a generator expression's `.0`), which must not see them.
DICT_ITERATORS = frozenset(type(it) for d in ({},) for it in (
    iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()),
    reversed(d.items())))


def native_exit(gen, status, first, word, exc):
    """Called by the machine code of `next` when the body did not yield: it finished (OK),
    deoptimized (its records in the deopt buffer from `first`), or raised (`exc`)."""
    jit = gen._jit
    vm = gen._vm
    ts = vm._thread_states.get(get_ident()) or vm.thread_state()
    if status == OK:
        return gen._done(OK, from_word(word, gen._fn.return_type))
    ctx, buffer = ts.native[:2]
    if exc is not None and ctx[CTX_USED] == first:  # no record: it did not deoptimize
        return gen._raised(exc)
    gen._frame.ts = ts
    try:
        pc = jit._resume(ctx, buffer, first, ts, into=gen._frame, error=exc)
    except BaseException as raised:
        return gen._raised(raised)
    return gen._done(DEOPT, pc)


def _slots(fn) -> list:
    return getattr(fn, "record_slots", None) or list(fn.slots)


def _header(jit, vm, fn, block):
    """`block` with the words `next`'s machine code reads (when there is one)."""
    block[STATE_EXHAUSTS] = int(fn.return_type is NONE)
    host = jit._host
    if host and jit.native_next is not None:
        block[STATE_TABLE] = ctypes.addressof(host.words)
        block[STATE_VM] = id(vm)
        block[STATE_BODY] = fn.address
    return block


def new_block(fn):
    """A state block for `fn`: the parameters, then a deopt record's words (lowering's
    `record_words` counts the most a `yield` writes)."""
    words = max(fn.record_words, STATE_PARAMS + len(_slots(fn)))
    return (ctypes.c_int64 * (STATE_PARAMS + fn.param_words + words))()


def fill_params(block, values, jtypes, owned: bool):
    """The parameter words of a body's first entry: numbers as words, objects by address
    (with a reference each the entry takes over when `owned`)."""
    for i, (value, jtype) in enumerate(zip(values, jtypes)):
        if jtype in BOXED:
            if owned:
                _incref(value)
            word = id(value)
        elif jtype is FLOAT:
            word = struct.unpack("<q", struct.pack("<d", value))[0]
        else:
            word = int(value)
        block[STATE_PARAMS + i] = word


_LAZY = object()  # a NativeGenerator's frame, not made yet


class GeneratorBodies:
    """The JIT's side (a mixin): compiling a generator function's body."""

    native_next = None  # the machine code of NativeGenerator's tp_iternext, once installed

    def generator_specialization(self, func, argtypes: tuple):
        """The resumable specialisation of generator `func`'s body for `argtypes`, in JIT IR
        (raises NotCompilable; JIT._compile_for_call compiles it, `jitvm ir` shows it)."""
        code = func._code
        from ..code import CodeFlags
        from ..passes.jit import run_jit_pipeline
        from .frontend import translate
        if code.generator != CodeFlags.GENERATOR or not self.objects:
            raise NotCompilable("coroutines and async generators are not supported by the "
                                "JIT", code)
        name = f"{code.qualname}.gen.{'_'.join(str(t) for t in argtypes)}.{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        fn = JitFunction(name, code, (INT,))  # (the state block's address)
        fn.arg_kinds = argtypes
        fn.argtypes_of_params = tuple(jtype_of(k) for k in argtypes)
        fn.param_words = len(argtypes)
        fn.globals = func.__globals__
        fn.builtins = self.vm.builtins
        fn.generator_body = True
        fn.block_proto = None  # (a new generator's block is a copy: NativeGenerator)
        self._index[fn] = len(self.functions)
        self.functions.append(fn)
        translate(self, name, code, func.__globals__, argtypes, None, fn, steal_locals=True,
                  generator=True)
        return run_jit_pipeline(fn)


# -- the machine code of tp_iternext (generator_ir.py) ---------------------------------------

TYPE_ITERNEXT = 224  # PyTypeObject.tp_iternext (CPython 3.11, 64-bit)
_NEXT: list = []  # [the native `next`'s address], or [None] where it cannot be made
_NEXT_LOCK = threading.Lock()


def install_native_next(jit) -> None:
    """Make NativeGenerator's tp_iternext machine code (once per process: the slot is the
    type's), when `jit` has a host table (hostcall.py: the threads' contexts)."""
    if jit.native_next is not None or not jit._host or jit.background:
        return  # (in the background, the compiler thread has LLVM: made at a later compile)
    with _NEXT_LOCK:
        if not _NEXT:
            try:
                _NEXT.append(_make_next(jit))
            except Exception as exc:  # noqa: BLE001 - a JIT bug: `next` stays Python's
                jit.say(f"no native next for generators: {exc!r}")
                _NEXT.append(None)
    jit.native_next = _NEXT[0]


def _make_next(jit):
    from ..interpreter import ThreadState
    from .abi import check_layout, instance_slot_offset
    from .code_cache import source_fingerprint
    if not check_layout():
        return None
    offsets = {"block": _slot_offset(NativeGenerator, "_block"),
               "depth": instance_slot_offset(ThreadState, "depth"),
               "in_jit": instance_slot_offset(ThreadState, "in_jit")}
    slot = ctypes.c_void_p.from_address(id(NativeGenerator) + TYPE_ITERNEXT)
    if None in offsets.values() or not _iternext_at(NativeGenerator):
        return None

    def build():
        from llvmlite import ir
        from .generator_ir import build_next
        module = ir.Module(name="jitvm.gen")
        build_next(module, offsets)
        return module

    from . import DEOPT_BUFFER_WORDS, NATIVE_DEPTH_CAP
    here = os.path.dirname(os.path.abspath(__file__))
    sources = source_fingerprint(*(os.path.join(here, name) for name in (
        "generator_ir.py", "hostcall.py", "hostcall_ir.py", "abi.py")))
    symbols = jit.engine.machine_code(
        build, ["jitvm.gen.next", "jitvm.gen.env"],
        f"jitvm.gen {sorted(offsets.items())} {DEOPT_BUFFER_WORDS} {NATIVE_DEPTH_CAP} {sources}")
    from .generator_ir import ENV_WORDS
    env = (ctypes.c_uint64 * ENV_WORDS).from_address(symbols["jitvm.gen.env"])
    env[:] = [slot.value, id(native_exit), id(False), id(None), id(_LIMIT_NAME)]
    slot.value = symbols["jitvm.gen.next"]  # from now on `next` resumes the body natively
    return symbols["jitvm.gen.next"]


_LIMIT_NAME = sys.intern("recursion_limit")


def _slot_offset(cls, name: str) -> int | None:
    """Where instances of `cls` keep their __slots__ slot `name` (after the inherited
    layout: found by writing a marker into it), or None."""
    probe, marker = object.__new__(cls), ValueError("probe")
    setattr(probe, name, marker)
    for offset in range(16, cls.__basicsize__, 8):
        if ctypes.c_void_p.from_address(id(probe) + offset).value == id(marker):
            return offset
    return None


def _iternext_at(cls) -> bool:
    """Is tp_iternext where it is read: the same (slot_tp_iternext) in two classes with
    __next__, and that of a list iterator elsewhere?"""
    class A:
        def __next__(self):
            pass

    def of(t):
        return ctypes.c_void_p.from_address(id(t) + TYPE_ITERNEXT).value

    return of(A) == of(cls) and of(object) is None and of(type(iter([]))) not in (None, of(A))


# -- on-stack replacement: an interpreted generator whose loop yields becomes native -----------

class GeneratorOSR:
    """The JIT's side (a mixin): a generator made before its function was hot (called once,
    it runs a long loop) is interpreted; at a hot back-edge of a loop that yields, its body
    is compiled from that loop's header (the frame's locals and stack there are the entry's
    parameters, in the state block), run to its next `yield`, and the generator object
    becomes a NativeGenerator (the same layout: `__class__` assigned) whose next items come
    from the machine code.  JIT.osr calls `generator_osr`."""

    def generator_osr(self, f, header: int, jump_index: int):
        gen = getattr(f, "generator", None)
        if type(gen) is not Generator or f.locals is not None or not self.objects \
                or any(type(v) in DICT_ITERATORS for v in f.stack) \
                or any(type(v) in DICT_ITERATORS for v in f.fast):
            return self._no_osr(f, jump_index, header)
        local_types, stack_kinds, steps = [], [], []
        params = []  # the entry's parameter values: the bound locals, the stack's parts
        for value in f.fast:
            if value is UNBOUND:
                local_types.append(None)
                continue
            jtype = self.live_kind(value)
            if jtype is None:
                return self._no_osr(f, jump_index, header)
            local_types.append(jtype)
            params.append(value)
        for value in f.stack:
            steps.append(None)
            if type(value) is _RANGE_ITERATOR:
                _, (whole,), done = value.__reduce__()
                parts = (whole.start + done * whole.step, whole.stop, whole.step)
                if not all(-2**63 <= p < 2**63 for p in parts):
                    return self._no_osr(f, jump_index, header)
                stack_kinds.append("rangeiter")
                params.extend(parts)
                if whole.step in (1, -1):
                    steps[-1] = whole.step
                continue
            entry = stack_entry_kind(value)
            if entry is not None:  # an iterator over a list or tuple: its parts (borrowed)
                kind, parts = entry
                stack_kinds.append(kind)
                params.extend(parts)
                continue
            jtype = self.live_kind(value)
            if jtype is None:
                return self._no_osr(f, jump_index, header)
            stack_kinds.append(jtype)
            params.append(value)
        key = ("generator osr", f.code, header, tuple(local_types), tuple(stack_kinds),
               tuple(steps))
        fn = self.specializations.get(key)
        if fn is None:
            f.ts.in_jit = True
            try:
                with self._lock:
                    start = time.perf_counter()
                    try:
                        fn = self.specializations.get(key) or self._compile_generator_osr(
                            f, header, key, local_types, stack_kinds, steps)
                    except NotCompilable as exc:
                        fn = self.specializations[key] = exc.with_traceback(None)
                        self.say(f"not compiled: {f.code.qualname} (generator) from line "
                                 f"{f.code.line_of(header)}: {exc}")
                    except Exception as exc:  # noqa: BLE001 - a JIT bug: stays interpreted
                        from .bridge_objects import internal_error
                        fn = self.specializations[key] = internal_error(exc, f.code)
                        self.say(f"not compiled: {f.code.qualname} (generator): {fn}")
                    self.stats["compile_ms"] += (time.perf_counter() - start) * 1e3
            finally:
                f.ts.in_jit = False
        if not isinstance(fn, JitFunction) or fn.deopt_count > MAX_DEOPTS:
            return self._no_osr(f, jump_index, header)
        if fn.cfunc is None:
            return None  # being compiled by another thread
        self.say(f"OSR entry: {f.code.qualname} (generator) at {f.code.filename}:"
                 f"{f.code.line_of(header)}")
        self.stats["osr_entries"] += 1
        block = new_block(fn)
        fill_params(block, params, fn.argtypes_of_params, owned=False)
        # The locals' references go to the block (the entry takes them over), not kept by
        # the frame: an object the loop drops is freed then, as in CPython.
        stolen = []
        for i, value in enumerate(f.fast):
            if value is not UNBOUND and local_types[i] is not None \
                    and jtype_of(local_types[i]) in BOXED:
                _incref(value)
                stolen.append((i, value))
                f.fast[i] = UNBOUND
        value = params = None
        status, value = self._run(fn, [ctypes.addressof(block)], f.ts, into=f)
        if status is None:  # not entered (nested too deeply): the references back
            for i, value in stolen:
                f.fast[i] = value
                _decref(value)
            return None
        stolen = None
        if status == YIELDED:
            # From now on a NativeGenerator: this step ends at the `yield` native code made
            # (the frame, empty, is filled again if it ever leaves native code).
            f.fast, f.stack = [], []
            gen.__class__ = NativeGenerator
            gen._frame = f
            gen._go_native(self, fn, block)
            return "yield", steal(value)
        return ("return" if status == OK else "resume"), value

    def _compile_generator_osr(self, f, header, key, local_types, stack_kinds, steps):
        from ..code import CodeFlags
        from ..passes.jit import run_jit_pipeline
        from . import _entry_argtypes
        from .frontend import State, translate
        code = f.code
        if code.generator != CodeFlags.GENERATOR:
            raise NotCompilable("coroutines and async generators are not supported by the "
                                "JIT", code)
        argtypes = _entry_argtypes(local_types, stack_kinds)
        name = f"{code.qualname}.genosr{header}.{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        fn = JitFunction(name, code, (INT,))
        fn.arg_kinds = tuple(t for t in local_types if t is not None)
        fn.argtypes_of_params = tuple(argtypes)
        fn.param_words = len(argtypes)
        fn.globals, fn.builtins, fn.osr_entry = f.globals, self.vm.builtins, header
        fn.generator_body = True
        self._index[fn] = len(self.functions)
        self.functions.append(fn)
        translate(self, name, code, f.globals, tuple(argtypes), None, fn,
                  osr=(header, State(tuple(local_types), tuple(stack_kinds))),
                  range_steps=tuple(steps), steal_locals=True, generator=True)
        run_jit_pipeline(fn)
        self.specializations[key] = fn
        self._finish(fn)
        install_native_next(self)
        return fn


_RANGE_ITERATOR = type(iter(range(0)))

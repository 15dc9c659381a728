"""Generators whose body runs natively: the bridge's side.

Calling a hot generator function whose body compiles for the arguments' types
(frontend_generators.py: a resumable function and its state block) makes a `NativeGenerator`
instead of an interpreted `Generator`.  Its `__next__` resumes the machine code, which runs
to the next `yield` and hands the value out (YIELDED), or finishes (StopIteration).

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
import sys
from threading import get_ident

from ..interpreter import UNBOUND, Frame
from ..objects import Generator
from .ir import NotCompilable
from .abi import DEOPT, OK, STATE_INDEX, STATE_POINT, STATE_SLOTS, YIELDED
from .bridge_objects import steal
from .types import BOOL, BOXED, FLOAT, INT, LIST, TUPLE

FINISHED = -1  # the state block's resume index once the interpreter owns the frame


class NativeGenerator(Generator):
    """A generator whose body runs natively until it must leave (see the module docstring).
    Until then `_frame` is the frame the interpreter would run (its parameters bound), not
    yet in step with the native state."""

    def __init__(self, vm, frame, func, jit, fn):
        super().__init__(vm, frame, func)
        self._jit = jit
        self._fn = fn
        self._native = True
        self._fresh = True  # not entered yet: the frame holds the parameters
        self._state = (ctypes.c_int64 * (STATE_SLOTS + len(_slots(fn))))()
        # The arguments of every entry: the parameters (read on the first one only), the
        # state block's address.
        self._args = frame.fast[:frame.code.argcount] + [ctypes.addressof(self._state)]

    def __next__(self):
        if not self._native:
            return Generator.__next__(self)
        if self._running:
            raise ValueError("generator already executing")
        vm, jit, fn = self._vm, self._jit, self._fn
        frame = self._frame
        ts = vm._thread_states.get(get_ident()) or vm.thread_state()
        self._started = self._running = True
        ts.depth += 1
        try:
            if ts.depth > vm.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            frame.ts = ts
            status, value = jit._run(fn, self._args, ts, into=frame)
        except BaseException as exc:
            if frame.fault_index is None or self._state[STATE_INDEX] == FINISHED:
                self._frame = None  # (a signal handler raised: native code left the frame)
                raise
            # Raised by an instruction of the body (deopt.py: `into`): the interpreter
            # raises it there, as if it had run the body (its traceback, StopIteration).
            self._to_interpreter()
            frame.pc = frame.fault_index + 1
            self._running = False
            return self._resume(exc)
        finally:
            ts.depth -= 1
            self._running = False
        if status == YIELDED:
            if self._fresh:
                self._take_parameters()
            return steal(value)
        if status == OK:
            self._native = False
            self._frame = None
            self._args = None
            if value is None:  # (`_run` made the object of the result)
                raise StopIteration
            raise StopIteration(value)
        if status == DEOPT:  # the frame went on from `value` in the interpreter's hands
            self._to_interpreter()
            frame.pc = value
            jit._settle_watched(frame)
            return self._resume(None)
        # Not entered (native code nested too deeply): the interpreter runs this step.
        self._leave_native()
        return Generator.__next__(self)

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
        if self._native and self._state[STATE_INDEX] > 0 and not self._holds_objects():
            return  # nothing to release, no `finally` to run
        self._leave_native()
        Generator.__del__(self)

    # -- leaving native code ----------------------------------------------------------------

    def _take_parameters(self):
        """After the first entry the native state owns the parameters: the frame lets them
        go (a reassigned parameter's old object is freed when the body drops it)."""
        self._fresh = False
        self._frame.fast = []
        self._args = [_dummy(t) for t in self._fn.argtypes[:-1]] + self._args[-1:]

    def _to_interpreter(self):
        self._native = False
        self._state[STATE_INDEX] = FINISHED
        self._args = None

    def _leave_native(self):
        """Rebuild the suspended frame from the state block (the deopt record of the point
        after the last `yield`); the interpreter runs the generator from now on."""
        if not self._native or self._running:
            return
        index = self._state[STATE_INDEX]
        self._to_interpreter()
        if index <= 0:  # not started: the frame has its parameters bound already
            return
        fn = self._fn
        frame = self._frame
        point = fn.deopts[self._state[STATE_POINT]]
        rebuilt, _ = self._jit._rebuild(fn, point, self._state, STATE_SLOTS, frame.ts)
        frame.fast, frame.stack, frame.pc = rebuilt.fast, rebuilt.stack, rebuilt.pc

    def _holds_objects(self) -> bool:
        """Does the state at the last `yield` hold a reference (a boxed local or stack
        entry)?"""
        point = self._fn.deopts[self._state[STATE_POINT]]
        return any(slot is not None and (slot[0] == "maybe" or slot[1] in BOXED)
                   for slot in point.locals) \
            or any(slot is not None and slot[1] in BOXED for slot in point.slotted)


def _slots(fn) -> list:
    return getattr(fn, "record_slots", None) or list(fn.slots)


def _dummy(jtype):
    return 0.0 if jtype is FLOAT else None if jtype in BOXED else 0


def make_generator(jit, vm, func, args: list, fn, ts):
    """The generator a call of `func` makes, running `fn` (its body's specialisation)."""
    code = func._code
    frame = Frame(vm, ts, code, vm.threaded(code), func.__globals__, vm.builtins, None,
                  func._profile)
    frame.fast = args + [UNBOUND] * (len(code.varnames) - len(args))
    return NativeGenerator(vm, frame, func, jit, fn)


class GeneratorBodies:
    """The JIT's side (a mixin): compiling a generator function's body."""

    def _generator_body(self, func, argtypes: tuple, key):
        """The resumable specialisation of generator `func`'s body for `argtypes` (raises
        NotCompilable)."""
        code = func._code
        if "jitvm.jit.frontend" not in sys.modules \
                and any(kind not in (INT, FLOAT, BOOL, LIST, TUPLE) for kind in argtypes):
            # Importing the front end adds modules: the argument may be an iterator over
            # sys.modules (a generator expression's), which must not see them.
            raise NotCompilable("a generator of an iterator, called before anything was "
                                "compiled", code)
        from .frontend import translate
        from .ir import JitFunction
        from ..code import CodeFlags
        from ..passes.jit import run_jit_pipeline
        from .types import jtype_of
        if code.generator != CodeFlags.GENERATOR or not self.objects:
            raise NotCompilable("coroutines and async generators are not supported by the "
                                "JIT", code)
        name = f"{code.qualname}.gen.{'_'.join(str(t) for t in argtypes)}.{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        fn = JitFunction(name, code, tuple(jtype_of(k) for k in argtypes) + (INT,))
        fn.arg_kinds = argtypes + ("state",)
        fn.globals = func.__globals__
        fn.builtins = self.vm.builtins
        fn.generator_body = True
        self._index[fn] = len(self.functions)
        self.functions.append(fn)
        translate(self, name, code, func.__globals__, argtypes, None, fn, generator=True)
        run_jit_pipeline(fn)
        self.specializations[key] = fn
        self._finish(fn)
        return fn

"""Compiling in the background: LLVM works on a second core while the interpreter goes on.

In: JitFunctions the interpreter thread has translated (bytecode → JIT IR, passes done).
Out: the same functions with machine code installed (`address`, `cfunc`), in the order they
were handed over, by one daemon thread.

Why this helps: llvmlite calls LLVM through ctypes, which releases the GIL, so LLVM's
optimization and code generation (most of a compilation's time) run in parallel with the
interpreter.  Until a function's code is installed its calls stay interpreted (`cfunc` is
None) and a loop waiting for its OSR entry runs as a plain loop; once installed, the next
call goes native and the loop's next back-edge enters native code (HotSpot's and V8's
scheme).  Lowering to LLVM IR is Python and stays on the interpreter's thread (it needs the
GIL either way); the thread gets the IR as text and makes few calls into LLVM, since each
one must take the GIL back when it returns.

Measured (bench/README.md): it pays only with an idle core.  On a busy machine the thread
competes with the interpreter for the same CPU share, LLVM finishes later, and the programs
got slower; so compiling at once stays the default.

One thread, first in first out: a module may call functions of an earlier module, so those
must be loaded first.  If an earlier module failed, a later one calling into it fails too
instead of linking against a missing symbol (loader.py refuses one; MCJIT, its fallback,
would abort the process).

At exit `close()` drops the queued work and waits for the module LLVM is working on, if
any (at most one compilation): freeing LLVM's objects under it would crash the process.
"""

from __future__ import annotations

import atexit
import collections
import sys
import threading
import time

# While LLVM works, the GIL changes hands this often (CPython's default: 5 ms).  Each call the
# compiler thread makes into LLVM gives the GIL up and must wait this long to take it back
# from the interpreter.
SWITCH_INTERVAL = 0.0002


class BackgroundCompiler:
    def __init__(self, jit):
        self.jit = jit
        self._jobs: collections.deque = collections.deque()
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None
        self._busy = False
        self._closed = False

    def hand_over(self, pending: list, then=None):
        """Lower `pending` (a module's worth of JitFunctions) to LLVM IR here, where the GIL
        is held anyway, and leave LLVM's part and the installation to the thread."""
        jit = self.jit
        start = time.perf_counter()
        engine = jit.engine
        description = engine.describe(pending, jit.function_index)
        found = (engine.find_lowered(description, pending, start)
                 if description is not None else None)
        if found is not None:  # (nothing for LLVM to do: installed by the thread, in order)
            self.submit(pending, lambda: jit._install(pending, found), then)
            return
        built = engine.lower(pending, jit.function_index, description)
        lowered_ms = (time.perf_counter() - start) * 1e3

        def generate():
            compiled = jit.engine.generate(built, pending, time.perf_counter(), keep_text=False)
            jit.stats["background_ms"] += compiled.milliseconds
            compiled.milliseconds += lowered_ms
            jit._install(pending, compiled)
        self.submit(pending, generate, then)

    def submit(self, functions: list, work, then=None):
        """Run `work()` (machine code for `functions`, a module's worth, installed) soon;
        then call `then()`."""
        with self._cv:
            if self._closed:
                return
            self._jobs.append((functions, work, then))
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="jitvm-compiler",
                                                daemon=True)
                self._thread.start()
                atexit.register(self.close)
            self._cv.notify_all()

    @property
    def in_flight(self) -> int:
        """Modules queued or being compiled."""
        return len(self._jobs) + self._busy

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every submitted module is installed (or failed); False on timeout."""
        with self._cv:
            return self._cv.wait_for(lambda: not self._jobs and not self._busy, timeout)

    def close(self):
        """Drop the queue and wait for the compilation under way (the thread then ends)."""
        with self._cv:
            self._closed = True
            self._jobs.clear()
            self._cv.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _failed(self, functions: list, exc: Exception):
        """LLVM could not make `functions` (a JIT bug): they stay interpreted."""
        from .bridge_objects import internal_error
        exc = internal_error(exc, functions[0].code)
        self.jit.stats["not_compiled"] += 1
        self.jit.say(f"not compiled: {functions[0].code.qualname}: {exc}")

    def _loop(self):
        while True:
            with self._cv:
                self._cv.wait_for(lambda: self._jobs or self._closed)
                if self._closed:
                    return
                functions, work, then = self._jobs.popleft()
                self._busy = True
            interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
            try:
                failed = [f for f in functions for c in f.callees.values()
                          if getattr(c, "failed", False)]
                if failed:
                    raise RuntimeError(f"calls {failed[0].code.qualname}, whose machine code "
                                       f"failed")
                work()
                if then is not None:
                    then()
            except Exception as exc:  # noqa: BLE001 - a JIT bug leaves the code interpreted
                for f in functions:
                    f.failed = True
                self._failed(functions, exc)
            finally:
                sys.setswitchinterval(interval)
                with self._cv:
                    self._busy = False
                    self._cv.notify_all()


def reopen_osr(instrs: list, index: int):
    """A callable putting back the OSR jump at `instrs[index]` (a list item store: atomic,
    so the compiler thread may do it while the interpreter runs that very list)."""
    original = instrs[index]

    def reopen():
        instrs[index] = original
    return reopen

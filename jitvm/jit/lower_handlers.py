"""JIT IR → LLVM IR for exception handlers in compiled code (a mixin of the lowering; the
translation is frontend_handlers.py), and the small Python helpers that code calls.

* `catch helper, site`: takes the exception that is set (PyErr_Fetch, normalized, its
  traceback attached) and hands it, with the site and the thread's state, to `helper`
  (frontend_handlers.Handlers.caught), which does what the interpreter's unwinding does for
  a frame that catches: the frame's traceback entry, the implicit `__context__`, jitvm's own
  host frames cut from `__traceback__`.  The result is the exception (a new reference).
* `exc_push exc, offset`: the thread's exception being handled becomes `exc`; the result is the
  previous one (PUSH_EXC_INFO).  `exc_pop previous, offset`: it becomes `previous` again
  (POP_EXCEPT).  That is the interpreter's own `ThreadState.exc_info`, written in place (the
  native context holds the thread's state: abi.CTX_THREAD, thread_exc_info_offset), so bare
  `raise`, `sys.exc_info()` and chaining see the same whether the handler runs natively or
  not.
* `exc_match exc, cls`: PyErr_GivenExceptionMatches (CHECK_EXC_MATCH against a class).
* `raise_if_zero divisor, ZeroDivisionError, message`: a zero divisor raises (PyErr_SetObject)
  and leaves through the operation's `raises` point, that is to its landing pad.

A raising operation branches to its landing pad instead of its deopt block when its deopt
point has one (`DeoptPoint.pad`, see FunctionLowering.deopt_block).
"""

from __future__ import annotations

from llvmlite import ir

from .abi import CTX_THREAD
from .types import FLOAT

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
PTR = I8.as_pointer()
F64 = ir.DoubleType()


class HandlerLowering:
    """Exception handlers (see the module docstring)."""

    def call_helper(self, b, helper, args):
        """`helper(*args)` through PyObject_Vectorcall: a new reference, or NULL."""
        array = self.alloca(PTR, len(args))
        for i, value in enumerate(args):
            b.store(value, b.gep(array, [ir.Constant(I64, i)]))
        call = self.api("PyObject_Vectorcall", PTR, [PTR, PTR.as_pointer(), I64, PTR])
        return b.call(call, [self.obj_const(helper.obj), array, ir.Constant(I64, len(args)),
                             ir.Constant(PTR, None)])

    def op_catch(self, b, op):
        helper, site = op.args
        kind, value, traceback = (self.alloca(PTR) for _ in range(3))
        b.call(self.api("PyErr_Fetch", ir.VoidType(), [PTR.as_pointer()] * 3),
               [kind, value, traceback])
        b.call(self.api("PyErr_NormalizeException", ir.VoidType(), [PTR.as_pointer()] * 3),
               [kind, value, traceback])
        exc, tb = b.load(value), b.load(traceback)
        with b.if_then(b.icmp_unsigned("!=", tb, ir.Constant(PTR, None))):
            b.call(self.api("PyException_SetTraceback", I32, [PTR, PTR]), [exc, tb])
        self.xdecref(b, b.load(kind))
        self.xdecref(b, tb)
        self.done_with(b, self.call_helper(b, helper, [exc, self.obj_const(site.obj),
                                                       self.thread_state(b)]))
        return exc

    def thread_state(self, b):
        """This thread's interpreter.ThreadState (from the native context)."""
        return b.inttoptr(b.load(self.ctx_field(b, CTX_THREAD)), PTR)

    def exception_handled(self, b, offset: int):
        """The address of the thread's ThreadState.exc_info (a PyObject*, owned), `offset`
        bytes into the object."""
        slot = b.gep(self.thread_state(b), [ir.Constant(I64, offset)])
        return b.bitcast(slot, PTR.as_pointer())

    def op_exc_push(self, b, op):
        exc, offset = op.args
        slot = self.exception_handled(b, offset)
        previous = b.load(slot)  # (its reference moves to the stack)
        value = self.v(exc)
        self.incref(b, value)
        b.store(value, slot)
        return previous

    def op_exc_pop(self, b, op):
        previous, offset = op.args
        slot = self.exception_handled(b, offset)
        handled = b.load(slot)
        b.store(self.v(previous), slot)  # (the stack's reference moves to the slot)
        self.xdecref(b, handled)

    def op_exc_match(self, b, op):
        exc, cls = op.args
        matches = b.call(self.api("PyErr_GivenExceptionMatches", I32, [PTR, PTR]),
                         [self.v(exc), self.v(cls)])
        return b.icmp_signed("!=", matches, ir.Constant(I32, 0))

    def op_raise_if_zero(self, b, op):
        divisor, cls, message = op.args
        value = self.v(divisor)
        if divisor.type is FLOAT:
            zero = b.fcmp_ordered("==", value, ir.Constant(F64, 0.0))
        else:
            zero = b.icmp_signed("==", value, ir.Constant(value.type, 0))
        raised = b.append_basic_block("zero_division")
        ok = b.append_basic_block("divisor_ok")
        b.cbranch(zero, raised, ok)
        b.position_at_end(raised)
        b.call(self.api("PyErr_SetObject", ir.VoidType(), [PTR, PTR]),
               [self.obj_const(cls.obj), self.obj_const(message.obj)])
        b.branch(self.deopt_block(op.deopt))
        b.position_at_end(ok)

    def done_with(self, b, result):
        """Drop a helper's result (None).  The helpers only set attributes of objects that
        have them: should one fail all the same (out of memory), the error is dropped, as
        CPython drops one it cannot report."""
        failed = b.icmp_unsigned("==", result, ir.Constant(PTR, None))
        with b.if_else(failed) as (then, otherwise):
            with then:
                b.call(self.api("PyErr_Clear", ir.VoidType(), []), [])
            with otherwise:
                self.decref(b, result)


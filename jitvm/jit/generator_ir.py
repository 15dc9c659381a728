"""The machine code of a native generator's `next` (NativeGenerator's tp_iternext slot).

In: the offset of NativeGenerator's `_block` slot and ThreadState's `depth` and `in_jit`.
Out: a module defining `jitvm.gen.next(self)` and `jitvm.gen.env` (this process's addresses,
filled once loaded: the IR stays address-free, so the machine-code cache keeps it).

`next(self)` reads the state block (generators.py; the words abi.STATE_*): with the body's
address set and the generator not running, and the calling thread's native context found in
the host table (hostcall.py), it does `JIT._run`'s reckoning of nesting level, recursion
budget and deopt-buffer reservation (as hostcall_ir's `core` does), marks the generator
running and calls the body `i32 body(ctx, state, out*)`.  YIELDED: the value (a new
reference) is the result; OK where the body's end is the generator's with no value
(STATE_EXHAUSTS) marks it done and returns NULL with no exception (exhausted, as CPython's
generators do); any other status goes to `generators.native_exit(self, status,
first, word, exception or None)`, which finishes, resumes the interpreter or raises.
Anything else (not native, running, another thread, compiling, no room) is the slot that was
there before: the Python method `__next__`.
"""

from __future__ import annotations

from llvmlite import ir

from .abi import (CTX_DEPTH, CTX_LEVEL, CTX_LEVELS, CTX_STACK_LIMIT, CTX_THREAD, CTX_USED,
                  MAX_NESTING, OK, SIZE, STATE_BODY, STATE_DONE, STATE_EXHAUSTS, STATE_INDEX,
                  STATE_RUNNING, STATE_TABLE, STATE_VM, YIELDED)
from .hostcall import LONG_DIGIT, MAX_THREADS, T_RECORD_WORDS, T_THREADS
from .hostcall_ir import _const, _define_xdecref, _external, _field, _word

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
PTR = I8.as_pointer()
PTRS = PTR.as_pointer()
E_SLOT, E_EXIT, E_FALSE, E_NONE, E_LIMIT_NAME = range(5)
ENV_WORDS = 5
CDATA_POINTER = 16  # a ctypes array object's b_ptr (CDataObject, after the object head)


def build_next(module, offsets):
    from . import DEOPT_BUFFER_WORDS, NATIVE_DEPTH_CAP
    env_type = ir.ArrayType(I64, ENV_WORDS)
    env = ir.GlobalVariable(module, env_type, "jitvm.gen.env")
    env.initializer = ir.Constant(env_type, None)

    def env_word(b, index):
        return b.load(b.gep(env, [ir.Constant(I32, 0), ir.Constant(I32, index)]))

    null = ir.Constant(PTR, None)
    xdecref = ir.Function(module, ir.FunctionType(ir.VoidType(), [PTR]), "jitvm.gen.xdecref")
    _define_xdecref(module, xdecref)
    clear_error = _external(module, "PyErr_Clear", ir.VoidType(), [])
    slot_type = ir.FunctionType(PTR, [PTR])
    body_type = ir.FunctionType(I32, [I64.as_pointer(), I64, I64.as_pointer()])

    fn = ir.Function(module, slot_type, "jitvm.gen.next")
    (self_,) = fn.args
    entry = fn.append_basic_block("entry")
    python = fn.append_basic_block("python")
    b = ir.IRBuilder(entry)
    out = b.alloca(I64)
    fetched = [b.alloca(PTR) for _ in range(3)]
    vector = b.alloca(ir.ArrayType(PTR, 5))
    result = b.alloca(PTR)

    def then_if(cond, name):
        """Go on in a new block if `cond`, else to the Python method."""
        block = fn.append_basic_block(name)
        b.cbranch(cond, block, python)
        b.position_at_end(block)

    block_obj = _field(b, self_, offsets["block"], PTR)
    state = _field(b, block_obj, CDATA_POINTER, I64.as_pointer())
    body = _word(b, state, STATE_BODY)
    then_if(b.and_(b.icmp_unsigned("!=", body, _const(0)),
                   b.icmp_unsigned("==", _word(b, state, STATE_RUNNING), _const(0))), "native")
    table = _word(b, state, STATE_TABLE, I64.as_pointer())
    ident = b.call(_external(module, "PyThread_get_thread_ident", I64, []), [])
    found = _const(0)
    for i in reversed(range(MAX_THREADS)):
        at = T_THREADS + 2 * i
        found = b.select(b.icmp_unsigned("==", _word(b, table, at), ident),
                         _word(b, table, at + 1), found)
    then_if(b.icmp_unsigned("!=", found, _const(0)), "thread")
    ctx = b.inttoptr(found, I64.as_pointer())
    ts = _word(b, ctx, CTX_THREAD, PTR)
    in_jit = b.ptrtoint(_field(b, ts, offsets["in_jit"], PTR), I64)
    depth_obj = _field(b, ts, offsets["depth"], PTR)
    depth_size = _field(b, depth_obj, SIZE, I64)
    then_if(b.and_(b.icmp_unsigned("==", in_jit, env_word(b, E_FALSE)),
                   b.icmp_unsigned("<=", depth_size, _const(1))), "running")
    ts_depth = b.mul(b.zext(_field(b, depth_obj, LONG_DIGIT, I32), I64), depth_size)
    # the VM's recursion limit (the program's sys.setrecursionlimit sets it)
    limit_obj = b.call(_external(module, "PyObject_GetAttr", PTR, [PTR, PTR]),
                       [_word(b, state, STATE_VM, PTR), b.inttoptr(env_word(b, E_LIMIT_NAME),
                                                                  PTR)])
    lookup_failed = fn.append_basic_block("limit.failed")
    got = fn.append_basic_block("limit")
    b.cbranch(b.icmp_unsigned("==", limit_obj, null), lookup_failed, got)
    b.position_at_end(lookup_failed)
    b.call(clear_error, [])
    b.branch(python)
    b.position_at_end(got)
    limit = b.call(_external(module, "PyLong_AsLongLong", I64, [PTR]), [limit_obj])
    b.call(xdecref, [limit_obj])
    with b.if_then(b.icmp_signed("==", limit, _const(-1))):
        b.call(clear_error, [])
    then_if(b.icmp_signed(">=", limit, _const(0)), "limited")
    # -- JIT._run's reckoning (as hostcall_ir's `core`) --------------------------------------
    budget = b.sub(limit, ts_depth)
    words = _word(b, table, T_RECORD_WORDS)
    first = _word(b, ctx, CTX_USED)
    level = _word(b, ctx, CTX_LEVEL)
    top = b.icmp_signed("==", level, _const(0))
    top_frames = b.select(b.icmp_signed("<", _const(NATIVE_DEPTH_CAP), budget),
                          _const(NATIVE_DEPTH_CAP), budget)
    counted = b.block
    nested = fn.append_basic_block("nested")
    granted = fn.append_basic_block("granted")
    b.cbranch(top, granted, nested)
    b.position_at_end(nested)
    then_if(b.icmp_signed("<", level, _const(MAX_NESTING)), "outer")
    depth = _word(b, ctx, CTX_DEPTH)
    stack_limit = _word(b, ctx, CTX_STACK_LIMIT)
    outer_at = b.add(b.mul(level, _const(3)), _const(CTX_LEVELS - 3))
    outer_frames = b.load(b.gep(ctx, [outer_at]))
    outer_words = b.load(b.gep(ctx, [b.add(outer_at, _const(1))]))
    outer_reserved = b.load(b.gep(ctx, [b.add(outer_at, _const(2))]))
    nested_frames = b.select(b.icmp_signed("<", depth, budget), depth, budget)
    nested_reserved = b.add(outer_reserved, b.mul(b.sub(outer_frames, depth), outer_words))
    outer = b.block
    b.branch(granted)
    b.position_at_end(granted)

    def joined(at_top, nested_value):
        phi = b.phi(I64)
        phi.add_incoming(at_top, counted)
        phi.add_incoming(nested_value, outer)
        return phi

    frames = joined(top_frames, nested_frames)
    reserved = joined(_const(0), nested_reserved)
    saved_depth = joined(_const(0), depth)
    saved_limit = joined(_const(0), stack_limit)
    room = b.sub(b.sdiv(b.sub(b.sub(_const(DEOPT_BUFFER_WORDS), first), reserved), words),
                 _const(1))
    then_if(b.icmp_signed(">=", room, _const(0)), "room")
    frames = b.select(b.icmp_signed("<", room, frames), room, frames)
    with b.if_then(top):
        b.store(_const(0), b.gep(ctx, [_const(CTX_STACK_LIMIT)]))  # the first frame sets it
    b.store(frames, b.gep(ctx, [_const(CTX_DEPTH)]))
    at = b.add(b.mul(level, _const(3)), _const(CTX_LEVELS))
    b.store(frames, b.gep(ctx, [at]))
    b.store(words, b.gep(ctx, [b.add(at, _const(1))]))
    b.store(reserved, b.gep(ctx, [b.add(at, _const(2))]))
    b.store(b.add(level, _const(1)), b.gep(ctx, [_const(CTX_LEVEL)]))
    # -- the body ----------------------------------------------------------------------------
    running = b.gep(state, [_const(STATE_RUNNING)])
    b.store(_const(1), running)
    status = b.call(b.inttoptr(body, body_type.as_pointer()),
                    [ctx, b.ptrtoint(state, I64), out])
    b.store(_const(0), running)
    b.store(level, b.gep(ctx, [_const(CTX_LEVEL)]))
    with b.if_then(b.not_(top)):
        b.store(saved_depth, b.gep(ctx, [_const(CTX_DEPTH)]))
        b.store(saved_limit, b.gep(ctx, [_const(CTX_STACK_LIMIT)]))
    yielded = fn.append_basic_block("yielded")
    other = fn.append_basic_block("other")
    b.cbranch(b.icmp_signed("==", status, ir.Constant(I32, YIELDED)), yielded, other)
    b.position_at_end(yielded)
    b.ret(b.inttoptr(b.load(out), PTR))
    # -- finished with no value: exhausted (NULL, no exception), marked done ----------------
    b.position_at_end(other)
    exhausted = fn.append_basic_block("exhausted")
    other = fn.append_basic_block("other.status")
    b.cbranch(b.and_(b.icmp_signed("==", status, ir.Constant(I32, OK)),
                     b.icmp_signed("!=", _word(b, state, STATE_EXHAUSTS), _const(0))),
              exhausted, other)
    b.position_at_end(exhausted)
    b.store(_const(STATE_DONE), b.gep(state, [_const(STATE_INDEX)]))
    b.store(_const(0), b.gep(state, [_const(STATE_BODY)]))
    b.ret(null)
    # -- finished, deoptimized or raised: generators.native_exit -----------------------------
    b.position_at_end(other)
    for slot in fetched:
        b.store(null, slot)
    occurred = b.icmp_unsigned("!=", b.call(_external(module, "PyErr_Occurred", PTR, []), []),
                               null)
    with b.if_then(occurred):
        b.call(_external(module, "PyErr_Fetch", ir.VoidType(), [PTRS] * 3), fetched)
        b.call(_external(module, "PyErr_NormalizeException", ir.VoidType(), [PTRS] * 3),
               fetched)
        tb = b.load(fetched[2])
        with b.if_then(b.icmp_unsigned("!=", tb, null)):
            b.call(_external(module, "PyException_SetTraceback", I32, [PTR, PTR]),
                   [b.load(fetched[1]), tb])
    exc = b.load(fetched[1])
    none = b.inttoptr(env_word(b, E_NONE), PTR)
    from_ll = _external(module, "PyLong_FromLongLong", PTR, [I64])
    made = [b.call(from_ll, [b.sext(status, I64)]), b.call(from_ll, [first]),
            b.call(from_ll, [b.load(out)])]
    for i, value in enumerate([self_] + made
                              + [b.select(b.icmp_unsigned("==", exc, null), none, exc)]):
        b.store(value, b.gep(vector, [ir.Constant(I32, 0), ir.Constant(I32, i)]))
    b.store(null, result)
    ok = made[0]
    for value in made[1:]:
        ok = b.select(b.icmp_unsigned("==", value, null), null, ok)
    with b.if_then(b.icmp_unsigned("!=", ok, null)):
        vectorcall = _external(module, "PyObject_Vectorcall", PTR, [PTR, PTRS, I64, PTR])
        b.store(b.call(vectorcall, [b.inttoptr(env_word(b, E_EXIT), PTR),
                                    b.gep(vector, [ir.Constant(I32, 0), ir.Constant(I32, 0)]),
                                    _const(5), null]), result)
    for value in made + [b.load(fetched[0]), exc, b.load(fetched[2])]:
        b.call(xdecref, [value])
    b.ret(b.load(result))
    b.position_at_end(python)
    original = b.inttoptr(env_word(b, E_SLOT), slot_type.as_pointer())
    b.ret(b.call(original, [self_]))

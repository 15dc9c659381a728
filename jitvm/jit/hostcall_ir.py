"""The machine code of the host bridge (hostcall.py), as LLVM IR built with llvmlite.

In: the slot offsets of jitvm's Function, CodeProfile and ThreadState in this process.  Out:
a module defining `jitvm.host.call` (Function's tp_call), `jitvm.host.fast` (the METH_FASTCALL
function of the builtin `host(func, *args)`) and `jitvm.host.env` (the addresses of this
process they use, filled once loaded: the IR stays address-free, so the machine-code cache
keeps it); and, per signature, a thunk module (`define_thunk`).  The layouts of the records
and tables the code reads are hostcall.py's.
"""

from __future__ import annotations

from llvmlite import ir

from .abi import (CTX_DEPTH, CTX_LEVEL, CTX_LEVELS, CTX_STACK_LIMIT, CTX_THREAD, CTX_USED,
                  ERROR, MAX_NESTING, OK, SIZE, TYPE)
from .hostcall import (DICT_USED, E_FALSE, E_LIMIT_NAME, E_LONG, E_NONE, E_PROFILE_TYPE,
                       E_SLOT_CALL, ENV_WORDS, FLOAT_VALUE, LONG_DIGIT, MAX_THREADS, MISMATCH,
                       R_FN, R_NARGS, R_TABLE, R_THUNK, R_VM, T_RECORD_WORDS, T_RESUME,
                       T_THREADS)

from .types import BOOL, FLOAT, INT, LIST, NONE, OBJ, TUPLE

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
F64 = ir.DoubleType()
PTR = I8.as_pointer()
PTRS = PTR.as_pointer()
PARAM = {INT: I64, FLOAT: F64, BOOL: I8, OBJ: PTR, LIST: PTR, TUPLE: PTR}


def _external(module, name, ret, args, var_arg=False):
    if name in module.globals:
        return module.globals[name]
    return ir.Function(module, ir.FunctionType(ret, args, var_arg=var_arg), name)


def _word(b, base, index, ty=I64):
    """Word `index` of the i64 array at `base` (an i64*), as `ty`."""
    value = b.load(b.gep(base, [ir.Constant(I64, index)]))
    return value if ty is I64 else b.inttoptr(value, ty)


def _field(b, obj, offset, ty):
    return b.load(b.bitcast(b.gep(obj, [ir.Constant(I64, offset)]), ty.as_pointer()))


def _const(value):
    return ir.Constant(I64, value)


def build_bridge(module, offsets):
    """The bridge's functions in `module` (see the module docstring); `offsets`: the slots
    read (`vm`, `profile` of a Function, `host` of a CodeProfile, `depth`, `in_jit` of a
    ThreadState)."""
    from . import DEOPT_BUFFER_WORDS, NATIVE_DEPTH_CAP
    env_type = ir.ArrayType(I64, ENV_WORDS)
    env = ir.GlobalVariable(module, env_type, "jitvm.host.env")
    env.initializer = ir.Constant(env_type, None)

    def env_word(b, index):
        return b.load(b.gep(env, [ir.Constant(I32, 0), ir.Constant(I32, index)]))

    mark = _const(1)
    thunk_type = ir.FunctionType(I32, [PTR, I64.as_pointer(), PTRS, PTRS, PTR])
    slot_type = ir.FunctionType(PTR, [PTR, PTR, PTR])
    null = ir.Constant(PTR, None)
    clear_error = _external(module, "PyErr_Clear", ir.VoidType(), [])
    xdecref = ir.Function(module, ir.FunctionType(ir.VoidType(), [PTR]), "jitvm.host.xdecref")
    _define_xdecref(module, xdecref)

    # -- core(func, args, nargs): the result, NULL (an exception), or MARK --------------------
    core = ir.Function(module, ir.FunctionType(PTR, [PTR, PTRS, I64]), "jitvm.host.core")
    core.linkage = "internal"
    func, args, nargs = core.args
    entry = core.append_basic_block("entry")
    not_handled = core.append_basic_block("not_handled")
    b = ir.IRBuilder(entry)
    slots = [b.alloca(PTR) for _ in range(5)]  # the result; the exception fetched (3); resume's
    result, fetched, out = slots[0], slots[1:4], slots[4]
    vector = b.alloca(ir.ArrayType(PTR, 3))

    def then_if(cond, name):
        """Go on in a new block if `cond`, else to not_handled."""
        block = core.append_basic_block(name)
        b.cbranch(cond, block, not_handled)
        b.position_at_end(block)

    profile = _field(b, func, offsets["profile"], PTR)
    then_if(b.icmp_unsigned("!=", profile, null), "profiled")
    then_if(b.icmp_unsigned("==", b.ptrtoint(_field(b, profile, TYPE, PTR), I64),
                            env_word(b, E_PROFILE_TYPE)), "profile")
    host = _field(b, profile, offsets["host"], PTR)
    then_if(b.icmp_unsigned("!=", host, null), "host")
    then_if(b.icmp_unsigned("==", b.ptrtoint(_field(b, host, TYPE, PTR), I64),
                            env_word(b, E_LONG)), "recorded")
    record = b.bitcast(b.call(_external(module, "PyLong_AsVoidPtr", PTR, [PTR]), [host]),
                       I64.as_pointer())
    vm = b.ptrtoint(_field(b, func, offsets["vm"], PTR), I64)
    then_if(b.and_(b.icmp_unsigned("==", vm, _word(b, record, R_VM)),
                   b.icmp_signed("==", nargs, _word(b, record, R_NARGS))), "ours")
    table = _word(b, record, R_TABLE, I64.as_pointer())
    ident = b.call(_external(module, "PyThread_get_thread_ident", I64, []), [])
    # the calling thread's context: the table's threads searched (a few at most)
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
    # the VM's recursion limit (an attribute: the program's sys.setrecursionlimit sets it)
    limit_obj = b.call(_external(module, "PyObject_GetAttr", PTR, [PTR, PTR]),
                       [b.inttoptr(vm, PTR), b.inttoptr(env_word(b, E_LIMIT_NAME), PTR)])
    lookup_failed = core.append_basic_block("limit.failed")
    got = core.append_basic_block("limit")
    b.cbranch(b.icmp_unsigned("==", limit_obj, null), lookup_failed, got)
    b.position_at_end(lookup_failed)
    b.call(clear_error, [])
    b.branch(not_handled)
    b.position_at_end(got)
    limit = b.call(_external(module, "PyLong_AsLongLong", I64, [PTR]), [limit_obj])
    b.call(xdecref, [limit_obj])
    with b.if_then(b.icmp_signed("==", limit, _const(-1))):
        b.call(clear_error, [])  # (not an int: never; -1 is no limit jitvm accepts)
    then_if(b.icmp_signed(">=", limit, _const(0)), "limited")
    # -- JIT._run's reckoning: the frames granted, the buffer words outer entries reserve --
    budget = b.sub(limit, ts_depth)
    words = _word(b, table, T_RECORD_WORDS)
    first = _word(b, ctx, CTX_USED)
    level = _word(b, ctx, CTX_LEVEL)
    top = b.icmp_signed("==", level, _const(0))
    top_frames = b.select(b.icmp_signed("<", _const(NATIVE_DEPTH_CAP), budget),
                          _const(NATIVE_DEPTH_CAP), budget)
    counted = b.block
    nested = core.append_basic_block("nested")
    granted = core.append_basic_block("granted")
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
    # (Python's floor division and LLVM's truncating one differ only below zero, where the
    # room is negative either way)
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
    b.store(null, result)
    thunk = b.inttoptr(_word(b, record, R_THUNK), thunk_type.as_pointer())
    status = b.call(thunk, [_word(b, record, R_FN, PTR), ctx, args, result, func])
    b.store(level, b.gep(ctx, [_const(CTX_LEVEL)]))
    with b.if_then(b.not_(top)):
        b.store(saved_depth, b.gep(ctx, [_const(CTX_DEPTH)]))
        b.store(saved_limit, b.gep(ctx, [_const(CTX_STACK_LIMIT)]))
    ok = core.append_basic_block("ok")
    failed = core.append_basic_block("failed")
    b.cbranch(b.icmp_signed("==", status, ir.Constant(I32, OK)), ok, failed)
    b.position_at_end(ok)
    b.ret(b.load(result))
    b.position_at_end(failed)
    raised = core.append_basic_block("raised")
    b.cbranch(b.icmp_signed("==", status, ir.Constant(I32, MISMATCH)), not_handled, raised)
    # DEOPT or ERROR: an exception with no deopt record propagates (as `_run` re-raises
    # it); otherwise JIT.host_resume(status, first, the exception or None) finishes the
    # frames in the interpreter.
    b.position_at_end(raised)
    occurred = b.icmp_unsigned("!=", b.call(_external(module, "PyErr_Occurred", PTR, []), []),
                               null)
    no_records = b.icmp_signed("==", _word(b, ctx, CTX_USED), first)
    propagate = core.append_basic_block("propagate")
    records = core.append_basic_block("records")
    b.cbranch(b.and_(occurred, no_records), propagate, records)
    b.position_at_end(propagate)
    b.ret(null)
    b.position_at_end(records)
    for slot in fetched:
        b.store(null, slot)
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
    status_obj = b.call(from_ll, [b.sext(status, I64)])
    first_obj = b.call(from_ll, [first])
    for i, value in enumerate((status_obj, first_obj,
                               b.select(b.icmp_unsigned("==", exc, null), none, exc))):
        b.store(value, b.gep(vector, [ir.Constant(I32, 0), ir.Constant(I32, i)]))
    b.store(null, out)
    made = b.and_(b.icmp_unsigned("!=", status_obj, null),
                  b.icmp_unsigned("!=", first_obj, null))
    with b.if_then(made):
        vectorcall = _external(module, "PyObject_Vectorcall", PTR, [PTR, PTRS, I64, PTR])
        b.store(b.call(vectorcall, [_word(b, table, T_RESUME, PTR),
                                    b.gep(vector, [ir.Constant(I32, 0), ir.Constant(I32, 0)]),
                                    _const(3), null]), out)
    for value in (status_obj, first_obj, b.load(fetched[0]), exc, b.load(fetched[2])):
        b.call(xdecref, [value])
    b.ret(b.load(out))
    b.position_at_end(not_handled)
    b.ret(b.inttoptr(mark, PTR))

    # -- tp_call(func, args tuple, kwargs) --------------------------------------------------
    call = ir.Function(module, slot_type, "jitvm.host.call")
    func, tuple_, kwargs = call.args
    b = ir.IRBuilder(call.append_basic_block("entry"))
    plain = call.append_basic_block("plain")
    slow = call.append_basic_block("slow")
    has_kwargs = b.icmp_unsigned("!=", kwargs, ir.Constant(PTR, None))
    keywords = call.append_basic_block("keywords")
    b.cbranch(has_kwargs, keywords, plain)
    b.position_at_end(keywords)
    b.cbranch(b.icmp_signed("!=", _field(b, kwargs, DICT_USED, I64), _const(0)), slow, plain)
    b.position_at_end(plain)
    items = b.bitcast(b.gep(tuple_, [_const(24)]), PTRS)  # PyTupleObject.ob_item
    result = b.call(core, [func, items, _field(b, tuple_, SIZE, I64)])
    handled = b.icmp_unsigned("!=", b.ptrtoint(result, I64), mark)
    done = call.append_basic_block("done")
    b.cbranch(handled, done, slow)
    b.position_at_end(done)
    b.ret(result)
    b.position_at_end(slow)
    original = b.inttoptr(env_word(b, E_SLOT_CALL), slot_type.as_pointer())
    b.ret(b.call(original, [func, tuple_, kwargs]))

    # -- host(func, *args), METH_FASTCALL, self = NOT_HANDLED ----------------------------------
    fast = ir.Function(module, ir.FunctionType(PTR, [PTR, PTRS, I64]), "jitvm.host.fast")
    self_, vector_args, count = fast.args
    b = ir.IRBuilder(fast.append_basic_block("entry"))
    some = fast.append_basic_block("some")
    declined = fast.append_basic_block("declined")
    b.cbranch(b.icmp_signed(">=", count, _const(1)), some, declined)
    b.position_at_end(some)
    result = b.call(core, [b.load(vector_args), b.gep(vector_args, [_const(1)]),
                           b.sub(count, _const(1))])
    taken = fast.append_basic_block("taken")
    b.cbranch(b.icmp_unsigned("!=", b.ptrtoint(result, I64), mark), taken, declined)
    b.position_at_end(taken)
    b.ret(result)
    b.position_at_end(declined)
    count_field = b.bitcast(self_, I64.as_pointer())
    b.store(b.add(b.load(count_field), _const(1)), count_field)  # Py_INCREF(NOT_HANDLED)
    b.ret(self_)


def _define_xdecref(module, fn):
    """Py_XDECREF as a function: Py_DecRef of anything but NULL."""
    fn.linkage = "internal"
    obj = fn.args[0]
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    some = fn.append_basic_block("some")
    done = fn.append_basic_block("done")
    b.cbranch(b.icmp_unsigned("!=", obj, ir.Constant(PTR, None)), some, done)
    b.position_at_end(some)
    b.call(_external(module, "Py_DecRef", ir.VoidType(), [PTR]), [obj])
    b.branch(done)
    b.position_at_end(done)
    b.ret_void()


_EXACT = {INT: "PyLong_Type", FLOAT: "PyFloat_Type", BOOL: "PyBool_Type", LIST: "PyList_Type",
          TUPLE: "PyTuple_Type"}


def define_thunk(module, name, params, result_type, closure=None):
    """The thunk `i32 name(fn, ctx, args, result*, func)` of a signature: the arguments'
    exact types checked (MISMATCH if not, before anything runs), unboxed, `fn` (a
    specialisation taking `params`, returning `result_type`) called — with `closure` (an
    offset), its last parameter is the closure tuple of `func`, the jitvm function called;
    on OK its result boxed into *result (a new reference); a failed boxing is ERROR with the
    exception set."""
    from .lower import signature
    thunk = ir.Function(module, ir.FunctionType(
        I32, [PTR, I64.as_pointer(), PTRS, PTRS, PTR]), name)
    fn, ctx, args, result, func = thunk.args
    b = ir.IRBuilder(thunk.append_basic_block("entry"))
    mismatch = thunk.append_basic_block("mismatch")
    out = b.alloca(I64)  # (in the entry block: static stack slots)
    overflow = b.alloca(I32)
    callee = b.bitcast(fn, signature(params).as_pointer())

    def type_address(jtype):
        return b.ptrtoint(_data(module, _EXACT[jtype]), I64)

    def check(cond):
        ok = thunk.append_basic_block("ok")
        b.cbranch(cond, ok, mismatch)
        b.position_at_end(ok)

    values = []
    for i, jtype in enumerate(params if closure is None else params[:-1]):
        arg = b.load(b.gep(args, [_const(i)]))
        actual = b.ptrtoint(_field(b, arg, TYPE, PTR), I64)
        if jtype is OBJ:  # anything the Python path would not key as another kind
            for other in (INT, FLOAT, BOOL, LIST, TUPLE):
                check(b.icmp_unsigned("!=", actual, type_address(other)))
            values.append(arg)
            continue
        check(b.icmp_unsigned("==", actual, type_address(jtype)))
        if jtype is FLOAT:
            values.append(_field(b, arg, FLOAT_VALUE, F64))
        elif jtype is BOOL:
            true = _data(module, "_Py_TrueStruct")
            values.append(b.zext(b.icmp_unsigned("==", arg, true), I8))
        elif jtype is INT:
            values.append(_unbox_int(b, module, thunk, arg, check, overflow))
        else:
            values.append(arg)
    if closure is not None:  # (a tuple for a closure of freevars: `make_cells` passes it)
        cells = _field(b, func, closure, PTR)
        check(b.icmp_unsigned("!=", cells, ir.Constant(PTR, None)))
        check(b.icmp_unsigned("==", b.ptrtoint(_field(b, cells, TYPE, PTR), I64),
                              type_address(TUPLE)))
        values.append(cells)
    status = b.call(callee, [ctx] + values + [out])
    ok = thunk.append_basic_block("ok")
    done = thunk.append_basic_block("done")
    b.cbranch(b.icmp_signed("==", status, ir.Constant(I32, OK)), ok, done)
    b.position_at_end(ok)
    word = b.load(out)
    if result_type is INT:
        boxed = b.call(_external(module, "PyLong_FromLongLong", PTR, [I64]), [word])
    elif result_type is FLOAT:
        boxed = b.call(_external(module, "PyFloat_FromDouble", PTR, [F64]),
                       [b.bitcast(word, F64)])
    elif result_type in (BOOL, NONE):
        if result_type is BOOL:
            boxed = b.select(b.icmp_unsigned("!=", word, _const(0)),
                             _data(module, "_Py_TrueStruct"), _data(module, "_Py_FalseStruct"))
        else:
            boxed = _data(module, "_Py_NoneStruct")
        boxed = b.bitcast(boxed, PTR)
        count = b.bitcast(boxed, I64.as_pointer())
        b.store(b.add(b.load(count), _const(1)), count)
    else:
        boxed = b.inttoptr(word, PTR)  # (the function's result is a new reference)
    b.store(boxed, result)
    failed = b.icmp_unsigned("==", boxed, ir.Constant(PTR, None))
    b.ret(b.select(failed, ir.Constant(I32, ERROR), ir.Constant(I32, OK)))
    b.position_at_end(done)
    b.ret(status)
    b.position_at_end(mismatch)
    b.ret(ir.Constant(I32, MISMATCH))


def _data(module, name):
    """A C-API data symbol (a type object, True, None), as an i8* (resolved when loaded)."""
    variable = module.globals.get(name)
    if variable is None:
        variable = ir.GlobalVariable(module, I8, name)
    return variable


def _unbox_int(b, module, thunk, arg, check, overflow):
    """An exact int's value, when it fits in 64 bits (else MISMATCH: the interpreter's)."""
    size = _field(b, arg, SIZE, I64)
    small = thunk.append_basic_block("int.small")
    large = thunk.append_basic_block("int.large")
    joined = thunk.append_basic_block("int.value")
    is_small = b.icmp_unsigned("<=", b.add(size, _const(1)), _const(2))  # -1, 0, 1
    b.cbranch(is_small, small, large)
    b.position_at_end(small)
    digit = b.zext(_field(b, arg, LONG_DIGIT, I32), I64)
    small_value = b.mul(digit, size)
    b.branch(joined)
    b.position_at_end(large)
    b.store(ir.Constant(I32, 0), overflow)
    large_value = b.call(_external(module, "PyLong_AsLongLongAndOverflow", I64,
                                   [PTR, I32.as_pointer()]), [arg, overflow])
    check(b.icmp_signed("==", b.load(overflow), ir.Constant(I32, 0)))
    large_end = b.block
    b.branch(joined)
    b.position_at_end(joined)
    value = b.phi(I64)
    value.add_incoming(small_value, small)
    value.add_incoming(large_value, large_end)
    return value

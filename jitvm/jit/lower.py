"""JIT IR → LLVM IR (llvmlite.ir).

Calling convention of every compiled specialisation:

    i32 @sym(i64* ctx, <args>, i64* out)      int → i64, float → double, bool → i8

returns 0 with the result in *out (floats bit-cast, bools zero-extended), 1 when it
deoptimized (it has appended its frame state to the deopt buffer), or 2 when a Python exception
is set (a signal such as Ctrl-C, found by PyErr_CheckSignals at a loop back-edge).

The context `ctx` is an array of i64 owned by the bridge (see abi.py).  A deopt record is [function index, deopt point id, one word per live value...]; a callee
writes its record before its caller, so records come innermost first.

Python semantics are kept exactly: overflow, zero divisors and out-of-range conversions branch
to a deopt block, so the interpreter redoes that one instruction with Python ints (or raises).
"""

from __future__ import annotations

from llvmlite import ir

from .abi import (CTX_BUFFER, CTX_DEPTH, CTX_STACK_BUDGET, CTX_STACK_LIMIT, CTX_TICKS,
                  CTX_USED, DEOPT, ERROR, OK, SIGNAL_CHECK_INTERVAL)
from .ir import DeoptPoint, JitFunction, Value, entry_parts
from .lower_objects import ObjectLowering
from .types import BOOL, BOXED, FLOAT, INT, LIST, OBJ, TUPLE, JType

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
I1 = ir.IntType(1)
F64 = ir.DoubleType()
LLVM = {INT: I64, FLOAT: F64, BOOL: I1, OBJ: I8.as_pointer(), LIST: I8.as_pointer(),
        TUPLE: I8.as_pointer()}

EXACT_FLOAT_INT = 2 ** 53  # ints up to this size convert to float exactly
DICT_VERSION_OFFSET = 24  # PyDictObject.ma_version_tag in CPython 3.11 (checked at start-up)

_ICMP = {"lt": "<", "le": "<=", "eq": "==", "ne": "!=", "gt": ">", "ge": ">="}
PARAM = {INT: I64, FLOAT: F64, BOOL: I8, OBJ: I8.as_pointer(), LIST: I8.as_pointer(),
         TUPLE: I8.as_pointer()}  # boxed arguments are borrowed from the caller


def signature(argtypes) -> ir.FunctionType:
    return ir.FunctionType(I32, [I64.as_pointer()] + [PARAM[t] for t in argtypes]
                           + [I64.as_pointer()])


class ModuleLowering:
    """Lowers a set of JitFunctions (a function and the callees it compiled) into one module."""

    def __init__(self, module: ir.Module, function_index, runtime_addresses):
        self.module = module
        self.function_index = function_index  # JitFunction → int, for deopt records
        self.addresses = runtime_addresses  # what the guards compare against
        self.declared: dict[str, ir.Function] = {}

    def declare(self, fn: JitFunction) -> ir.Function:
        existing = self.declared.get(fn.name)
        if existing is None:
            existing = ir.Function(self.module, signature(fn.argtypes), fn.name)
            self.declared[fn.name] = existing
        return existing

    def external(self, name: str, fnty: ir.FunctionType) -> ir.Function:
        if name in self.module.globals:
            return self.module.globals[name]
        return ir.Function(self.module, fnty, name)

    def lower(self, fn: JitFunction):
        FunctionLowering(self, fn).run()


class FunctionLowering(ObjectLowering):
    def __init__(self, owner: ModuleLowering, fn: JitFunction):
        self.owner = owner
        self.fn = fn
        self.llfn = owner.declare(fn)
        self.values: dict[Value, ir.Value] = {}
        self.blocks: dict[str, ir.Block] = {}
        self.slots: dict = {}

    # -- helpers ---------------------------------------------------------------------------------

    @property
    def ctx(self):
        return self.llfn.args[0]

    def ctx_field(self, b: ir.IRBuilder, index: int):
        return b.gep(self.ctx, [ir.Constant(I32, index)])

    def v(self, value: Value) -> ir.Value:
        return self.values[value]

    def to_word(self, b: ir.IRBuilder, value: ir.Value, jtype: JType) -> ir.Value:
        if jtype is FLOAT:
            return b.bitcast(value, I64)
        if jtype is BOOL:
            return b.zext(value, I64)
        if jtype in BOXED:
            return b.ptrtoint(value, I64)
        return value

    def guarded(self, b: ir.IRBuilder, failed: ir.Value, point: DeoptPoint):
        """Branch to the deopt block of `point` when `failed` is true; continue after."""
        ok = b.append_basic_block(f"ok.{point.id}.{len(self.llfn.blocks)}")
        b.cbranch(failed, self.deopt_block(point), ok)
        b.position_at_end(ok)

    def deopt_block(self, point: DeoptPoint) -> ir.Block:
        """The block that writes the record of `point` to the deopt buffer and returns DEOPT.

        A record is [function index, point id, every local slot of the function (in
        `fn.record_slots` order), the point's stack entries...]: the block writes the stack
        entries and hands over to one block per function that writes the rest, which keeps
        the code LLVM compiles small.  (The bridge reads the slots the point's `locals` name;
        the others hold whatever they held.)"""
        name = f"deopt.{point.id}"
        if name in self.blocks:
            return self.blocks[name]
        block = self.llfn.append_basic_block(name)
        self.blocks[name] = block
        b = ir.IRBuilder(block)
        local_words = len(self.record_slots)
        # A stack entry still in the spill slot it was loaded from is written with the
        # slots; the others follow them (`point.slotted`: the slot of each part, or None).
        point.slotted = []
        stack_words = []
        for entry in point.stack:
            for part in entry_parts(entry):
                holder = [s for s, v in self.slot_holds.items() if v is part and
                          s[0].startswith("$")]
                point.slotted.append(holder[0] if holder else None)
                if not holder:
                    stack_words.append(self.word_of(b, part))
        if stack_words:
            base = self.record_base(b)
            for i, word in enumerate(stack_words):
                b.store(word, b.gep(base, [ir.Constant(I64, 2 + local_words + i)]))
        writer, point_id, length = self.locals_writer(point.reason != "native recursion limit")
        point_id.add_incoming(ir.Constant(I64, point.id), b.block)
        length.add_incoming(ir.Constant(I64, 2 + local_words + len(stack_words)), b.block)
        b.branch(writer)
        return block

    @property
    def record_slots(self):
        """The slots of the function (locals, their bound flags, spilled stack entries), in
        record order."""
        if getattr(self.fn, "record_slots", None) is None:
            self.fn.record_slots = list(self.fn.slots)
        return self.fn.record_slots

    def record_base(self, b):
        """Where the next deopt record goes."""
        buffer = b.inttoptr(b.load(self.ctx_field(b, CTX_BUFFER)), I64.as_pointer())
        return b.gep(buffer, [b.load(self.ctx_field(b, CTX_USED))])

    def locals_writer(self, leave: bool):
        """The block that finishes a record: the header (function, point id), the locals, the
        new buffer length; it returns DEOPT.  Returns (block, point-id phi, length phi)."""
        writers = self.__dict__.setdefault("writers", {})
        if leave in writers:
            return writers[leave]
        block = self.llfn.append_basic_block(f"deopt.locals.{len(writers)}")
        b = ir.IRBuilder(block)
        point_id = b.phi(I64)
        length = b.phi(I64)
        if leave:
            self.leave(b)
        base = self.record_base(b)
        b.store(ir.Constant(I64, self.owner.function_index(self.fn)), base)
        b.store(point_id, b.gep(base, [ir.Constant(I64, 1)]))
        for position, slot in enumerate(self.record_slots, 2):
            b.store(self.to_word(b, b.load(self.slots[slot]), slot[1]),
                    b.gep(base, [ir.Constant(I64, position)]))
        used = self.ctx_field(b, CTX_USED)
        b.store(b.add(b.load(used), length), used)
        b.ret(ir.Constant(I32, DEOPT))
        writers[leave] = block, point_id, length
        return writers[leave]

    def leave(self, b: ir.IRBuilder):
        """Give back this frame's unit of recursion budget."""
        depth = self.ctx_field(b, CTX_DEPTH)
        b.store(b.add(b.load(depth), ir.Constant(I64, 1)), depth)

    def alloca(self, ty, count: int | None = None):
        """Stack memory for this frame, made in the prologue: an `alloca` in a loop body
        would take new stack on every iteration (until the frame returns), which the native
        stack budget then reports as runaway recursion."""
        b = ir.IRBuilder(self.llfn.entry_basic_block)
        b.position_at_start(self.llfn.entry_basic_block)
        return b.alloca(ty, count)

    # -- the walk --------------------------------------------------------------------------------

    def run(self):
        fn = self.fn
        entry = self.llfn.append_basic_block("prologue")
        b = ir.IRBuilder(entry)
        self.stack_marker = b.alloca(I8, name="stack.marker")  # where this frame's stack is
        for key in fn.slots:
            name, jtype = key
            self.slots[key] = b.alloca(LLVM[jtype], name=f"{name}.{jtype}")
        for block in fn.blocks:
            self.blocks[block.name] = self.llfn.append_basic_block(block.name)
        b.branch(self.blocks[fn.blocks[0].name])
        holds_after = {}
        for block in fn.blocks:
            b = ir.IRBuilder(self.blocks[block.name])
            # slot → the Value it is known to hold here (a loop body is entered only from
            # its header, whose knowledge it inherits)
            head, _, sub = block.name.partition(".")
            self.slot_holds = dict(holds_after.get(head, {})) if sub == "body" else {}
            for op in block.ops:
                self.lower_op(b, op)
            if not sub:
                holds_after[block.name] = self.slot_holds

    def lower_op(self, b: ir.IRBuilder, op):
        name = op.opcode
        handler = getattr(self, "op_" + name.replace(".", "_"), None)
        if handler is not None:
            result = handler(b, op)
        elif name.startswith(("icmp.", "fcmp.", "ifcmp.")):
            result = self.compare(b, op)
        elif name.startswith("truth."):
            result = self.truth(b, op)
        elif name.startswith("number."):
            result = self.number_operation(b, op)
        elif name.startswith("richcompare."):
            result = self.rich_compare(b, op)
        else:
            raise NotImplementedError(f"no lowering for JIT IR op {name}")
        if op.result is not None:
            self.values[op.result] = result

    # -- ops ---------------------------------------------------------------------------------------

    def op_arg(self, b, op):
        (index,) = op.args
        param = self.llfn.args[1 + index]
        return b.trunc(param, I1) if op.result.type is BOOL else param

    def op_const(self, b, op):
        jtype, value = op.args
        return ir.Constant(LLVM[jtype], int(value) if jtype is BOOL else value)

    def op_load(self, b, op):
        self.slot_holds[op.args[0]] = op.result
        return b.load(self.slots[op.args[0]])

    def op_store(self, b, op):
        slot, value = op.args
        self.slot_holds[slot] = value
        b.store(self.v(value), self.slots[slot])

    def op_exit(self, b, op):
        b.branch(self.deopt_block(op.deopt))

    def op_jump(self, b, op):
        b.branch(self.blocks[op.args[0]])

    def op_br(self, b, op):
        cond, if_true, if_false = op.args
        b.cbranch(self.v(cond), self.blocks[if_true], self.blocks[if_false])

    def op_ret(self, b, op):
        self.leave(b)
        if op.args:
            (value,) = op.args
            b.store(self.to_word(b, self.v(value), value.type), self.llfn.args[-1])
        b.ret(ir.Constant(I32, OK))

    def op_enter(self, b, op):
        """Take a unit of the recursion budget and check the C stack: native frames live on
        it, so besides a frame count there is a byte budget below the first native frame
        (the stack grows down).  Either running out deoptimizes: the recursion continues in
        the interpreter, which does not use the C stack."""
        depth = self.ctx_field(b, CTX_DEPTH)
        remaining = b.sub(b.load(depth), ir.Constant(I64, 1))
        b.store(remaining, depth)
        here = b.ptrtoint(self.stack_marker, I64)
        limit_ptr = self.ctx_field(b, CTX_STACK_LIMIT)
        limit = b.load(limit_ptr)
        unset = b.icmp_signed("==", limit, ir.Constant(I64, 0))
        first_limit = b.sub(here, b.load(self.ctx_field(b, CTX_STACK_BUDGET)))
        limit = b.select(unset, first_limit, limit)
        b.store(limit, limit_ptr)
        exhausted = b.or_(b.icmp_signed("<", remaining, ir.Constant(I64, 0)),
                          b.icmp_unsigned("<", here, limit))
        restore = b.append_basic_block("depth.exhausted")
        ok = b.append_basic_block("depth.ok")
        b.cbranch(exhausted, restore, ok)
        b.position_at_end(restore)
        self.leave(b)
        b.branch(self.deopt_block(op.deopt))
        b.position_at_end(ok)

    def op_check_signals(self, b, op):
        ticks = self.ctx_field(b, CTX_TICKS)
        left = b.sub(b.load(ticks), ir.Constant(I64, 1))
        b.store(left, ticks)
        check = b.append_basic_block("signals.check")
        cont = b.append_basic_block("signals.done")
        b.cbranch(b.icmp_signed("<=", left, ir.Constant(I64, 0)), check, cont)
        b.position_at_end(check)
        b.store(ir.Constant(I64, SIGNAL_CHECK_INTERVAL), ticks)
        # Let other threads run, as CPython's eval loop does between bytecodes: releasing
        # and retaking the GIL hands it over if another thread has asked for it.
        ptr = I8.as_pointer()
        state = b.call(self.owner.external("PyEval_SaveThread", ir.FunctionType(ptr, [])), [])
        b.call(self.owner.external("PyEval_RestoreThread",
                                   ir.FunctionType(ir.VoidType(), [ptr])), [state])
        pending = b.call(self.owner.external("PyErr_CheckSignals", ir.FunctionType(I32, [])), [])
        raised = b.append_basic_block("signals.raised")
        b.cbranch(b.icmp_signed("!=", pending, ir.Constant(I32, 0)), raised, cont)
        b.position_at_end(raised)
        self.leave(b)
        b.ret(ir.Constant(I32, ERROR))
        b.position_at_end(cont)

    def op_guard(self, b, op):
        (guard,) = op.args
        check = self.owner.addresses.guard_check(self.fn, guard)
        ok = b.call(check, [])
        self.guarded(b, b.icmp_signed("==", ok, ir.Constant(I32, 0)), op.deopt)

    def op_guard_true(self, b, op):
        (value,) = op.args
        self.guarded(b, b.not_(self.v(value)), op.deopt)

    def op_guard_nonzero(self, b, op):
        (value,) = op.args
        self.guarded(b, b.icmp_signed("==", self.v(value), ir.Constant(I64, 0)), op.deopt)

    def op_call(self, b, op):
        symbol, args = op.args
        callee = self.fn.callees[symbol]
        target = self.owner.declare(callee)
        out = self.alloca(I64)
        params = [self.ctx]
        for value in args:
            arg = self.v(value)
            params.append(b.zext(arg, I8) if value.type is BOOL else arg)
        status = b.call(target, params + [out])
        self.consume(b, args)  # the callee took its own references
        failed = b.append_basic_block("call.failed")
        ok = b.append_basic_block("call.ok")
        b.cbranch(b.icmp_signed("!=", status, ir.Constant(I32, OK)), failed, ok)
        b.position_at_end(failed)
        error = b.append_basic_block("call.error")
        b.cbranch(b.icmp_signed("==", status, ir.Constant(I32, DEOPT)),
                  self.deopt_block(op.deopt), error)
        b.position_at_end(error)
        self.leave(b)
        b.ret(ir.Constant(I32, ERROR))
        b.position_at_end(ok)
        if op.result is None:
            return None
        word = b.load(out)
        if op.result.type is FLOAT:
            return b.bitcast(word, F64)
        if op.result.type is BOOL:
            return b.trunc(word, I1)
        if op.result.type in BOXED:
            return b.inttoptr(word, I8.as_pointer())
        return word

    # integers: every result that could leave 64 bits deoptimizes instead

    def _overflowing(self, b, op, intrinsic):
        x, y = (self.v(a) for a in op.args)
        pair = intrinsic(x, y)
        self.guarded(b, b.extract_value(pair, 1), op.deopt)
        return b.extract_value(pair, 0)

    def op_iadd(self, b, op):
        return self._overflowing(b, op, b.sadd_with_overflow)

    def op_isub(self, b, op):
        return self._overflowing(b, op, b.ssub_with_overflow)

    def op_imul(self, b, op):
        return self._overflowing(b, op, b.smul_with_overflow)

    # `.nsw`: the range analysis proved the result fits (LLVM's "no signed wrap")

    def op_iadd_nsw(self, b, op):
        return b.add(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_isub_nsw(self, b, op):
        return b.sub(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_imul_nsw(self, b, op):
        return b.mul(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_ineg_nsw(self, b, op):
        return b.sub(ir.Constant(I64, 0), self.v(op.args[0]), flags=["nsw"])

    # range loops: the loop variable is the counter; the next counter is an addition
    # (guarded, unless eliminate_overflow_checks made it range_next.nsw)

    def op_range_value(self, b, op):
        return self.v(op.args[0])

    op_range_next = op_iadd
    op_range_next_nsw = op_iadd_nsw

    def _divisor_checks(self, b, op, x, y):
        zero = b.icmp_signed("==", y, ir.Constant(I64, 0))
        overflow = b.and_(b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)),
                          b.icmp_signed("==", y, ir.Constant(I64, -1)))
        self.guarded(b, b.or_(zero, overflow), op.deopt)

    def op_ifloordiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._divisor_checks(b, op, x, y)
        q = b.sdiv(x, y)
        r = b.srem(x, y)
        adjust = b.and_(b.icmp_signed("!=", r, ir.Constant(I64, 0)),
                        b.icmp_signed("<", b.xor(r, y), ir.Constant(I64, 0)))
        return b.sub(q, b.zext(adjust, I64))

    def op_imod(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._divisor_checks(b, op, x, y)
        r = b.srem(x, y)
        adjust = b.and_(b.icmp_signed("!=", r, ir.Constant(I64, 0)),
                        b.icmp_signed("<", b.xor(r, y), ir.Constant(I64, 0)))
        return b.select(adjust, b.add(r, y), r)

    def op_itruediv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        limit = ir.Constant(I64, EXACT_FLOAT_INT)
        inexact = b.or_(self._abs_above(b, x, limit), self._abs_above(b, y, limit))
        self.guarded(b, b.or_(inexact, b.icmp_signed("==", y, ir.Constant(I64, 0))), op.deopt)
        return b.fdiv(b.sitofp(x, F64), b.sitofp(y, F64))

    def _abs_above(self, b, x, limit):
        return b.or_(b.icmp_signed(">", x, limit), b.icmp_signed("<", x, b.neg(limit)))

    def op_ishl(self, b, op):
        x, n = (self.v(a) for a in op.args)
        negative = b.icmp_signed("<", n, ir.Constant(I64, 0))
        big = b.icmp_signed(">=", n, ir.Constant(I64, 64))
        nonzero = b.icmp_signed("!=", x, ir.Constant(I64, 0))
        # x << n for n >= 64 is 0 only for x == 0; otherwise it leaves 64 bits.
        self.guarded(b, b.or_(negative, b.and_(big, nonzero)), op.deopt)
        shift = b.select(big, ir.Constant(I64, 0), n)
        shifted = b.shl(x, shift)
        lost = b.icmp_signed("!=", b.ashr(shifted, shift), x)
        self.guarded(b, lost, op.deopt)
        return shifted

    def op_ishr(self, b, op):
        x, n = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("<", n, ir.Constant(I64, 0)), op.deopt)
        capped = b.select(b.icmp_signed(">", n, ir.Constant(I64, 63)), ir.Constant(I64, 63), n)
        return b.ashr(x, capped)

    def op_ineg(self, b, op):
        (x,) = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)), op.deopt)
        return b.neg(x)

    def op_iinvert(self, b, op):
        return b.not_(self.v(op.args[0]))

    def op_iand(self, b, op):
        return b.and_(*(self.v(a) for a in op.args))

    def op_ior(self, b, op):
        return b.or_(*(self.v(a) for a in op.args))

    def op_ixor(self, b, op):
        return b.xor(*(self.v(a) for a in op.args))

    op_band, op_bor, op_bxor = op_iand, op_ior, op_ixor

    # floats: IEEE arithmetic is Python's; only division by zero and the floor rules need care

    def op_fadd(self, b, op):
        return b.fadd(*(self.v(a) for a in op.args))

    def op_fsub(self, b, op):
        return b.fsub(*(self.v(a) for a in op.args))

    def op_fmul(self, b, op):
        return b.fmul(*(self.v(a) for a in op.args))

    def op_fneg(self, b, op):
        return b.fneg(self.v(op.args[0]))

    def _zero_divisor(self, b, op, y):
        self.guarded(b, b.fcmp_ordered("==", y, ir.Constant(F64, 0.0)), op.deopt)

    def op_fdiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return b.fdiv(x, y)

    def _float_divmod(self, b, x, y):
        """CPython's float_divmod (Objects/floatobject.c), returning (floordiv, mod)."""
        mod = b.frem(x, y)
        div = b.fdiv(b.fsub(x, mod), y)
        zero = ir.Constant(F64, 0.0)
        mod_nonzero = b.fcmp_unordered("!=", mod, zero)
        signs_differ = b.xor(b.fcmp_ordered("<", y, zero), b.fcmp_ordered("<", mod, zero))
        fix = b.and_(mod_nonzero, signs_differ)
        mod = b.select(fix, b.fadd(mod, y), mod)
        div = b.select(fix, b.fsub(div, ir.Constant(F64, 1.0)), div)
        mod = b.select(mod_nonzero, mod, self.intrinsic(b, "llvm.copysign.f64", [zero, y]))
        floordiv = self.intrinsic(b, "llvm.floor.f64", [div])
        floordiv = b.select(b.fcmp_ordered(">", b.fsub(div, floordiv), ir.Constant(F64, 0.5)),
                            b.fadd(floordiv, ir.Constant(F64, 1.0)), floordiv)
        div_nonzero = b.fcmp_unordered("!=", div, zero)
        floordiv = b.select(div_nonzero, floordiv,
                            self.intrinsic(b, "llvm.copysign.f64", [zero, b.fdiv(x, y)]))
        return floordiv, mod

    def op_ffloordiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return self._float_divmod(b, x, y)[0]

    def op_fmod(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return self._float_divmod(b, x, y)[1]

    def intrinsic(self, b, name: str, args):
        fnty = ir.FunctionType(F64, [F64] * len(args))
        return b.call(self.owner.external(name, fnty), args)

    # builtins and math

    def op_fabs(self, b, op):
        return self.intrinsic(b, "llvm.fabs.f64", [self.v(op.args[0])])

    def op_iabs(self, b, op):
        (x,) = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)), op.deopt)
        return b.select(b.icmp_signed("<", x, ir.Constant(I64, 0)), b.neg(x), x)

    def _extreme(self, b, op, greater: bool):
        """max keeps the first of equal items and replaces it only by a strictly greater one
        (min: smaller), so NaNs behave as in CPython."""
        current, other = (self.v(a) for a in op.args)
        if op.opcode.startswith("f"):
            better = b.fcmp_ordered(">" if greater else "<", other, current)
        elif op.args[0].type is BOOL:
            better = b.icmp_unsigned(">" if greater else "<", other, current)
        else:
            better = b.icmp_signed(">" if greater else "<", other, current)
        return b.select(better, other, current)

    def op_fmax(self, b, op):
        return self._extreme(b, op, True)

    def op_fmin(self, b, op):
        return self._extreme(b, op, False)

    op_imax, op_imin = op_fmax, op_fmin

    def _float_to_int(self, b, op, rounded):
        """An integral double to int; NaN, infinities and values beyond int64 deoptimize (the
        interpreter raises, or makes a big int)."""
        limit = ir.Constant(F64, 9223372036854775808.0)
        outside = b.or_(b.fcmp_unordered(">=", rounded, limit),
                        b.fcmp_unordered("<", rounded, b.fneg(limit)))
        self.guarded(b, outside, op.deopt)  # unordered comparisons also catch NaN
        return b.fptosi(rounded, I64)

    def op_ftoi(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.trunc.f64",
                                                        [self.v(op.args[0])]))

    op_ftrunc = op_ftoi

    def op_fround(self, b, op):  # round(x): halves to even, as CPython
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.roundeven.f64",
                                                        [self.v(op.args[0])]))

    def op_ffloor(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.floor.f64",
                                                        [self.v(op.args[0])]))

    def op_fceil(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.ceil.f64",
                                                        [self.v(op.args[0])]))

    def _math_error(self, b, op, args, result):
        """CPython's math module: a NaN from non-NaN arguments is a ValueError, an infinity
        from finite ones an OverflowError/ValueError; either way the interpreter raises."""
        any_nan = ir.Constant(I1, 0)
        all_finite = ir.Constant(I1, 1)
        inf = ir.Constant(F64, float("inf"))
        for x in args:
            any_nan = b.or_(any_nan, b.fcmp_unordered("uno", x, x))
            all_finite = b.and_(all_finite, b.fcmp_ordered("<", self.intrinsic(
                b, "llvm.fabs.f64", [x]), inf))
        made_nan = b.and_(b.fcmp_unordered("uno", result, result), b.not_(any_nan))
        made_inf = b.and_(b.fcmp_ordered("==", self.intrinsic(b, "llvm.fabs.f64", [result]),
                                         inf), all_finite)
        self.guarded(b, b.or_(made_nan, made_inf), op.deopt)

    def op_libm(self, b, op):
        name, *values = op.args
        args = [self.v(v) for v in values]
        result = b.call(self.owner.external(name, ir.FunctionType(F64, [F64] * len(args))),
                        args)
        self._math_error(b, op, args, result)
        return result

    def op_fpow(self, b, op):
        x, y = (self.v(a) for a in op.args)
        zero = ir.Constant(F64, 0.0)
        # 0.0 ** negative raises; negative ** non-integer is complex: leave both to CPython.
        to_zero = b.and_(b.fcmp_ordered("==", x, zero), b.fcmp_ordered("<", y, zero))
        fractional = b.fcmp_ordered("!=", self.intrinsic(b, "llvm.floor.f64", [y]), y)
        complex_result = b.and_(b.fcmp_ordered("<", x, zero), fractional)
        self.guarded(b, b.or_(to_zero, complex_result), op.deopt)
        result = b.call(self.owner.external("pow", ir.FunctionType(F64, [F64, F64])), [x, y])
        self._math_error(b, op, [x, y], result)
        return result

    def op_ipow(self, b, op):
        x, y = (self.v(a) for a in op.args)
        # A negative exponent gives a float: the interpreter computes it.
        self.guarded(b, b.icmp_signed("<", y, ir.Constant(I64, 0)), op.deopt)
        pair = b.call(self.owner.addresses.int_power(), [x, y])
        self.guarded(b, b.extract_value(pair, 1), op.deopt)
        return b.extract_value(pair, 0)

    # conversions, truth and comparisons

    def op_btoi(self, b, op):
        return b.zext(self.v(op.args[0]), I64)

    def op_itof(self, b, op):
        return b.sitofp(self.v(op.args[0]), F64)

    def op_not(self, b, op):
        return b.xor(self.v(op.args[0]), ir.Constant(I1, 1))

    def truth(self, b, op):
        (x,) = op.args
        if x.type is FLOAT:
            return b.fcmp_unordered("!=", self.v(x), ir.Constant(F64, 0.0))
        return b.icmp_signed("!=", self.v(x), ir.Constant(I64, 0))

    def op_range_more(self, b, op):
        current, stop, step = (self.v(a) for a in op.args)
        up = b.icmp_signed(">", step, ir.Constant(I64, 0))
        return b.select(up, b.icmp_signed("<", current, stop), b.icmp_signed(">", current, stop))

    def compare(self, b, op):
        kind, name = op.opcode.split(".")
        x, y = (self.v(a) for a in op.args)
        if kind == "icmp":
            return b.icmp_signed(_ICMP[name], x, y)
        if kind == "fcmp":
            if name == "ne":
                return b.fcmp_unordered("!=", x, y)
            return b.fcmp_ordered(_ICMP[name], x, y)
        return self.int_float_compare(b, name, x, y)

    def int_float_compare(self, b, name, x, y):
        """Exact int-versus-float comparison, as CPython's float_richcompare does it."""
        order = b.call(self.owner.addresses.int_float_order(), [x, y])
        c = lambda v: ir.Constant(I32, v)  # noqa: E731
        if name == "lt":
            return b.icmp_signed("==", order, c(-1))
        if name == "le":
            return b.or_(b.icmp_signed("==", order, c(-1)), b.icmp_signed("==", order, c(0)))
        if name == "eq":
            return b.icmp_signed("==", order, c(0))
        if name == "ne":
            return b.icmp_signed("!=", order, c(0))
        if name == "gt":
            return b.icmp_signed("==", order, c(1))
        return b.or_(b.icmp_signed("==", order, c(1)), b.icmp_signed("==", order, c(0)))


def define_int_power(module: ir.Module) -> ir.Function:
    """{i64, i1} ipow(i64 x, i64 y >= 0): x ** y by squaring, and whether it overflowed."""
    result_type = ir.LiteralStructType([I64, I1])
    fn = ir.Function(module, ir.FunctionType(result_type, [I64, I64]), "jitvm.int_power")
    fn.linkage = "internal"
    x, y = fn.args
    entry = fn.append_basic_block("entry")
    loop = fn.append_basic_block("loop")
    body = fn.append_basic_block("body")
    done = fn.append_basic_block("done")
    b = ir.IRBuilder(entry)
    b.branch(loop)
    b.position_at_end(loop)
    result = b.phi(I64)
    base = b.phi(I64)
    exponent = b.phi(I64)
    overflow = b.phi(I1)
    result.add_incoming(ir.Constant(I64, 1), entry)
    base.add_incoming(x, entry)
    exponent.add_incoming(y, entry)
    overflow.add_incoming(ir.Constant(I1, 0), entry)
    b.cbranch(b.icmp_signed(">", exponent, ir.Constant(I64, 0)), body, done)
    b.position_at_end(body)
    odd = b.trunc(exponent, I1)
    product = b.smul_with_overflow(result, base)
    new_result = b.select(odd, b.extract_value(product, 0), result)
    rest = b.ashr(exponent, ir.Constant(I64, 1))
    # Squaring the base overflows harmlessly when no multiplication will use it any more.
    square = b.smul_with_overflow(base, base)
    base_used = b.icmp_signed(">", rest, ir.Constant(I64, 0))
    new_overflow = b.or_(overflow, b.or_(b.and_(odd, b.extract_value(product, 1)),
                                         b.and_(base_used, b.extract_value(square, 1))))
    result.add_incoming(new_result, body)
    base.add_incoming(b.extract_value(square, 0), body)
    exponent.add_incoming(rest, body)
    overflow.add_incoming(new_overflow, body)
    b.branch(loop)
    b.position_at_end(done)
    pair = b.insert_value(ir.Constant(result_type, ir.Undefined), result, 0)
    b.ret(b.insert_value(pair, overflow, 1))
    return fn


def define_int_float_order(module: ir.Module) -> ir.Function:
    """i32 order(i64 x, double y): -1, 0 or 1 as x <, ==, > y exactly; 2 if y is NaN."""
    fn = ir.Function(module, ir.FunctionType(I32, [I64, F64]), "jitvm.int_float_order")
    fn.linkage = "internal"
    x, y = fn.args
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    c = lambda v: ir.Constant(I32, v)  # noqa: E731
    nan = b.append_basic_block("nan")
    small = b.append_basic_block("small")
    large = b.append_basic_block("large")
    b.cbranch(b.fcmp_unordered("uno", y, y), nan, small)
    b.position_at_end(nan)
    b.ret(c(2))
    b.position_at_end(small)
    limit = ir.Constant(I64, EXACT_FLOAT_INT)
    exact = b.and_(b.icmp_signed("<=", x, limit), b.icmp_signed(">=", x, b.neg(limit)))
    exact_block = b.append_basic_block("exact")
    b.cbranch(exact, exact_block, large)
    b.position_at_end(exact_block)
    fx = b.sitofp(x, F64)
    b.ret(b.select(b.fcmp_ordered("<", fx, y), c(-1),
                   b.select(b.fcmp_ordered(">", fx, y), c(1), c(0))))
    # |x| > 2**53: compare with y's integer part (y is beyond int64 when it is that large).
    b.position_at_end(large)
    top = ir.Constant(F64, 9223372036854775808.0)
    above = b.append_basic_block("above")
    below = b.append_basic_block("below")
    inside = b.append_basic_block("inside")
    b.cbranch(b.fcmp_ordered(">=", y, top), above, below)
    b.position_at_end(above)
    b.ret(c(-1))
    b.position_at_end(below)
    under = b.append_basic_block("under")
    b.cbranch(b.fcmp_ordered("<", y, b.fneg(top)), under, inside)
    b.position_at_end(under)
    b.ret(c(1))
    b.position_at_end(inside)
    trunc_fn = module.globals.get("llvm.trunc.f64") or ir.Function(
        module, ir.FunctionType(F64, [F64]), "llvm.trunc.f64")
    trunc = b.call(trunc_fn, [y])
    whole = b.fptosi(trunc, I64)
    frac = b.fsub(y, trunc)
    by_whole = b.select(b.icmp_signed("<", x, whole), c(-1),
                        b.select(b.icmp_signed(">", x, whole), c(1), c(0)))
    by_frac = b.select(b.fcmp_ordered(">", frac, ir.Constant(F64, 0.0)), c(-1),
                       b.select(b.fcmp_ordered("<", frac, ir.Constant(F64, 0.0)), c(1), c(0)))
    b.ret(b.select(b.icmp_signed("==", by_whole, c(0)), by_frac, by_whole))
    return fn

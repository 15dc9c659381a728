"""JIT IR → LLVM IR (llvmlite.ir).

Calling convention of every compiled specialisation:

    i32 @sym(i64* ctx, <args>, i64* out)      int → i64, float → double, bool → i8

returns 0 with the result in *out (floats bit-cast, bools zero-extended), 1 when it
deoptimized (it has appended its frame state to the deopt buffer), or 2 when a Python exception
is set (a signal such as Ctrl-C, found by PyErr_CheckSignals at a loop back-edge).

The context `ctx` is an array of i64 owned by the bridge (see abi.py).  A deopt record is [function index, deopt point id, one word per live value...]; a callee
writes its record before its caller, so records come innermost first.

Python semantics are kept exactly: overflow, zero divisors and out-of-range conversions branch
to a deopt block, so the interpreter redoes that one instruction with Python ints (or raises);
the numeric operations are lowered in lower_numbers, boxed values in lower_objects.
"""

from __future__ import annotations

import dataclasses

from llvmlite import ir

from .abi import (CTX_BUFFER, CTX_DEPTH, CTX_STACK_BUDGET, CTX_STACK_LIMIT, CTX_TICKS,
                  CTX_USED, DEOPT, ERROR, OK, SIGNAL_CHECK_INTERVAL)
from .ir import DeoptPoint, JitFunction, Value, entry_parts
from .llvm_build import Builder
from .lower_numbers import (NumberLowering, define_int_float_order,  # noqa: F401 (engine.py)
                            define_int_power)
from .lower_handlers import HandlerLowering
from .lower_generators import GeneratorLowering
from .lower_objects import ObjectLowering
from .types import BOOL, BOXED, FLOAT, INT, LIST, OBJ, TUPLE, JType

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
I1 = ir.IntType(1)
F64 = ir.DoubleType()
LLVM = {INT: I64, FLOAT: F64, BOOL: I1, OBJ: I8.as_pointer(), LIST: I8.as_pointer(),
        TUPLE: I8.as_pointer()}

DICT_VERSION_OFFSET = 24  # PyDictObject.ma_version_tag in CPython 3.11 (checked at start-up)

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


class FunctionLowering(NumberLowering, ObjectLowering, HandlerLowering, GeneratorLowering):
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
        `fn.record_slots` order), the point's stack entries...]: the block makes the words of
        the stack entries (taking references to boxed ones) and hands them, with the point's
        id and record length, to one block per function that writes the record: LLVM's
        time grows with the code it is given, and a function has dozens of deopt points.
        (The bridge reads the slots the point's `locals` name; the others hold whatever they
        held.  Words past the record's length are written too, and are junk.)"""
        if point.pad is not None and point.raises and point.pad in self.blocks:
            return self.blocks[point.pad]  # a handler of this code catches it (lower_handlers)
        name = f"deopt.{point.id}"
        if name in self.blocks:
            return self.blocks[name]
        block = self.llfn.append_basic_block(name)
        self.blocks[name] = block
        b = Builder(block)
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
        writer = self.locals_writer(point.reason != "native recursion limit")
        writer.arrive(b, [ir.Constant(I64, point.id),
                          ir.Constant(I64, 2 + local_words + len(stack_words))] + stack_words)
        return block

    def raise_point(self, point: DeoptPoint) -> DeoptPoint:
        """For a call's deopt point (resume after the call): the point where the call raised
        instead, so a `try` around it in this frame, or a `finally`, sees the exception."""
        raised = self.__dict__.setdefault("raise_points", {})
        if point.id not in raised:
            copy = dataclasses.replace(point, id=len(self.fn.deopts), raises=True,
                                       after_call=True, reason="raised")
            self.fn.deopts.append(copy)
            raised[point.id] = copy
        return raised[point.id]

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

    def locals_writer(self, leave: bool) -> "RecordWriter":
        """The block that writes a record: the header (function, point id), the locals, the
        stack words it is handed, the new buffer length; it returns DEOPT."""
        writers = self.__dict__.setdefault("writers", {})
        if leave in writers:
            return writers[leave]
        block = self.llfn.append_basic_block(f"deopt.locals.{len(writers)}")
        b = Builder(block)
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
        writers[leave] = RecordWriter(block, base, 2 + len(self.record_slots),
                                      [point_id, length])
        return writers[leave]

    def leave(self, b: ir.IRBuilder):
        """Give back this frame's unit of recursion budget."""
        depth = self.ctx_field(b, CTX_DEPTH)
        b.store(b.add(b.load(depth), ir.Constant(I64, 1)), depth)

    def alloca(self, ty, count: int | None = None):
        """Stack memory for this frame, made in the prologue: an `alloca` in a loop body
        would take new stack on every iteration (until the frame returns), which the native
        stack budget then reports as runaway recursion."""
        b = Builder(self.llfn.entry_basic_block)
        b.position_at_start(self.llfn.entry_basic_block)
        return b.alloca(ty, count)

    # -- the walk --------------------------------------------------------------------------------

    def run(self):
        fn = self.fn
        entry = self.llfn.append_basic_block("prologue")
        b = Builder(entry)
        self.stack_marker = b.alloca(I8, name="stack.marker")  # where this frame's stack is
        for key in fn.slots:
            name, jtype = key
            self.slots[key] = b.alloca(LLVM[jtype], name=f"{name}.{jtype}")
        for block in fn.blocks:
            self.blocks[block.name] = self.llfn.append_basic_block(block.name)
        b.branch(self.blocks[fn.blocks[0].name])
        holds_after = {}
        for block in fn.blocks:
            b = Builder(self.blocks[block.name])
            # slot → the Value it is known to hold here (a loop body is entered only from
            # its header, whose knowledge it inherits)
            head, _, sub = block.name.partition(".")
            self.slot_holds = dict(holds_after.get(head, {})) if sub == "body" else {}
            for op in block.ops:
                self.lower_op(b, op)
            if not sub:
                holds_after[block.name] = self.slot_holds
        for writer in self.__dict__.get("writers", {}).values():
            writer.finish()
            # (a writer writes every word it has a phi for, past the record's length too)
            fn.record_words = max(fn.record_words, writer.stack_start + len(writer.phis) - 2)

    def lower_op(self, b: ir.IRBuilder, op):
        name = op.opcode
        handlers = _HANDLERS.setdefault(type(self), {})  # opcode → op_ method, or None
        handler = handlers.get(name, _MISSING)
        if handler is _MISSING:
            handler = handlers[name] = getattr(type(self), "op_" + name.replace(".", "_"), None)
        if handler is not None:
            result = handler(self, b, op)
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
        raised = b.append_basic_block("signals.raised")
        if op.args:  # a module-level loop: its variables go to the dict first
            version = self.write_module_names(b, op.args, raised)
        ptr = I8.as_pointer()
        state = b.call(self.owner.external("PyEval_SaveThread", ir.FunctionType(ptr, [])), [])
        b.call(self.owner.external("PyEval_RestoreThread",
                                   ir.FunctionType(ir.VoidType(), [ptr])), [state])
        pending = b.call(self.owner.external("PyErr_CheckSignals", ir.FunctionType(I32, [])), [])
        handled = b.append_basic_block("signals.handled") if op.args else cont
        b.cbranch(b.icmp_signed("!=", pending, ir.Constant(I32, 0)), raised, handled)
        if op.args:  # a handler or another thread assigned a module variable: deoptimize
            b.position_at_end(handled)
            changed = b.icmp_unsigned("!=", self.dict_version(b, op.args[0]), version)
            self.guarded(b, changed, op.deopt)
            b.branch(cont)
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
        b.position_at_end(error)  # the callee raised (a signal handler did): raise it here
        b.branch(self.deopt_block(self.raise_point(op.deopt)))
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


_HANDLERS: dict[type, dict] = {}  # lowering class → opcode → its op_ method, or None
_MISSING = object()


class RecordWriter:
    """The block that writes the deopt records of a function's points: phis take the point
    id, the record length and the stack words from each deopt block that branches here (a
    point with fewer stack words gives 0 for the rest)."""

    def __init__(self, block: ir.Block, base: ir.Value, stack_start: int, phis: list):
        self.block = block
        self.base = base  # where the record goes
        self.stack_start = stack_start  # the record position of the first stack word
        self.phis = phis  # point id, length, then one per stack word
        self.arrivals: list[tuple[ir.Block, list]] = []

    def arrive(self, b: ir.IRBuilder, words: list):
        """Branch from `b`'s block to the writer with `words` (id, length, stack words)."""
        while len(self.phis) < len(words):
            position = self.stack_start + len(self.phis) - 2
            at = Builder(self.block)
            at.position_at_start(self.block)
            phi = at.phi(I64)
            at.position_before(self.block.terminator)
            at.store(phi, at.gep(self.base, [ir.Constant(I64, position)]))
            self.phis.append(phi)
        self.arrivals.append((b.block, words))
        b.branch(self.block)

    def finish(self):
        zero = ir.Constant(I64, 0)
        for block, words in self.arrivals:
            for i, phi in enumerate(self.phis):
                phi.add_incoming(words[i] if i < len(words) else zero, block)

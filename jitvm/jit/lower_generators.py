"""JIT IR → LLVM IR for a generator's resumable body (a mixin of FunctionLowering).

`genentry state, (resume blocks)` starts the prologue: with the state block's resume index 0
it goes on (the first run binds the parameters); else it takes the frame's unit of recursion
budget (as `enter` does on a first run), loads every slot from the block and switches to
the resume block.  `yield value, k, block` stores every slot, k and the yield's deopt point
id into the block (the point's deopt record, see frontend_generators.py; `fn.record_words`
counts its words), the value in *out,
gives the unit back and returns YIELDED.  Slots are allocas the whole time (mem2reg makes
registers of them): the block is read once per resume and written once per yield.
"""

from __future__ import annotations

from llvmlite import ir

from .abi import CTX_DEPTH, STATE_PARAMS, STATE_POINT, YIELDED
from .ir import entry_parts
from .llvm_build import Builder
from .types import BOOL, BOXED, FLOAT

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
I1 = ir.IntType(1)
F64 = ir.DoubleType()


class GeneratorLowering:
    def op_genentry(self, b, op):
        state, targets = op.args
        block = b.inttoptr(self.v(state), I64.as_pointer())
        self.gen_state = block
        index = b.load(block)
        resume = b.append_basic_block("gen.resume")
        start = b.append_basic_block("gen.start")
        b.cbranch(b.icmp_signed("==", index, ir.Constant(I64, 0)), start, resume)
        r = Builder(resume)
        depth = self.ctx_field(r, CTX_DEPTH)
        r.store(r.sub(r.load(depth), ir.Constant(I64, 1)), depth)
        for position, slot in enumerate(self.record_slots, slots_base(self.fn)):
            word = r.load(r.gep(block, [ir.Constant(I64, position)]))
            r.store(_from_word(r, word, slot[1], self.slots[slot].type.pointee),
                    self.slots[slot])
        switch = r.switch(index, start)  # (never 0 here)
        for k, name in enumerate(targets, 1):
            switch.add_case(ir.Constant(I64, k), self.blocks[name])
        b.position_at_end(start)

    def op_genarg(self, b, op):
        (index,) = op.args
        word = b.load(b.gep(self.gen_state, [ir.Constant(I64, STATE_PARAMS + index)]))
        jtype = op.result.type
        return _from_word(b, word, jtype, I8.as_pointer())

    def op_yield(self, b, op):
        value, k, _ = op.args
        block = self.gen_state
        base = slots_base(self.fn)
        for position, slot in enumerate(self.record_slots, base):
            b.store(self.to_word(b, b.load(self.slots[slot]), slot[1]),
                    b.gep(block, [ir.Constant(I64, position)]))
        # The stack entries are in their spill slots (as a deopt record's: `slotted`), but
        # for the parts no slot holds (a constant the passes left unstored): after them.
        point = op.deopt
        point.slotted = []
        extra = []
        for entry in point.stack:
            for part in entry_parts(entry):
                holder = [s for s, v in self.slot_holds.items()
                          if v is part and s[0].startswith("$")]
                point.slotted.append(holder[0] if holder else None)
                if not holder:
                    extra.append(self.word_of(b, part))
        for position, word in enumerate(extra, base + len(self.record_slots)):
            b.store(word, b.gep(block, [ir.Constant(I64, position)]))
        self.fn.record_words = max(self.fn.record_words,
                                   STATE_PARAMS + len(self.record_slots) + len(extra))
        b.store(ir.Constant(I64, k), block)
        b.store(ir.Constant(I64, op.deopt.id), b.gep(block, [ir.Constant(I64, STATE_POINT)]))
        b.store(b.ptrtoint(self.v(value), I64), self.llfn.args[-1])
        self.leave(b)
        b.ret(ir.Constant(I32, YIELDED))


def slots_base(fn) -> int:
    """The state block's word of the first slot: after the parameters."""
    return STATE_PARAMS + fn.param_words


def _from_word(b, word, jtype, lltype):
    if jtype is FLOAT:
        return b.bitcast(word, F64)
    if jtype is BOOL:
        return b.trunc(word, I1)
    if jtype in BOXED:
        return b.inttoptr(word, lltype)
    return word

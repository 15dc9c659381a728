"""JIT IR → LLVM IR for lists and tuples (a mixin of lower_objects.ObjectLowering, which gives
it the object layout, reference counts and boxing it uses).

Reads check the index against the live size and leave the item borrowed; stores box the
value first (a small int is CPython's cached object), check the index, and release the old
item after the store, as `list_ass_item` does — touching no count when the slot already holds
the object.  A failure before any effect deoptimizes to the instruction, which the
interpreter redoes (and raises CPython's `IndexError` there).
"""

from __future__ import annotations

from llvmlite import ir

from .abi import FLOAT_VALUE, REFCNT
from .types import BOOL, BOXED, FLOAT, INT, LIST, TUPLE

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I1 = ir.IntType(1)
F64 = ir.DoubleType()
PTR = ir.IntType(8).as_pointer()

_PY_TYPES = {INT: int, FLOAT: float, BOOL: bool, LIST: list, TUPLE: tuple}


class ListLowering:
    """Lowering of the list and tuple operations (see frontend_sequences for their meaning)."""

    def op_len_seq(self, b, op):
        return self.size_of(b, self.v(op.args[0]))

    def index_in(self, b, obj, index, point):
        """`index` (negative counts from the end) checked against the live size."""
        size = self.size_of(b, obj)
        if point is None:
            return b.select(b.icmp_signed("<", index, ir.Constant(I64, 0)),
                            b.add(index, size), index)
        return self.wrap_index(b, index, size, self.deopt_block(point))

    def wrap_index(self, b, index, size, bad):
        """`index` as a position in 0..size-1, or a branch to `bad`.  The usual index, one in
        0..size-1, takes one unsigned comparison (a negative one looks huge); only the
        others are counted from the end and checked again."""
        if isinstance(index, ir.Constant):  # b[3], b[-1]: one comparison either way
            at = index if index.constant >= 0 else b.add(index, size)
            ok = b.append_basic_block("index.ok")
            b.cbranch(b.icmp_unsigned("<", at, size), ok, bad)
            b.position_at_end(ok)
            return at
        entry = b.block
        negative = b.append_basic_block("index.from_end")
        ok = b.append_basic_block("index.ok")
        b.cbranch(b.icmp_unsigned("<", index, size), ok, negative)
        b.position_at_end(negative)
        wrapped = b.add(index, size)
        b.cbranch(b.icmp_unsigned("<", wrapped, size), ok, bad)
        b.position_at_end(ok)
        at = b.phi(I64)
        at.add_incoming(index, entry)
        at.add_incoming(wrapped, negative)
        return at

    def _getitem(self, b, op, jtype):
        seq, index = op.args
        obj = self.v(seq)
        at = self.index_in(b, obj, self.v(index), op.deopt)
        return b.load(b.gep(self.items_of(b, obj, jtype), [at]))

    def op_getitem_list(self, b, op):
        return self._getitem(b, op, LIST)

    def op_getitem_tuple(self, b, op):
        return self._getitem(b, op, TUPLE)

    def op_more_seq(self, b, op):
        seq, index = op.args
        return b.icmp_signed("<", self.v(index), self.size_of(b, self.v(seq)))

    def op_item_list(self, b, op):
        seq, index = op.args
        return b.load(b.gep(self.items_of(b, self.v(seq), LIST), [self.v(index)]))

    def op_item_tuple(self, b, op):
        seq, index = op.args
        return b.load(b.gep(self.items_of(b, self.v(seq), TUPLE), [self.v(index)]))

    def op_inc(self, b, op):
        return b.add(self.v(op.args[0]), ir.Constant(I64, 1))

    def op_guard_len(self, b, op):
        seq, n = op.args
        self.guarded(b, b.icmp_signed("!=", self.size_of(b, self.v(seq)), ir.Constant(I64, n)),
                     op.deopt)

    def op_setitem_list(self, b, op):
        """lst[i] = value: the value is boxed first (an allocation may run a finalizer that
        changes the list), then the index is checked; the old item is released after the
        store, as list_ass_item does.

        A float stored over a float that only the list holds (reference count 1) is written
        into that object instead: no one else can see the object, so this is the same as
        replacing it, without allocating one float and freeing another."""
        seq, index, value = op.args
        obj = self.v(seq)
        if value.type is FLOAT:
            done = b.append_basic_block("setitem.done")
            general = b.append_basic_block("setitem.general")
            at = self.wrap_index(b, self.v(index), self.size_of(b, obj), general)
            old = b.load(b.gep(self.items_of(b, obj, LIST), [at]))
            count = b.load(self.field(b, old, REFCNT, I64))
            reuse = b.and_(self.is_type(b, old, float),
                           b.icmp_signed("==", count, ir.Constant(I64, 1)))
            in_place = b.append_basic_block("setitem.in_place")
            b.cbranch(reuse, in_place, general)
            b.position_at_end(in_place)
            b.store(self.v(value), self.field(b, old, FLOAT_VALUE, F64))
            b.branch(done)
            b.position_at_end(general)
            self._setitem(b, op, obj, index, value)
            b.branch(done)
            b.position_at_end(done)
            return
        self._setitem(b, op, obj, index, value)

    def _setitem(self, b, op, obj, index, value):
        """The store proper.  Storing the object the slot already holds (a bool or a small
        int over an equal one, `a[i] = a[i]`) changes nothing — no reference counts are
        touched; otherwise the new item takes a reference and the old one is released."""
        item, new = self.box_lazy(b, value, op.deopt)
        bad = b.append_basic_block("setitem.bad")
        at = self.wrap_index(b, self.v(index), self.size_of(b, obj), bad)
        ok = b.block
        b.position_at_end(bad)
        if value.type not in BOXED:  # an owned boxed value goes to the deopt record
            self.decref_if(b, item, new)
        b.branch(self.deopt_block(op.deopt))
        b.position_at_end(ok)
        slot = b.gep(self.items_of(b, obj, LIST), [at])
        old = b.load(slot)
        if value.type is FLOAT:  # a new float: never the object the slot holds
            b.store(item, slot)
            self.decref(b, old)
            return
        replace = b.append_basic_block("setitem.replace")
        same = b.append_basic_block("setitem.same")
        done = b.append_basic_block("setitem.done")
        b.cbranch(b.icmp_unsigned("==", old, item), same, replace)
        b.position_at_end(same)
        if not (isinstance(new, ir.Constant) and not new.constant):
            # The list keeps its reference: releasing ours cannot free the object.
            count = self.field(b, item, REFCNT, I64)
            b.store(b.sub(b.load(count), b.zext(new, I64)), count)
        b.branch(done)
        b.position_at_end(replace)
        self.incref_unless(b, item, new)
        b.store(item, slot)
        self.decref(b, old)
        b.branch(done)
        b.position_at_end(done)

    def op_append_list(self, b, op):
        seq, value = op.args
        item, made = self.box_value(b, value, op.deopt)
        status = b.call(self.api("PyList_Append", I32, [PTR, PTR]), [self.v(seq), item])
        if made or value.owned:
            self.decref(b, item)  # the list took its own reference
        self.redo(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_del_list(self, b, op):
        """del lst[i] (after pop() read the item): PyList_SetSlice moves the tail down and
        releases the item, as list.pop does."""
        seq, index = op.args
        obj = self.v(seq)
        at = self.index_in(b, obj, self.v(index), None)
        b.call(self.api("PyList_SetSlice", I32, [PTR, I64, I64, PTR]),
               [obj, at, b.add(at, ir.Constant(I64, 1)), ir.Constant(PTR, None)])

    def _build(self, b, op, jtype):
        (values,) = op.args
        made = []
        for value in values:  # box first: a failure then leaves nothing half-built
            item, new = self.box_value(b, value, op.deopt)
            made.append((item, new or value.owned, new))
        n = ir.Constant(I64, len(values))
        new_api = "PyList_New" if jtype is LIST else "PyTuple_New"
        obj = b.call(self.api(new_api, PTR, [I64]), [n])
        failed = b.append_basic_block("build.failed")
        ok = b.append_basic_block("build.ok")
        b.cbranch(self.is_null(b, obj), failed, ok)
        b.position_at_end(failed)
        for item, _, new in made:
            if new:
                self.decref(b, item)
        b.call(self.api("PyErr_Clear", ir.VoidType(), []), [])
        b.branch(self.deopt_block(op.deopt))
        b.position_at_end(ok)
        items = self.items_of(b, obj, jtype)
        for i, (item, owned, _) in enumerate(made):
            if not owned:
                self.incref(b, item)
            b.store(item, b.gep(items, [ir.Constant(I64, i)]))
        return obj

    def op_build_list(self, b, op):
        return self._build(b, op, LIST)

    def op_build_tuple(self, b, op):
        return self._build(b, op, TUPLE)

    def _from_range(self, b, op, jtype):
        point = op.deopt
        made = self._range_object(b, op)
        api = "PySequence_List" if jtype is LIST else "PySequence_Tuple"
        result = b.call(self.api(api, PTR, [PTR]), [made])
        self.decref(b, made)
        self.redo(b, self.is_null(b, result), point)
        return result

    def op_range_list(self, b, op):
        return self._from_range(b, op, LIST)

    def op_range_tuple(self, b, op):
        return self._from_range(b, op, TUPLE)

    def _copy(self, b, op, api):
        result = b.call(self.api(api, PTR, [PTR]), [self.v(op.args[0])])
        self.redo(b, self.is_null(b, result), op.deopt)
        return result

    def op_copy_list(self, b, op):
        return self._copy(b, op, "PySequence_List")

    def op_copy_tuple(self, b, op):
        return self._copy(b, op, "PySequence_Tuple")

    def op_box_slice(self, b, op):
        return self.slice_object(b, op.args, op.deopt)

    def slice_object(self, b, bounds, point):
        """slice(start, stop, step) from ints and Nones (a new reference)."""
        parts = []
        for bound in bounds:
            if hasattr(bound, "type"):
                parts.append(self.box_value(b, bound, point))
            else:
                parts.append((self.obj_const(None), False))
        while len(parts) < 3:
            parts.append((self.obj_const(None), False))
        made = b.call(self.api("PySlice_New", PTR, [PTR, PTR, PTR]), [p for p, _ in parts])
        for obj, new in parts:
            if new:
                self.decref(b, obj)
        self.redo(b, self.is_null(b, made), point)
        return made

    def op_getslice(self, b, op):
        seq, *bounds = op.args
        point = op.deopt
        made = self.slice_object(b, bounds, point)
        result = b.call(self.api("PyObject_GetItem", PTR, [PTR, PTR]), [self.v(seq), made])
        self.decref(b, made)
        self.redo(b, self.is_null(b, result), point)
        return result

    def _reduce(self, b, op, kind):
        """sum/min/max over a list or tuple of one numeric type, in a loop; any other
        element, an overflow, or an empty sequence (sum of floats, min, max) deoptimizes to
        the call, which the interpreter then makes."""
        seq, elem = op.args
        jtype = seq.type
        obj = self.v(seq)
        size = self.size_of(b, obj)
        items = self.items_of(b, obj, jtype)
        point = op.deopt
        if kind != "sum" or elem is FLOAT:
            self.guarded(b, b.icmp_signed("==", size, ir.Constant(I64, 0)), point)
        acc_type = F64 if elem is FLOAT else (I1 if elem is BOOL and kind != "sum" else I64)
        start = {F64: ir.Constant(F64, 0.0), I64: ir.Constant(I64, 0), I1: ir.Constant(I1, 0)}
        head = b.append_basic_block(f"{kind}.head")
        body = b.append_basic_block(f"{kind}.body")
        done = b.append_basic_block(f"{kind}.done")
        entry = b.block
        b.branch(head)
        b.position_at_end(head)
        i = b.phi(I64)
        acc = b.phi(acc_type)
        i.add_incoming(ir.Constant(I64, 0), entry)
        acc.add_incoming(start[acc_type], entry)
        b.cbranch(b.icmp_signed("<", i, size), body, done)
        b.position_at_end(body)
        item = b.load(b.gep(items, [i]))
        self.guarded(b, b.not_(self.is_type(b, item, _PY_TYPES[elem])), point)
        x = self.unbox_item(b, item, elem, point)
        if kind == "sum":
            if elem is FLOAT:
                new = b.fadd(acc, x)
            else:
                pair = b.sadd_with_overflow(acc, b.zext(x, I64) if elem is BOOL else x)
                self.guarded(b, b.extract_value(pair, 1), point)
                new = b.extract_value(pair, 0)
        else:
            op_ = ">" if kind == "max" else "<"
            if elem is FLOAT:
                better = b.fcmp_ordered(op_, x, acc)
            elif elem is BOOL:
                better = b.icmp_unsigned(op_, x, acc)
            else:
                better = b.icmp_signed(op_, x, acc)
            first = b.icmp_signed("==", i, ir.Constant(I64, 0))
            new = b.select(b.or_(first, better), x, acc)
        i.add_incoming(b.add(i, ir.Constant(I64, 1)), b.block)
        acc.add_incoming(new, b.block)
        b.branch(head)
        b.position_at_end(done)
        return acc

    def unbox_item(self, b, item, elem, point):
        if elem is FLOAT:
            return b.load(self.field(b, item, FLOAT_VALUE, F64))
        if elem is BOOL:
            return b.icmp_unsigned("==", item, self.obj_const(True))
        return self.unbox_int(b, item, point)

    def op_sum_list(self, b, op):
        return self._reduce(b, op, "sum")

    def op_min_list(self, b, op):
        return self._reduce(b, op, "min")

    def op_max_list(self, b, op):
        return self._reduce(b, op, "max")

    op_sum_tuple, op_min_tuple, op_max_tuple = op_sum_list, op_min_list, op_max_list

"""JIT IR → LLVM IR for boxed values (a mixin of lower.FunctionLowering).

Objects are `i8*` (PyObject*).  Native code reads CPython 3.11's object layout directly where
that is the hot path — reference counts, types, list and tuple items, float values, small
ints — (`check_layout` verifies it when the JIT starts) and calls the C-API for everything
else: boxing, building lists, calling Python callables, generic operators.  Every C-API call
that can fail is checked:

* a failure before the instruction had any effect (boxing, building a list: out of memory)
  clears the exception and deoptimizes to the instruction, which the interpreter redoes;
* a failure of a call with effects (a Python callable, a generic operator) goes to a `raises`
  deopt point: the exception stays set and the bridge raises it at that instruction.

Operations that store an item into a list or tuple, and calls, consume their owned boxed
operands; the others leave releasing to explicit `decref` operations.
"""

from __future__ import annotations

from llvmlite import ir

from .abi import (DICT_VERSION, DIGIT_BITS, ITER_INDEX, FLOAT_VALUE, LIST_ITEMS, LONG_DIGITS,
                  REFCNT, SIZE, SMALL_INT_MAX, SMALL_INT_MIN, SMALL_INT_SIZE, TUPLE_ITEMS, TYPE)
from .llvm_build import Builder
from .lower_attributes import AttributeLowering
from .lower_calls import CallLowering
from .lower_lists import ListLowering
from .types import BOOL, BOXED, FLOAT, INT, LIST, TUPLE

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
I1 = ir.IntType(1)
F64 = ir.DoubleType()
PTR = I8.as_pointer()

_PY_TYPES = {INT: int, FLOAT: float, BOOL: bool, LIST: list, TUPLE: tuple}


class ObjectLowering(ListLowering, CallLowering, AttributeLowering):
    """Lowering of the boxed-value operations (see frontend_objects for their meaning)."""

    # -- object layout and reference counts ---------------------------------------------------

    def api(self, name: str, ret, args):
        return self.owner.external(name, ir.FunctionType(ret, args))

    def field(self, b, obj, offset: int, ty):
        return b.bitcast(b.gep(obj, [ir.Constant(I64, offset)]), ty.as_pointer())

    def obj_const(self, obj):
        """A pointer to `obj` (kept alive as long as the code), loaded from the module's
        relocation table (engine.py) once per function, in the prologue."""
        loaded = self.__dict__.setdefault("object_loads", {})
        value = loaded.get(id(obj))
        if value is None:
            b = Builder(self.llfn.entry_basic_block)
            b.position_at_start(self.llfn.entry_basic_block)
            value = loaded[id(obj)] = self.owner.addresses.object(b, obj)
        return value

    def incref(self, b, obj):
        count = self.field(b, obj, REFCNT, I64)
        b.store(b.add(b.load(count), ir.Constant(I64, 1)), count)

    def decref(self, b, obj):
        count = self.field(b, obj, REFCNT, I64)
        left = b.sub(b.load(count), ir.Constant(I64, 1))
        b.store(left, count)
        free = b.append_basic_block("dealloc")
        done = b.append_basic_block("decref.done")
        b.cbranch(b.icmp_signed("==", left, ir.Constant(I64, 0)), free, done)
        b.position_at_end(free)
        b.call(self.api("_Py_Dealloc", ir.VoidType(), [PTR]), [obj])
        b.branch(done)
        b.position_at_end(done)

    def xdecref(self, b, obj):
        some = b.append_basic_block("xdecref")
        done = b.append_basic_block("xdecref.done")
        b.cbranch(b.icmp_unsigned("!=", obj, ir.Constant(PTR, None)), some, done)
        b.position_at_end(some)
        self.decref(b, obj)
        b.branch(done)
        b.position_at_end(done)

    def size_of(self, b, obj):
        return b.load(self.field(b, obj, SIZE, I64))

    def items_of(self, b, obj, jtype):
        """Pointer to the item array of a list or tuple."""
        if jtype is LIST:
            return b.load(self.field(b, obj, LIST_ITEMS, PTR.as_pointer()))
        return self.field(b, obj, TUPLE_ITEMS, PTR)

    def is_type(self, b, obj, pytype):
        actual = b.load(self.field(b, obj, TYPE, PTR))
        return b.icmp_unsigned("==", actual, self.obj_const(pytype))

    def redo(self, b, failed, point):
        """On `failed` (a C-API call failed before any effect): clear its exception and
        deoptimize, so the interpreter redoes the instruction."""
        ok = b.append_basic_block("api.ok")
        bad = b.append_basic_block("api.failed")
        b.cbranch(failed, bad, ok)
        b.position_at_end(bad)
        b.call(self.api("PyErr_Clear", ir.VoidType(), []), [])
        b.branch(self.deopt_block(point))
        b.position_at_end(ok)

    def is_null(self, b, ptr):
        return b.icmp_unsigned("==", ptr, ir.Constant(PTR, None))

    def box_value(self, b, value, point):
        """(a PyObject* for `value`, whether this made a new reference)."""
        if value.type is INT:
            obj, made = self.box_lazy(b, value, point)
            self.incref_unless(b, obj, made)
            return obj, True
        x = self.v(value)
        if value.type is FLOAT:
            obj = b.call(self.api("PyFloat_FromDouble", PTR, [F64]), [x])
        elif value.type is BOOL:
            obj = b.select(x, self.obj_const(True), self.obj_const(False))
            self.incref(b, obj)
            return obj, True
        else:
            return x, False
        self.redo(b, self.is_null(b, obj), point)
        return obj, True

    def box_lazy(self, b, value, point):
        """(a PyObject* for `value`, an i1: whether it is a new reference).  An int in CPython's
        small-int cache (-5..256) is that cached object, borrowed: no call, no reference
        taken yet (a caller that stores it takes one, unless the slot already holds it)."""
        if value.type is BOOL:
            x = self.v(value)
            return b.select(x, self.obj_const(True), self.obj_const(False)), ir.Constant(I1, 0)
        if value.type is not INT:
            obj, made = self.box_value(b, value, point)
            return obj, ir.Constant(I1, made or bool(value.owned))
        x = self.v(value)
        small = b.append_basic_block("box.small")
        large = b.append_basic_block("box.large")
        done = b.append_basic_block("box.done")
        b.cbranch(b.icmp_unsigned("<", b.sub(x, ir.Constant(I64, SMALL_INT_MIN)),
                                  ir.Constant(I64, SMALL_INT_MAX - SMALL_INT_MIN + 1)),
                  small, large)
        b.position_at_end(small)
        cached = b.gep(self.obj_const(0), [b.mul(x, ir.Constant(I64, SMALL_INT_SIZE))])
        b.branch(done)
        b.position_at_end(large)
        made = b.call(self.api("PyLong_FromLongLong", PTR, [I64]), [x])
        self.redo(b, self.is_null(b, made), point)
        large_end = b.block
        b.branch(done)
        b.position_at_end(done)
        obj = b.phi(PTR)
        obj.add_incoming(cached, small)
        obj.add_incoming(made, large_end)
        new = b.phi(I1)
        new.add_incoming(ir.Constant(I1, 0), small)
        new.add_incoming(ir.Constant(I1, 1), large_end)
        return obj, new

    def incref_unless(self, b, obj, new):
        """Take a reference to `obj` unless `new` (i1) says it already is one (no branch)."""
        if isinstance(new, ir.Constant):
            if not new.constant:
                self.incref(b, obj)
            return
        count = self.field(b, obj, REFCNT, I64)
        b.store(b.add(b.load(count), b.zext(b.not_(new), I64)), count)

    def decref_if(self, b, obj, new):
        """Release `obj` if `new` (i1) says this code holds a new reference to it."""
        if isinstance(new, ir.Constant):
            if new.constant:
                self.decref(b, obj)
            return
        some = b.append_basic_block("decref_if")
        done = b.append_basic_block("decref_if.done")
        b.cbranch(new, some, done)
        b.position_at_end(some)
        self.decref(b, obj)
        b.branch(done)
        b.position_at_end(done)

    def box_raw(self, b, x, jtype):
        """(a new reference to `x`, an LLVM value of `jtype`, boxed; NULL when out of memory),
        or (x, False) for a boxed `x`."""
        if jtype is INT:
            return b.call(self.api("PyLong_FromLongLong", PTR, [I64]), [x]), True
        if jtype is FLOAT:
            return b.call(self.api("PyFloat_FromDouble", PTR, [F64]), [x]), True
        if jtype is BOOL:
            obj = b.select(x, self.obj_const(True), self.obj_const(False))
            self.incref(b, obj)
            return obj, True
        return x, False

    # -- module-level loops (module_loops.py) ---------------------------------------------------

    def dict_version(self, b, namespace):
        return b.load(self.field(b, self.v(namespace), DICT_VERSION, I64))

    def op_dict_version(self, b, op):
        return self.dict_version(b, op.args[0])

    def op_load_global(self, b, op):
        """A global (else a builtin) read from the module's dict: a new reference; missing,
        it deoptimizes (the interpreter raises NameError)."""
        namespace, builtins, name = op.args
        get = self.api("PyDict_GetItem", PTR, [PTR, PTR])
        key = self.obj_const(name)
        found = b.call(get, [self.v(namespace), key])
        first = b.block
        look = b.append_basic_block("global.builtins")
        done = b.append_basic_block("global.done")
        b.cbranch(self.is_null(b, found), look, done)
        b.position_at_end(look)
        builtin = b.call(get, [self.v(builtins), key])
        b.branch(done)
        b.position_at_end(done)
        value = b.phi(PTR)
        value.add_incoming(found, first)
        value.add_incoming(builtin, look)
        self.guarded(b, self.is_null(b, value), op.deopt)
        self.incref(b, value)
        return value

    def op_store_global(self, b, op):
        namespace, name, value = op.args
        obj, made = self.box_value(b, value, op.deopt)
        status = b.call(self.api("PyDict_SetItem", I32, [PTR, PTR, PTR]),
                        [self.v(namespace), self.obj_const(name), obj])
        if made:
            self.decref(b, obj)
        self.consume(b, [value])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_write_names(self, b, op):
        return self.write_module_names(b, op.args, self.deopt_block(op.deopt))

    def unless_same_float(self, b, namespace, key, value, same):
        """Go to `same` if `namespace[key]` is a float with `value`'s bits."""
        old = b.call(self.api("PyDict_GetItem", PTR, [PTR, PTR]), [namespace, key])
        found = b.append_basic_block("names.found")
        is_float = b.append_basic_block("names.float")
        differs = b.append_basic_block("names.write")
        b.cbranch(self.is_null(b, old), differs, found)
        b.position_at_end(found)
        b.cbranch(self.is_type(b, old, float), is_float, differs)
        b.position_at_end(is_float)
        bits = b.load(self.field(b, old, FLOAT_VALUE, I64))
        b.cbranch(b.icmp_unsigned("==", bits, b.bitcast(value, I64)), same, differs)
        b.position_at_end(differs)

    def write_module_names(self, b, args, failed):
        """A signal check's writes: each (name, value slot, bound-flag slot or None) after
        the dict in `args` into the dict, if bound; on failure (out of memory) to `failed`,
        with the exception set.  Returns the dict's version tag after the writes."""
        namespace = self.v(args[0])
        setitem = self.api("PyDict_SetItem", I32, [PTR, PTR, PTR])
        for name, slot, flag in zip(args[1::3], args[2::3], args[3::3]):
            done = b.append_basic_block("names.next")
            if slot is None:  # a deleted variable: not in the dict either
                key = self.obj_const(name)
                present = b.call(self.api("PyDict_Contains", I32, [PTR, PTR]),
                                 [namespace, key])
                delete = b.append_basic_block("names.delete")
                b.cbranch(b.icmp_signed("==", present, ir.Constant(I32, 1)), delete, done)
                b.position_at_end(delete)
                status = b.call(self.api("PyDict_DelItem", I32, [PTR, PTR]), [namespace, key])
                b.cbranch(b.icmp_signed("!=", status, ir.Constant(I32, 0)), failed, done)
                b.position_at_end(done)
                continue
            if flag is not None:
                bound = b.append_basic_block("names.bound")
                b.cbranch(b.load(self.slots[flag]), bound, done)
                b.position_at_end(bound)
            value = b.load(self.slots[slot])
            key = self.obj_const(name)
            if slot[1] is FLOAT:  # unchanged (bit for bit): the dict keeps its object
                self.unless_same_float(b, namespace, key, value, done)
            obj, new = self.box_raw(b, value, slot[1])
            if new:
                boxed = b.append_basic_block("names.boxed")
                b.cbranch(self.is_null(b, obj), failed, boxed)
                b.position_at_end(boxed)
            status = b.call(setitem, [namespace, key, obj])
            if new:
                self.decref(b, obj)
            b.cbranch(b.icmp_signed("!=", status, ir.Constant(I32, 0)), failed, done)
            b.position_at_end(done)
        return self.dict_version(b, args[0])

    def consume(self, b, values):
        """Release the owned boxed operands an operation consumes."""
        for value in values:
            if getattr(value, "type", None) in BOXED and value.owned:
                self.decref(b, self.v(value))

    def word_of(self, b, entry):
        """A deopt-record word for a Value: boxed ones go out as owned references."""
        x = self.v(entry)
        if entry.type in BOXED:
            if not entry.owned:
                self.incref(b, x)
            return b.ptrtoint(x, I64)
        return self.to_word(b, x, entry.type)

    # -- references ---------------------------------------------------------------------------

    def op_const_obj(self, b, op):
        return self.obj_const(op.args[0].obj)

    def op_incref(self, b, op):
        self.incref(b, self.v(op.args[0]))

    def op_decref(self, b, op):
        self.decref(b, self.v(op.args[0]))

    def op_xdecref(self, b, op):
        self.xdecref(b, self.v(op.args[0]))

    def op_newref(self, b, op):
        obj = self.v(op.args[0])
        self.incref(b, obj)
        return obj

    def op_cast(self, b, op):
        return self.v(op.args[0])

    def op_release(self, b, op):
        self.xdecref(b, b.load(self.slots[op.args[0]]))

    def op_clear(self, b, op):
        b.store(ir.Constant(PTR, None), self.slots[op.args[0]])

    def op_same(self, b, op):
        x, y = (self.v(a) for a in op.args)
        return b.icmp_unsigned("==", x, y)

    # -- type guards and unboxing ---------------------------------------------------------------

    def op_guard_type(self, b, op):
        value, jtype = op.args
        self.guarded(b, b.not_(self.is_type(b, self.v(value), _PY_TYPES[jtype])), op.deopt)

    def op_unbox_float(self, b, op):
        return b.load(self.field(b, self.v(op.args[0]), FLOAT_VALUE, F64))

    def op_unbox_bool(self, b, op):
        return b.icmp_unsigned("==", self.v(op.args[0]), self.obj_const(True))

    def op_unbox_int(self, b, op):
        return self.unbox_int(b, self.v(op.args[0]), op.deopt)

    def unbox_int(self, b, obj, point):
        """A Python int (exactly int) as i64: one or two 30-bit digits inline, larger ones
        through PyLong_AsLongLongAndOverflow; beyond 64 bits deoptimizes."""
        size = self.size_of(b, obj)
        one = b.append_basic_block("int.one")
        two_check = b.append_basic_block("int.two?")
        two = b.append_basic_block("int.two")
        slow = b.append_basic_block("int.slow")
        done = b.append_basic_block("int.done")
        b.cbranch(b.icmp_unsigned("<=", b.add(size, ir.Constant(I64, 1)), ir.Constant(I64, 2)),
                  one, two_check)
        b.position_at_end(one)
        digit0 = b.zext(b.load(self.field(b, obj, LONG_DIGITS, I32)), I64)
        small = b.mul(digit0, size)
        b.branch(done)
        b.position_at_end(two_check)
        b.cbranch(b.icmp_unsigned("<=", b.add(size, ir.Constant(I64, 2)), ir.Constant(I64, 4)),
                  two, slow)
        b.position_at_end(two)
        low = b.zext(b.load(self.field(b, obj, LONG_DIGITS, I32)), I64)
        high = b.zext(b.load(self.field(b, obj, LONG_DIGITS + 4, I32)), I64)
        magnitude = b.or_(low, b.shl(high, ir.Constant(I64, DIGIT_BITS)))
        pair = b.select(b.icmp_signed("<", size, ir.Constant(I64, 0)), b.neg(magnitude),
                        magnitude)
        b.branch(done)
        b.position_at_end(slow)
        overflow = self.alloca(I32)
        big = b.call(self.api("PyLong_AsLongLongAndOverflow", I64, [PTR, I32.as_pointer()]),
                     [obj, overflow])
        self.guarded(b, b.icmp_signed("!=", b.load(overflow), ir.Constant(I32, 0)), point)
        slow_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(I64)
        result.add_incoming(small, one)
        result.add_incoming(pair, two)
        result.add_incoming(big, slow_end)
        return result

    def _range_object(self, b, op):
        """range(start, stop, step) as an object (boxing its three ints)."""
        boxed = [self.box_value(b, v, op.deopt)[0] for v in op.args]
        array = self.alloca(PTR, 3)
        for i, obj in enumerate(boxed):
            b.store(obj, b.gep(array, [ir.Constant(I64, i)]))
        call = self.api("PyObject_Vectorcall", PTR, [PTR, PTR.as_pointer(), I64, PTR])
        made = b.call(call, [self.obj_const(range), array, ir.Constant(I64, 3),
                             ir.Constant(PTR, None)])
        for obj in boxed:
            self.decref(b, obj)
        self.redo(b, self.is_null(b, made), op.deopt)
        return made

    def op_box_range(self, b, op):
        return self._range_object(b, op)

    def op_box_rangeiter(self, b, op):
        made = self._range_object(b, op)
        it = b.call(self.api("PyObject_GetIter", PTR, [PTR]), [made])
        self.decref(b, made)
        self.redo(b, self.is_null(b, it), op.deopt)
        return it

    def op_box_seqiter(self, b, op):
        """An iterator over a list or tuple, at `index` (listiterobject and tupleiterobject
        keep it_index first)."""
        seq, index = op.args
        it = b.call(self.api("PyObject_GetIter", PTR, [PTR]), [self.v(seq)])
        self.redo(b, self.is_null(b, it), op.deopt)
        b.store(self.v(index), self.field(b, it, ITER_INDEX, I64))
        return it

    def op_box_int(self, b, op):
        return self.box_value(b, op.args[0], op.deopt)[0]

    op_box_float = op_box_bool = op_box_int

"""JIT IR → LLVM IR for operations on any object through the C-API (a mixin of the lowering,
with lower_objects): calls (PyObject_Vectorcall), attributes, subscripts, operators,
comparisons, iteration, dicts, f-strings, cells.  A failure leaves through the operation's
`raises` deopt point: the exception stays set and is raised at that instruction."""

from __future__ import annotations

import sys
import types

from llvmlite import ir

from .abi import CELL_CONTENTS, METHOD_FUNC, METHOD_SELF, TYPE_NEW
from .types import TUPLE

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
I1 = ir.IntType(1)
F64 = ir.DoubleType()
PTR = I8.as_pointer()

_NUMBER_API = {
    "add": "Add", "sub": "Subtract", "mul": "Multiply", "truediv": "TrueDivide",
    "floordiv": "FloorDivide", "mod": "Remainder", "pow": "Power", "shl": "Lshift",
    "shr": "Rshift", "and": "And", "or": "Or", "xor": "Xor",
}
_RICH = {"lt": 0, "le": 1, "eq": 2, "ne": 3, "gt": 4, "ge": 5}


class CallLowering:
    """C-API operations (see the module docstring)."""

    # -- any object, through the C-API ------------------------------------------------------------

    def raised_if(self, b, failed, point):
        """The C-API call failed with an exception: leave through the `raises` point."""
        self.guarded(b, failed, point)

    def op_call_object(self, b, op):
        callee, args, *names = op.args
        function = self.obj_const(callee.obj) if hasattr(callee, "obj") else self.v(callee)
        array = self.alloca(PTR, max(len(args), 1))
        for i, value in enumerate(args):
            b.store(self.v(value), b.gep(array, [ir.Constant(I64, i)]))
        kwnames = self.obj_const(names[0].obj) if names else ir.Constant(PTR, None)
        positional = len(args) - (len(names[0].obj) if names else 0)
        call = self.api("PyObject_Vectorcall", PTR, [PTR, PTR.as_pointer(), I64, PTR])
        result = b.call(call, [function, array, ir.Constant(I64, positional), kwnames])
        counter = self.owner.addresses.counter(b, "boxed_calls")
        b.store(b.add(b.load(counter), ir.Constant(I64, 1)), counter)
        self.consume(b, list(args) + ([callee] if not hasattr(callee, "obj") else []))
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_call_tuple(self, b, op):
        """`f(*args)` with a tuple (and `f(*args, **kwargs)` with the dict DICT_MERGE made):
        PyObject_Call, as CPython's CALL_FUNCTION_EX makes it.  A new reference."""
        callee, args, *kwargs = op.args
        keywords = ir.Constant(PTR, None)
        if kwargs:  # (an empty dict as no dict, as CPython's vectorcall path takes it: a
            # jitvm function's native tp_call then takes the call)
            given = self.v(kwargs[0])
            size = b.call(self.api("PyDict_Size", I64, [PTR]), [given])
            keywords = b.select(b.icmp_signed("==", size, ir.Constant(I64, 0)), keywords,
                                given)
        result = b.call(self.api("PyObject_Call", PTR, [PTR, PTR, PTR]),
                        [self.v(callee), self.v(args), keywords])
        counter = self.owner.addresses.counter(b, "boxed_calls")
        b.store(b.add(b.load(counter), ir.Constant(I64, 1)), counter)
        self.consume(b, op.args)
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_getattr(self, b, op):
        value, name = op.args
        result = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]),
                        [self.v(value), self.obj_const(sys.intern(name))])
        if op.deopt is not None:  # (none: cannot fail: a list's append or pop, bound, or
            # a jitvm function's __defaults__, a slot)
            self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_method_lookup(self, b, op):
        """A polymorphic call site's lookup (frontend_pic.py): CPython's LOAD_METHOD
        (`_PyObject_GetMethod`) of `name` on `value`.  When it finds one of `targets` unbound
        (on the class: not an instance attribute holding it), its position goes to the slot
        `which` and the function comes back; else -1 goes there, and the attribute as
        LOAD_ATTR makes it (another function-like attribute of the class is bound, as in
        op_load_method).  A new reference; an exception leaves through the `raises` point."""
        value, name, targets, which = op.args
        obj = self.v(value)
        name_obj = self.obj_const(sys.intern(name))
        slot = self.alloca(PTR)
        b.store(ir.Constant(PTR, None), slot)  # (left as it is when the lookup raises)
        found = b.call(self.api("_PyObject_GetMethod", I32, [PTR, PTR, PTR.as_pointer()]),
                       [obj, name_obj, slot])
        attr = b.load(slot)
        self.raised_if(b, self.is_null(b, attr), op.deopt)
        unbound = b.icmp_signed("==", found, ir.Constant(I32, 1))
        position = ir.Constant(I64, -1)
        for i, target in reversed(list(enumerate(targets))):
            same = b.icmp_unsigned("==", attr, self.obj_const(target.obj))
            position = b.select(same, ir.Constant(I64, i), position)
        position = b.select(unbound, position, ir.Constant(I64, -1))
        b.store(position, self.slots[which])
        start = b.block
        other = b.and_(unbound, b.icmp_signed("<", position, ir.Constant(I64, 0)))
        bind = b.append_basic_block("method.bind")
        done = b.append_basic_block("method.done")
        b.cbranch(other, bind, done)
        b.position_at_end(bind)
        self.decref(b, attr)
        bound = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]), [obj, name_obj])
        self.raised_if(b, self.is_null(b, bound), op.deopt)
        bound_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        result.add_incoming(attr, start)
        result.add_incoming(bound, bound_end)
        return result

    def op_method_lookup_bound(self, b, op):
        """`value.name` as LOAD_ATTR makes it (PyObject_GetAttr: a super object's bound
        method); the slot `which` gets the position among `targets` of the function a bound
        method made of one calls, else -1.  A new reference."""
        value, name, targets, which = op.args
        attr = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]),
                      [self.v(value), self.obj_const(sys.intern(name))])
        self.raised_if(b, self.is_null(b, attr), op.deopt)
        start = b.block
        method = b.append_basic_block("bound.method")
        done = b.append_basic_block("bound.done")
        b.cbranch(self.is_type(b, attr, types.MethodType), method, done)
        b.position_at_end(method)
        function = b.load(self.field(b, attr, METHOD_FUNC, PTR))
        position = ir.Constant(I64, -1)
        for i, target in reversed(list(enumerate(targets))):
            same = b.icmp_unsigned("==", function, self.obj_const(target.obj))
            position = b.select(same, ir.Constant(I64, i), position)
        method_end = b.block
        b.branch(done)
        b.position_at_end(done)
        found = b.phi(I64)
        found.add_incoming(ir.Constant(I64, -1), start)
        found.add_incoming(position, method_end)
        b.store(found, self.slots[which])
        return attr

    def op_method_self(self, b, op):
        """The object a bound method (`which` ≥ 0: see op_method_lookup_bound) was made for,
        borrowed from it; else the method itself (never used: a placeholder)."""
        attr, which = op.args
        method = self.v(attr)
        bound = b.icmp_signed(">=", self.v(which), ir.Constant(I64, 0))
        start = b.block
        read = b.append_basic_block("method.self")
        done = b.append_basic_block("method.self.done")
        b.cbranch(bound, read, done)
        b.position_at_end(read)
        obj = b.load(self.field(b, method, METHOD_SELF, PTR))
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        result.add_incoming(method, start)
        result.add_incoming(obj, read)
        return result

    def op_append_local(self, b, op):
        """`s += t` where local `s` (its slot) holds a str: PyUnicode_Append on the slot
        (in place when the slot holds the only reference, as CPython's eval loop does);
        other types: PyNumber_InPlaceAdd.  A new reference to the result (the STORE_FAST
        that follows stores it into the slot again)."""
        slot, value = op.args
        ptr = self.slots[slot]
        left = b.load(ptr)
        right = self.v(value)
        both = b.and_(self.is_type(b, left, str), self.is_type(b, right, str))
        append = b.append_basic_block("append.str")
        generic = b.append_basic_block("append.generic")
        done = b.append_basic_block("append.done")
        b.cbranch(both, append, generic)
        b.position_at_end(append)
        b.call(self.api("PyUnicode_Append", ir.VoidType(), [PTR.as_pointer(), PTR]),
               [ptr, right])
        appended = b.load(ptr)
        failed = b.append_basic_block("append.failed")
        ok = b.append_basic_block("append.ok")
        b.cbranch(self.is_null(b, appended), failed, ok)
        b.position_at_end(failed)
        none = self.obj_const(None)  # (the old string is gone: the local holds None)
        self.incref(b, none)
        b.store(none, ptr)
        b.branch(self.deopt_block(op.deopt))
        b.position_at_end(ok)
        self.incref(b, appended)
        b.branch(done)
        append_end = b.block
        b.position_at_end(generic)
        summed = b.call(self.api("PyNumber_InPlaceAdd", PTR, [PTR, PTR]), [left, right])
        self.raised_if(b, self.is_null(b, summed), op.deopt)
        generic_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        result.add_incoming(appended, append_end)
        result.add_incoming(summed, generic_end)
        return result

    def op_guard_classes(self, b, op):
        """Deoptimize unless `value` is exactly of one of the classes."""
        self.guarded(b, b.not_(self.op_is_classes(b, op)), op.deopt)

    def op_is_classes(self, b, op):
        """Is `value` exactly of one of the classes?"""
        value, classes = op.args
        obj = self.v(value)
        ok = None
        for cls in classes.obj:
            same = self.is_type(b, obj, cls)
            ok = same if ok is None else b.or_(ok, same)
        return ok

    def op_new_object(self, b, op):
        """A new object of `cls` from its tp_new (object's: see op_guard_constructor),
        called as type.__call__ calls it but with no arguments (object's tp_new ignores
        them when the class has an __init__ of its own)."""
        cls = self.obj_const(op.args[0].obj)
        fnty = ir.FunctionType(PTR, [PTR, PTR, PTR])
        new = b.load(b.bitcast(b.gep(cls, [ir.Constant(I64, TYPE_NEW)]),
                               fnty.as_pointer().as_pointer()))
        made = b.call(new, [cls, self.obj_const(()), ir.Constant(PTR, None)])
        self.raised_if(b, self.is_null(b, made), op.deopt)
        return made

    def op_setattr(self, b, op):
        obj, name, value = op.args
        status = b.call(self.api("PyObject_SetAttr", I32, [PTR, PTR, PTR]),
                        [self.v(obj), self.obj_const(sys.intern(name)), self.v(value)])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_getitem_obj(self, b, op):
        container, key = (self.v(a) for a in op.args)
        result = b.call(self.api("PyObject_GetItem", PTR, [PTR, PTR]), [container, key])
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_setitem_obj(self, b, op):
        container, key, value = (self.v(a) for a in op.args)
        status = b.call(self.api("PyObject_SetItem", I32, [PTR, PTR, PTR]),
                        [container, key, value])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_delitem_obj(self, b, op):
        container, key = (self.v(a) for a in op.args)
        status = b.call(self.api("PyObject_DelItem", I32, [PTR, PTR]), [container, key])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_add_set(self, b, op):
        the_set, item = (self.v(a) for a in op.args)
        status = b.call(self.api("PySet_Add", I32, [PTR, PTR]), [the_set, item])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)

    def op_getiter(self, b, op):
        result = b.call(self.api("PyObject_GetIter", PTR, [PTR]), [self.v(op.args[0])])
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_iternext(self, b, op):
        """The next item, or NULL when the iterator is exhausted (an exception it raised
        leaves through the `raises` point)."""
        result = b.call(self.api("PyIter_Next", PTR, [PTR]), [self.v(op.args[0])])
        raised = b.call(self.api("PyErr_Occurred", PTR, []), [])
        self.raised_if(b, b.and_(self.is_null(b, result), b.not_(self.is_null(b, raised))),
                       op.deopt)
        return result

    def op_notnull(self, b, op):
        return b.not_(self.is_null(b, self.v(op.args[0])))

    def op_build_dict(self, b, op):
        """A dict from key, value pairs (or, with a constant tuple of keys, from values)."""
        values, *keys = op.args
        made = b.call(self.api("PyDict_New", PTR, []), [])
        self.raised_if(b, self.is_null(b, made), op.deopt)
        if keys:
            pairs = [(self.obj_const(k), self.v(v)) for k, v in zip(keys[0].obj, values)]
        else:
            pairs = [(self.v(values[i]), self.v(values[i + 1]))
                     for i in range(0, len(values), 2)]
        set_item = self.api("PyDict_SetItem", I32, [PTR, PTR, PTR])
        for key, value in pairs:
            status = b.call(set_item, [made, key, value])
            failed = b.append_basic_block("dict.failed")
            ok = b.append_basic_block("dict.ok")
            b.cbranch(b.icmp_signed("!=", status, ir.Constant(I32, 0)), failed, ok)
            b.position_at_end(failed)
            self.decref(b, made)
            b.branch(self.deopt_block(op.deopt))
            b.position_at_end(ok)
        return made

    def op_build_set(self, b, op):
        """A set of the items, added in order (a set display)."""
        made = b.call(self.api("PySet_New", PTR, [PTR]), [ir.Constant(PTR, None)])
        self.raised_if(b, self.is_null(b, made), op.deopt)
        add = self.api("PySet_Add", I32, [PTR, PTR])
        for item in op.args[0]:
            status = b.call(add, [made, self.v(item)])
            failed = b.append_basic_block("set.failed")
            ok = b.append_basic_block("set.ok")
            b.cbranch(b.icmp_signed("!=", status, ir.Constant(I32, 0)), failed, ok)
            b.position_at_end(failed)
            self.decref(b, made)
            b.branch(self.deopt_block(op.deopt))
            b.position_at_end(ok)
        return made

    def op_format(self, b, op):
        """f-string formatting: the conversion (!s, !r, !a), then format(value, spec)."""
        value, spec, conversion = op.args
        obj = self.v(value)
        if conversion:
            api = ("PyObject_Str", "PyObject_Repr", "PyObject_ASCII")[conversion - 1]
            obj = b.call(self.api(api, PTR, [PTR]), [obj])
            self.raised_if(b, self.is_null(b, obj), op.deopt)
        spec_obj = self.v(spec) if spec is not None else self.obj_const("")
        result = b.call(self.api("PyObject_Format", PTR, [PTR, PTR]), [obj, spec_obj])
        if conversion:
            self.decref(b, obj)
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_join_str(self, b, op):
        (parts,) = op.args
        pieces = b.call(self.api("PyTuple_New", PTR, [I64]), [ir.Constant(I64, len(parts))])
        self.raised_if(b, self.is_null(b, pieces), op.deopt)
        items = self.items_of(b, pieces, TUPLE)
        for i, part in enumerate(parts):
            obj = self.v(part)
            self.incref(b, obj)
            b.store(obj, b.gep(items, [ir.Constant(I64, i)]))
        result = b.call(self.api("PyUnicode_Join", PTR, [PTR, PTR]), [self.obj_const(""), pieces])
        self.decref(b, pieces)
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def cell_of(self, b, cells, i: int):
        return b.load(b.gep(self.items_of(b, cells, TUPLE), [ir.Constant(I64, i)]))

    def op_cell(self, b, op):
        cells, i = op.args
        return self.cell_of(b, self.v(cells), i)

    def op_new_cells(self, b, op):
        """The cells a call of a function with cells of its own passes: a tuple of fresh
        cells (one per `values` entry: the boxed or numeric argument it starts with, or
        None: empty), then the cells of the function's closure (borrowed)."""
        values, closure = op.args
        cells = b.call(self.api("PyTuple_New", PTR, [I64]),
                       [ir.Constant(I64, len(values) + len(closure))])
        self.redo(b, self.is_null(b, cells), op.deopt)
        items = self.items_of(b, cells, TUPLE)
        new_cell = self.api("PyCell_New", PTR, [PTR])
        for i, value in enumerate(values):
            if value is None:
                cell = b.call(new_cell, [ir.Constant(PTR, None)])
            else:
                obj, made = self.box_value(b, value, op.deopt)
                cell = b.call(new_cell, [obj])
                if made:
                    self.decref(b, obj)
            b.store(cell, b.gep(items, [ir.Constant(I64, i)]))  # (NULL until all are made)
            failed = self.is_null(b, cell)
            ok = b.append_basic_block("cell.ok")
            bad = b.append_basic_block("cell.failed")
            b.cbranch(failed, bad, ok)
            b.position_at_end(bad)
            self.decref(b, cells)  # (tuple_dealloc skips the NULL items)
            b.call(self.api("PyErr_Clear", ir.VoidType(), []), [])
            b.branch(self.deopt_block(op.deopt))
            b.position_at_end(ok)
        for j, cell in enumerate(closure):
            obj = self.v(cell)
            self.incref(b, obj)
            b.store(obj, b.gep(items, [ir.Constant(I64, len(values) + j)]))
        return cells

    def op_load_deref(self, b, op):
        """The contents of cell `i` (a new reference); an empty cell deoptimizes (the
        interpreter raises NameError)."""
        cells, i = op.args
        contents = b.load(self.field(b, self.cell_of(b, self.v(cells), i), CELL_CONTENTS, PTR))
        self.guarded(b, self.is_null(b, contents), op.deopt)
        self.incref(b, contents)
        return contents

    def op_store_deref(self, b, op):
        cells, i, value = op.args
        item, made = self.box_value(b, value, op.deopt)
        b.call(self.api("PyCell_Set", I32, [PTR, PTR]), [self.cell_of(b, self.v(cells), i),
                                                         item])
        if made:
            self.decref(b, item)

    def op_len_obj(self, b, op):
        result = b.call(self.api("PyObject_Size", I64, [PTR]), [self.v(op.args[0])])
        self.raised_if(b, b.icmp_signed("<", result, ir.Constant(I64, 0)), op.deopt)
        return result

    def op_truth_obj(self, b, op):
        result = b.call(self.api("PyObject_IsTrue", I32, [PTR]), [self.v(op.args[0])])
        self.raised_if(b, b.icmp_signed("<", result, ir.Constant(I32, 0)), op.deopt)
        return b.icmp_signed("!=", result, ir.Constant(I32, 0))

    def op_contains(self, b, op):
        container, item = (self.v(a) for a in op.args)
        result = b.call(self.api("PySequence_Contains", I32, [PTR, PTR]), [container, item])
        self.raised_if(b, b.icmp_signed("<", result, ir.Constant(I32, 0)), op.deopt)
        return b.icmp_signed("!=", result, ir.Constant(I32, 0))

    def number_operation(self, b, op):
        """number.add a, b (and number.inplace_add ...): PyNumber_Add and friends."""
        name = op.opcode.split(".", 1)[1]
        inplace = name.startswith("inplace_")
        base = name[len("inplace_"):] if inplace else name
        if len(op.args) == 1:  # number.neg, number.pos, number.invert
            api = {"neg": "PyNumber_Negative", "pos": "PyNumber_Positive",
                   "invert": "PyNumber_Invert"}[base]
            result = b.call(self.api(api, PTR, [PTR]), [self.v(op.args[0])])
            self.raised_if(b, self.is_null(b, result), op.deopt)
            return result
        api = "PyNumber_" + ("InPlace" if inplace else "") + _NUMBER_API[base]
        x, y = (self.v(a) for a in op.args)
        if base == "pow":
            result = b.call(self.api(api, PTR, [PTR, PTR, PTR]), [x, y, self.obj_const(None)])
        else:
            result = b.call(self.api(api, PTR, [PTR, PTR]), [x, y])
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def rich_compare(self, b, op):
        x, y = (self.v(a) for a in op.args)
        name = op.opcode.split(".", 1)[1]
        result = b.call(self.api("PyObject_RichCompare", PTR, [PTR, PTR, I32]),
                        [x, y, ir.Constant(I32, _RICH[name])])
        self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

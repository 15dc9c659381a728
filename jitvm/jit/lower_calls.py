"""JIT IR → LLVM IR for operations on any object through the C-API (a mixin of the lowering,
with lower_objects): calls (PyObject_Vectorcall), attributes, subscripts, operators,
comparisons, iteration, dicts, f-strings, cells.  A failure leaves through the operation's
`raises` deopt point: the exception stays set and is raised at that instruction."""

from __future__ import annotations

import sys
import types

from llvmlite import ir

from .abi import (CELL_CONTENTS, METHOD_FUNC, METHOD_SELF, OBJECT_VALUES, TYPE,
                  TYPE_DESCR_SET, TYPE_FLAGS, TYPE_GETATTRO, TYPE_NEW, TYPE_SETATTRO,
                  TYPE_VERSION, VALID_VERSION_TAG)
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

    def op_getattr(self, b, op):
        value, name = op.args
        result = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]),
                        [self.v(value), self.obj_const(sys.intern(name))])
        if op.deopt is not None:  # (none: cannot fail: a list's append or pop, bound, or
            # a jitvm function's __defaults__, a slot)
            self.raised_if(b, self.is_null(b, result), op.deopt)
        return result

    def op_load_method(self, b, op):
        """CPython's LOAD_METHOD lookup (`_PyObject_GetMethod`) of `name` on `value`: the
        function-like attribute of its class `expected` comes back unbound, for a direct call
        (a jitvm function is function-like: abi.mark_method_descriptor); anything else comes
        back as LOAD_ATTR makes it.  (Another function-like attribute of the class is bound by
        a second lookup, PyObject_GetAttr: one that found it runs no Python code.)  A new
        reference; an exception leaves through the `raises` point."""
        value, name, expected = op.args
        obj = self.v(value)
        name_obj = self.obj_const(sys.intern(name))
        slot = self.alloca(PTR)
        b.store(ir.Constant(PTR, None), slot)  # (left as it is when the lookup raises)
        found = b.call(self.api("_PyObject_GetMethod", I32, [PTR, PTR, PTR.as_pointer()]),
                       [obj, name_obj, slot])
        attr = b.load(slot)
        self.raised_if(b, self.is_null(b, attr), op.deopt)
        start = b.block
        other = b.and_(b.icmp_signed("==", found, ir.Constant(I32, 1)),
                       b.icmp_unsigned("!=", attr, self.obj_const(expected.obj)))
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

    def op_guard_constructor(self, b, op):
        """Deoptimize unless `cls(...)` still makes objects as native code makes them: `cls`
        of metaclass type, with object's tp_new, and `init` as its __init__."""
        cls_ref, init_ref = op.args
        cls = self.obj_const(cls_ref.obj)
        meta = b.load(self.field(b, cls, TYPE, PTR))
        new = b.load(self.field(b, cls, TYPE_NEW, PTR))
        object_new = b.load(self.field(b, self.obj_const(object), TYPE_NEW, PTR))
        init = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]),
                      [cls, self.obj_const(sys.intern("__init__"))])  # (borrowed; no error)
        same = b.and_(b.and_(b.icmp_unsigned("==", meta, self.obj_const(type)),
                             b.icmp_unsigned("==", new, object_new)),
                      b.icmp_unsigned("==", init, self.obj_const(init_ref.obj)))
        self.guarded(b, b.not_(same), op.deopt)

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

    def op_guard_dunder(self, b, op):
        """Deoptimize unless `value` is exactly of class `cls` and `cls.name` (looked up on
        the class, as CPython's operator slots look it up) is still `target`."""
        value, cls_ref, name, target_ref = op.args
        cls = self.obj_const(cls_ref.obj)
        found = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]),
                       [cls, self.obj_const(sys.intern(name))])  # (borrowed; no error)
        same = b.and_(self.is_type(b, self.v(value), cls_ref.obj),
                      b.icmp_unsigned("==", found, self.obj_const(target_ref.obj)))
        self.guarded(b, b.not_(same), op.deopt)

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

    def op_getattr_cached(self, b, op):
        """`value.name` where the interpreter saw objects of one ordinary class `cls`: read
        from the object's values array at `index` (the name's place in the class's shared
        keys) while the object is of that class and the class's version tag is the one this
        site checked had no data descriptor for `name`; else (and the first time)
        PyObject_GetAttr, which then records the tag when the fast read is valid for it."""
        value, name, cls_ref, index = op.args
        obj = self.v(value)
        cls = self.obj_const(cls_ref.obj)
        module = self.owner.module
        site = ir.GlobalVariable(module, I32, module.get_unique_name("jitvm.attr"))
        site.linkage = "internal"
        site.initializer = ir.Constant(I32, 0)  # (no valid tag is 0: the first read checks)
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        known = b.load(site)
        tag = b.load(self.field(b, cls, TYPE_VERSION, I32))
        valid = b.and_(b.icmp_unsigned("==", tag, known),
                       b.icmp_unsigned("!=", known, ir.Constant(I32, 0)))
        read = b.append_basic_block("attr.read")
        present = b.append_basic_block("attr.present")
        slow = b.append_basic_block("attr.slow")
        done = b.append_basic_block("attr.done")
        b.cbranch(b.and_(same_type, valid), read, slow)
        b.position_at_end(read)
        values = b.load(self.field(b, obj, OBJECT_VALUES, PTR))
        b.cbranch(self.is_null(b, values), slow, present)
        b.position_at_end(present)
        item = b.load(b.bitcast(b.gep(values, [ir.Constant(I64, 8 * index)]),
                                PTR.as_pointer()))
        hit = b.append_basic_block("attr.hit")
        b.cbranch(self.is_null(b, item), slow, hit)
        b.position_at_end(hit)
        self.incref(b, item)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        found = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]), [obj, name_obj])
        self.raised_if(b, self.is_null(b, found), op.deopt)
        # The fast read is valid for the class as it is now if no data descriptor of `name`
        # (a property, a slot) is on it: record its tag (the read may have changed the class)
        descr = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]), [cls, name_obj])
        record = b.append_basic_block("attr.record")
        unfound = b.append_basic_block("attr.unfound")
        check = b.append_basic_block("attr.check")
        after = b.append_basic_block("attr.after")
        b.cbranch(self.is_null(b, descr), unfound, check)
        b.position_at_end(unfound)
        b.cbranch(same_type, record, after)
        b.position_at_end(check)
        descr_type = b.load(self.field(b, descr, TYPE, PTR))
        data = b.load(self.field(b, descr_type, TYPE_DESCR_SET, PTR))
        b.cbranch(b.and_(same_type, self.is_null(b, data)), record, after)
        b.position_at_end(record)
        flags = b.load(self.field(b, cls, TYPE_FLAGS, I64))
        generic = b.icmp_unsigned(  # (no __getattribute__ of its own, now)
            "==", b.load(self.field(b, cls, TYPE_GETATTRO, PTR)),
            b.load(self.field(b, self.obj_const(object), TYPE_GETATTRO, PTR)))
        tagged = b.and_(generic, b.icmp_unsigned(
            "!=", b.and_(flags, ir.Constant(I64, VALID_VERSION_TAG)), ir.Constant(I64, 0)))
        now = b.load(self.field(b, cls, TYPE_VERSION, I32))
        b.store(b.select(tagged, now, ir.Constant(I32, 0)), site)
        b.branch(after)
        b.position_at_end(after)
        slow_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        result.add_incoming(item, hit)
        result.add_incoming(found, slow_end)
        return result

    def op_setattr_cached(self, b, op):
        """`value.name = item` where the interpreter saw objects of one ordinary class `cls`:
        an attribute the object has is overwritten in its values array at `index` (CPython's
        order: the new value's reference taken, stored, the old one released), while the
        object is of that class and the class's version tag is the one this site checked has
        no data descriptor of `name` and no __setattr__ of its own; otherwise (a new
        attribute, and the first time) PyObject_SetAttr, which then records the tag."""
        target, name, value, cls_ref, index = op.args
        obj, item = self.v(target), self.v(value)
        cls = self.obj_const(cls_ref.obj)
        module = self.owner.module
        site = ir.GlobalVariable(module, I32, module.get_unique_name("jitvm.setattr"))
        site.linkage = "internal"
        site.initializer = ir.Constant(I32, 0)
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        known = b.load(site)
        tag = b.load(self.field(b, cls, TYPE_VERSION, I32))
        valid = b.and_(b.icmp_unsigned("==", tag, known),
                       b.icmp_unsigned("!=", known, ir.Constant(I32, 0)))
        read = b.append_basic_block("setattr.values")
        present = b.append_basic_block("setattr.present")
        write = b.append_basic_block("setattr.write")
        slow = b.append_basic_block("setattr.slow")
        done = b.append_basic_block("setattr.done")
        b.cbranch(b.and_(same_type, valid), read, slow)
        b.position_at_end(read)
        values = b.load(self.field(b, obj, OBJECT_VALUES, PTR))
        b.cbranch(self.is_null(b, values), slow, present)
        b.position_at_end(present)
        at = b.bitcast(b.gep(values, [ir.Constant(I64, 8 * index)]), PTR.as_pointer())
        old = b.load(at)
        b.cbranch(self.is_null(b, old), slow, write)
        b.position_at_end(write)
        self.incref(b, item)
        b.store(item, at)
        self.decref(b, old)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        status = b.call(self.api("PyObject_SetAttr", I32, [PTR, PTR, PTR]),
                        [obj, name_obj, item])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)
        descr = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]), [cls, name_obj])
        record = b.append_basic_block("setattr.record")
        unfound = b.append_basic_block("setattr.unfound")
        check = b.append_basic_block("setattr.check")
        after = b.append_basic_block("setattr.after")
        b.cbranch(self.is_null(b, descr), unfound, check)
        b.position_at_end(unfound)
        b.cbranch(same_type, record, after)
        b.position_at_end(check)
        descr_type = b.load(self.field(b, descr, TYPE, PTR))
        data = b.load(self.field(b, descr_type, TYPE_DESCR_SET, PTR))
        b.cbranch(b.and_(same_type, self.is_null(b, data)), record, after)
        b.position_at_end(record)
        flags = b.load(self.field(b, cls, TYPE_FLAGS, I64))
        generic = b.icmp_unsigned(  # (no __setattr__ of its own, now)
            "==", b.load(self.field(b, cls, TYPE_SETATTRO, PTR)),
            b.load(self.field(b, self.obj_const(object), TYPE_SETATTRO, PTR)))
        tagged = b.and_(generic, b.icmp_unsigned(
            "!=", b.and_(flags, ir.Constant(I64, VALID_VERSION_TAG)), ir.Constant(I64, 0)))
        now = b.load(self.field(b, cls, TYPE_VERSION, I32))
        b.store(b.select(tagged, now, ir.Constant(I32, 0)), site)
        b.branch(after)
        b.position_at_end(after)
        b.branch(done)
        b.position_at_end(done)

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

"""JIT IR → LLVM IR for attributes and methods of objects of ordinary classes, read and
written in CPython 3.11's own layout (a mixin of the lowering, with lower_calls).

Each operation is a guarded fast path in front of the C-API call the interpreter would make,
in the manner of CPython 3.11's specialized instructions (LOAD_ATTR_INSTANCE_VALUE,
STORE_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES): the fast path needs the object's class
to be the expected one and the class's version tag (which CPython changes whenever the class
or a base changes) to be the one this site recorded.  A site records the tag after its slow
path found that the fast path is what the C-API call does for the class as it is then (a
module global, 0 until then: no valid tag is 0), so a class changed since is checked once
again and the site goes on with its new tag.  `abi.check_attribute_layout` checks the layout
when the JIT starts."""

from __future__ import annotations

import sys

from llvmlite import ir

from .abi import (HEAP_CACHED_KEYS, KEYS_ENTRIES, MANAGED_DICT_POINTER, OBJECT_VALUES, TYPE,
                  TYPE_DESCR_SET, TYPE_FLAGS, TYPE_GETATTRO, TYPE_NEW, TYPE_SETATTRO,
                  TYPE_VERSION, VALID_VERSION_TAG)

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I8 = ir.IntType(8)
PTR = I8.as_pointer()


class AttributeLowering:
    """Attribute reads and writes, method lookups and constructor checks on ordinary classes
    (see the module docstring)."""

    # -- the sites' version tags ------------------------------------------------------------------

    def tag_site(self, label: str):
        """A new site: the version tag its fast path trusts (0: none yet)."""
        module = self.owner.module
        site = ir.GlobalVariable(module, I32, module.get_unique_name(label))
        site.linkage = "internal"
        site.initializer = ir.Constant(I32, 0)
        return site

    def tag_trusted(self, b, cls, site):
        """i1: `cls` has the version tag `site` recorded."""
        known = b.load(site)
        tag = b.load(self.field(b, cls, TYPE_VERSION, I32))
        return b.and_(b.icmp_unsigned("==", tag, known),
                      b.icmp_unsigned("!=", known, ir.Constant(I32, 0)))

    def record_tag(self, b, cls, site, when, slot=None):
        """Where `when` (i1) holds, `site` trusts `cls`'s version tag from now on: its current
        one if it is valid (and, with `slot`, if the class still takes object's generic
        tp_getattro / tp_setattro there), else 0."""
        flags = b.load(self.field(b, cls, TYPE_FLAGS, I64))
        tagged = b.icmp_unsigned(
            "!=", b.and_(flags, ir.Constant(I64, VALID_VERSION_TAG)), ir.Constant(I64, 0))
        if slot is not None:
            generic = b.icmp_unsigned("==", b.load(self.field(b, cls, slot, PTR)),
                                      b.load(self.field(b, self.obj_const(object), slot, PTR)))
            tagged = b.and_(tagged, generic)
        now = b.select(tagged, b.load(self.field(b, cls, TYPE_VERSION, I32)),
                       ir.Constant(I32, 0))
        b.store(b.select(when, now, b.load(site)), site)

    def record_without_descriptor(self, b, cls, name_obj, same_type, site, slot):
        """After a slow path on an object of `cls` (`same_type`): the fast path is valid for
        the class as it is now if no data descriptor of `name` (a property, a slot) is on it
        (the slow path may have changed the class: it is looked at afterwards)."""
        descr = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]), [cls, name_obj])
        found = b.append_basic_block("attr.descr")
        record = b.append_basic_block("attr.record")
        after = b.append_basic_block("attr.after")
        b.cbranch(self.is_null(b, descr), record, found)
        b.position_at_end(found)
        descr_type = b.load(self.field(b, descr, TYPE, PTR))
        data = b.load(self.field(b, descr_type, TYPE_DESCR_SET, PTR))
        b.cbranch(self.is_null(b, data), record, after)
        b.position_at_end(record)
        self.record_tag(b, cls, site, same_type, slot)
        b.branch(after)
        b.position_at_end(after)

    # -- instance attributes ----------------------------------------------------------------------

    def op_getattr_cached(self, b, op):
        """`value.name` where the interpreter saw objects of one ordinary class `cls`: read
        from the object's values array at `index` (the name's place in the class's shared
        keys) while the object is of that class and the class's version tag is the one this
        site checked had no data descriptor for `name`; else (and the first time)
        PyObject_GetAttr, which then records the tag when the fast read is valid for it."""
        value, name, cls_ref, index = op.args
        obj = self.v(value)
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.attr")
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        read = b.append_basic_block("attr.read")
        present = b.append_basic_block("attr.present")
        hit = b.append_basic_block("attr.hit")
        slow = b.append_basic_block("attr.slow")
        done = b.append_basic_block("attr.done")
        b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), read, slow)
        b.position_at_end(read)
        values = b.load(self.field(b, obj, OBJECT_VALUES, PTR))
        b.cbranch(self.is_null(b, values), slow, present)
        b.position_at_end(present)
        item = b.load(b.bitcast(b.gep(values, [ir.Constant(I64, 8 * index)]),
                                PTR.as_pointer()))
        b.cbranch(self.is_null(b, item), slow, hit)
        b.position_at_end(hit)
        self.incref(b, item)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        found = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]), [obj, name_obj])
        self.raised_if(b, self.is_null(b, found), op.deopt)
        self.record_without_descriptor(b, cls, name_obj, same_type, site, TYPE_GETATTRO)
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
        no data descriptor of `name` and no __setattr__ of its own; an attribute the object
        does not have yet is added there, as PyObject_SetAttr adds it (stored, its index
        appended to the values' insertion order, so `vars(obj)` keeps CPython's order);
        otherwise (no values array, another class, and the first time) PyObject_SetAttr,
        which then records the tag."""
        target, name, value, cls_ref, index = op.args
        obj, item = self.v(target), self.v(value)
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.setattr")
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        read = b.append_basic_block("setattr.values")
        present = b.append_basic_block("setattr.present")
        write = b.append_basic_block("setattr.write")
        add = b.append_basic_block("setattr.add")
        slow = b.append_basic_block("setattr.slow")
        done = b.append_basic_block("setattr.done")
        b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), read, slow)
        b.position_at_end(read)
        values = b.load(self.field(b, obj, OBJECT_VALUES, PTR))
        b.cbranch(self.is_null(b, values), slow, present)
        b.position_at_end(present)
        at = b.bitcast(b.gep(values, [ir.Constant(I64, 8 * index)]), PTR.as_pointer())
        old = b.load(at)
        b.cbranch(self.is_null(b, old), add, write)
        b.position_at_end(write)
        self.incref(b, item)
        b.store(item, at)
        self.decref(b, old)
        b.branch(done)
        b.position_at_end(add)  # a new attribute: STORE_ATTR_INSTANCE_VALUE's other case
        self.incref(b, item)
        b.store(item, at)
        self.add_to_insertion_order(b, values, index)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        status = b.call(self.api("PyObject_SetAttr", I32, [PTR, PTR, PTR]),
                        [obj, name_obj, item])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)
        self.record_without_descriptor(b, cls, name_obj, same_type, site, TYPE_SETATTRO)
        b.branch(done)
        b.position_at_end(done)

    def add_to_insertion_order(self, b, values, index):
        """CPython 3.11's _PyDictValues_AddToInsertionOrder: the values array's insertion
        order is a byte array growing down from two bytes before it, its length in the byte
        just before the values (the capacity, fixed when the array was made for every key
        its class's shared keys may hold, is in the byte before that)."""
        size_at = b.gep(values, [ir.Constant(I64, -2)])
        size = b.add(b.load(size_at), ir.Constant(I8, 1))
        b.store(ir.Constant(I8, index), b.gep(size_at, [b.neg(b.zext(size, I64))]))
        b.store(size, size_at)

    # -- `__slots__` members (LOAD_ATTR_SLOT, STORE_ATTR_SLOT) ----------------------------------

    def record_member(self, b, cls, name_obj, member, same_type, site, slot):
        """After a slow path on an object of `cls`: the fast path is valid for the class as
        it is now if `name` still finds `member` on it."""
        found = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]), [cls, name_obj])
        self.record_tag(b, cls, site, b.and_(same_type, b.icmp_unsigned(
            "==", found, self.obj_const(member.obj))), slot)

    def op_getattr_slot(self, b, op):
        """`value.name` where the interpreter saw objects of one class `cls` whose `name` is
        the `__slots__` member `member`: the object at `offset` in the object, while the
        object is of that class and the site trusts its version tag (the class then finds
        that member first, and a member is a data descriptor: nothing else is looked at);
        unset (NULL), another class, and the first time: PyObject_GetAttr, which then
        records the tag."""
        value, name, cls_ref, member, offset = op.args
        obj = self.v(value)
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.slot")
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        read = b.append_basic_block("slot.read")
        hit = b.append_basic_block("slot.hit")
        slow = b.append_basic_block("slot.slow")
        done = b.append_basic_block("slot.done")
        b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), read, slow)
        b.position_at_end(read)
        item = b.load(self.field(b, obj, offset, PTR))
        b.cbranch(self.is_null(b, item), slow, hit)
        b.position_at_end(hit)
        self.incref(b, item)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        found = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]), [obj, name_obj])
        self.raised_if(b, self.is_null(b, found), op.deopt)
        self.record_member(b, cls, name_obj, member, same_type, site, TYPE_GETATTRO)
        slow_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        result.add_incoming(item, hit)
        result.add_incoming(found, slow_end)
        return result

    def op_setattr_slot(self, b, op):
        """`value.name = item` on the `__slots__` member `member` of one class `cls`, set in
        place as the member's setter sets it (the new value's reference taken and stored,
        then the old one, if any, released), while the site trusts the class's version tag
        (it finds that member, and object's generic tp_setattro is the class's); else
        PyObject_SetAttr, which then records the tag."""
        target, name, value, cls_ref, member, offset = op.args
        obj, item = self.v(target), self.v(value)
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.setslot")
        same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
        write = b.append_basic_block("setslot.write")
        release = b.append_basic_block("setslot.release")
        slow = b.append_basic_block("setslot.slow")
        done = b.append_basic_block("setslot.done")
        b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), write, slow)
        b.position_at_end(write)
        at = self.field(b, obj, offset, PTR)
        old = b.load(at)
        self.incref(b, item)
        b.store(item, at)
        b.cbranch(self.is_null(b, old), done, release)
        b.position_at_end(release)
        self.decref(b, old)
        b.branch(done)
        b.position_at_end(slow)
        name_obj = self.obj_const(sys.intern(name))
        status = b.call(self.api("PyObject_SetAttr", I32, [PTR, PTR, PTR]),
                        [obj, name_obj, item])
        self.raised_if(b, b.icmp_signed("!=", status, ir.Constant(I32, 0)), op.deopt)
        self.record_member(b, cls, name_obj, member, same_type, site, TYPE_SETATTRO)
        b.branch(done)
        b.position_at_end(done)

    # -- methods ----------------------------------------------------------------------------------

    def op_load_method(self, b, op):
        """CPython's LOAD_METHOD lookup (`_PyObject_GetMethod`) of `name` on `value`: the
        function-like attribute of its class `expected` comes back unbound, for a direct call
        (a jitvm function is function-like: abi.mark_method_descriptor); anything else comes
        back as LOAD_ATTR makes it.  (Another function-like attribute of the class is bound by
        a second lookup, PyObject_GetAttr: one that found it runs no Python code.)  A new
        reference; an exception leaves through the `raises` point.

        With the class `cls` the interpreter saw there, as LOAD_METHOD_WITH_VALUES does: an
        object of `cls` whose version tag this site trusts (a lookup on the class found
        `expected`) and that has no attribute `name` of its own is known to find `expected`
        without a lookup.  It has none when it has no dict of its own and either its values
        array holds nothing at `index`, the name's place in the class's shared keys, or the
        name is not among those keys: those keys (which only grow) still have the `entries`
        they had when this was compiled, none of them `name`."""
        value, name, expected, *cached = op.args
        obj = self.v(value)
        name_obj = self.obj_const(sys.intern(name))
        method = self.obj_const(expected.obj)
        done = b.append_basic_block("method.done")
        fast_end = None
        if cached:
            cls_ref, index, entries = cached
            cls = self.obj_const(cls_ref.obj)
            site = self.tag_site("jitvm.method")
            same_type = b.icmp_unsigned("==", b.load(self.field(b, obj, TYPE, PTR)), cls)
            own = b.append_basic_block("method.own")
            fast = b.append_basic_block("method.fast")
            slow = b.append_basic_block("method.slow")
            b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), own, slow)
            b.position_at_end(own)
            if index is not None:
                values = b.load(self.field(b, obj, OBJECT_VALUES, PTR))
                present = b.append_basic_block("method.values")
                b.cbranch(self.is_null(b, values), slow, present)
                b.position_at_end(present)
                item = b.load(b.bitcast(b.gep(values, [ir.Constant(I64, 8 * index)]),
                                        PTR.as_pointer()))
                b.cbranch(self.is_null(b, item), fast, slow)
            else:
                no_dict = self.is_null(b, b.load(self.field(b, obj, MANAGED_DICT_POINTER, PTR)))
                keys = b.load(self.field(b, cls, HEAP_CACHED_KEYS, PTR))
                count = b.load(self.field(b, keys, KEYS_ENTRIES, I64))
                b.cbranch(b.and_(no_dict, b.icmp_signed("==", count, ir.Constant(I64, entries))),
                          fast, slow)
            b.position_at_end(fast)
            self.incref(b, method)
            fast_end = b.block
            b.branch(done)
            b.position_at_end(slow)
        slot = self.alloca(PTR)
        b.store(ir.Constant(PTR, None), slot)  # (left as it is when the lookup raises)
        found = b.call(self.api("_PyObject_GetMethod", I32, [PTR, PTR, PTR.as_pointer()]),
                       [obj, name_obj, slot])
        attr = b.load(slot)
        self.raised_if(b, self.is_null(b, attr), op.deopt)
        unbound = b.icmp_signed("==", found, ir.Constant(I32, 1))
        if cached:
            self.record_tag(b, cls, site, b.and_(same_type, b.and_(
                unbound, b.icmp_unsigned("==", attr, method))))
        start = b.block
        other = b.and_(unbound, b.icmp_unsigned("!=", attr, method))
        bind = b.append_basic_block("method.bind")
        b.cbranch(other, bind, done)
        b.position_at_end(bind)
        self.decref(b, attr)
        bound = b.call(self.api("PyObject_GetAttr", PTR, [PTR, PTR]), [obj, name_obj])
        self.raised_if(b, self.is_null(b, bound), op.deopt)
        bound_end = b.block
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(PTR)
        if fast_end is not None:
            result.add_incoming(method, fast_end)
        result.add_incoming(attr, start)
        result.add_incoming(bound, bound_end)
        return result

    # -- constructors -----------------------------------------------------------------------------

    def op_guard_constructor(self, b, op):
        """Deoptimize unless `cls(...)` still makes objects as native code makes them: `cls`
        of metaclass type, with object's tp_new, and `init` as its __init__.  (A class's
        metaclass cannot change: `type` is immutable.  Its tp_new and __init__ can change
        only with its version tag: once checked, a tag the site trusts says they are still
        those.)"""
        cls_ref, init_ref = op.args
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.new")
        meta = b.icmp_unsigned("==", b.load(self.field(b, cls, TYPE, PTR)),
                               self.obj_const(type))
        check = b.append_basic_block("new.check")
        done = b.append_basic_block("new.done")
        b.cbranch(b.and_(meta, self.tag_trusted(b, cls, site)), done, check)
        b.position_at_end(check)
        new = b.load(self.field(b, cls, TYPE_NEW, PTR))
        object_new = b.load(self.field(b, self.obj_const(object), TYPE_NEW, PTR))
        init = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]),
                      [cls, self.obj_const(sys.intern("__init__"))])  # (borrowed; no error)
        same = b.and_(b.and_(meta, b.icmp_unsigned("==", new, object_new)),
                      b.icmp_unsigned("==", init, self.obj_const(init_ref.obj)))
        self.guarded(b, b.not_(same), op.deopt)
        self.record_tag(b, cls, site, same)
        b.branch(done)
        b.position_at_end(done)

    def op_guard_dunder(self, b, op):
        """Deoptimize unless `value` is exactly of class `cls` and `cls.name` (looked up on
        the class, as CPython's operator slots look it up) is still `target`: looked up
        once per version tag of the class."""
        value, cls_ref, name, target_ref = op.args
        cls = self.obj_const(cls_ref.obj)
        site = self.tag_site("jitvm.dunder")
        same_type = self.is_type(b, self.v(value), cls_ref.obj)
        check = b.append_basic_block("dunder.check")
        done = b.append_basic_block("dunder.done")
        b.cbranch(b.and_(same_type, self.tag_trusted(b, cls, site)), done, check)
        b.position_at_end(check)
        found = b.call(self.api("_PyType_Lookup", PTR, [PTR, PTR]),
                       [cls, self.obj_const(sys.intern(name))])  # (borrowed; no error)
        same = b.and_(same_type, b.icmp_unsigned("==", found, self.obj_const(target_ref.obj)))
        self.guarded(b, b.not_(same), op.deopt)
        self.record_tag(b, cls, site, same)
        b.branch(done)
        b.position_at_end(done)

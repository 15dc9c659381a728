"""Bytecode → JIT IR for lists and tuples (a mixin of the translator, with frontend_objects):
subscripts and slices, item assignment, displays, unpacking, and `for` over a list or tuple
by index over the live sequence (or over any other iterator, through PyIter_Next)."""

from __future__ import annotations

from .frontend import Const, RangeArgs, State, _kind
from .frontend_entries import (COMPOSITES, NOT_MINE, NUMERIC, Enumerate, ObjRef, Pair, SeqIter,
                               SliceArgs, Zip, ZipItem, ZipIter,
                               _cap, is_boxed, is_number, value_kind)
from . import COMPOSED_ITERATORS, PLAIN_ITERATORS
from .ir import Block, Value
from .types import BOOL, FLOAT, INT, LIST, OBJ, TUPLE, Seq, join_elem, jtype_of


class SequenceSteps:
    """Lists and tuples (see the module docstring)."""

    # -- subscripts -----------------------------------------------------------------------------

    def _binary_subscr(self, index, arg, locals_, stack):
        container, key = stack[-2], stack[-1]
        container = self.as_object(container)  # ("abc"[i], a constant tuple)
        if not is_boxed(container):
            return NOT_MINE
        del stack[-2:]
        pre = stack + [container, key]
        key = self.index_key(container, key, index, locals_, pre)
        if container.type in (LIST, TUPLE) and is_number(key) and key.type is not FLOAT:
            deopt = self.deopt_point(index, locals_, pre, reason="index out of range")
            item = self.emit(f"getitem.{container.type}", [container, self.to_int(key)], OBJ,
                             deopt)
            elem = container.elem
            if elem is None or elem is OBJ:  # unknown: what the interpreter saw here
                elem = self.result_guess(index) or elem
            value = self.read_element(item, elem, self.deopt_point(
                index, locals_, pre, reason="element type"))
        elif container.type in (LIST, TUPLE) and isinstance(key, SliceArgs):
            value = self.kind_value("getslice", [container] + list(key.items),
                                    value_kind(container),
                                    self.deopt_point(index, locals_, pre, reason="slice"),
                                    owned=True)
        else:
            boxed_key = self.box(key, index, self.deopt_point(index, locals_, pre,
                                                               reason="boxing"))
            result = self.kind_value("getitem.obj", [container, boxed_key], OBJ,
                                     self.error_point(index, locals_, stack,
                                                      [container, boxed_key]), owned=True)
            self.release(boxed_key)
            self.release(container)
            stack.append(self.unbox_result(result, index, locals_, stack))
            return None
        self.release(container)
        if isinstance(key, COMPOSITES):
            self.release(key)
        stack.append(value)
        return None

    def index_key(self, container, key, index, locals_, pre):
        """An object indexing a list or tuple (`seq[v]`, `v` from a tuple or a call): most
        likely an int, unboxed behind a guard (anything else deoptimizes)."""
        if is_boxed(container) and container.type in (LIST, TUPLE) and is_boxed(key) \
                and key.type is OBJ and key.id not in self.mixed:
            deopt = self.deopt_point(index, locals_, pre, reason="operand type")
            return self._unbox_operand(key, INT, deopt)
        return key

    def _store_subscr(self, index, arg, locals_, stack):
        item, container, key = stack[-3], stack[-2], stack[-1]
        container = stack[-2] = self.as_object(container)
        if not is_boxed(container):
            return NOT_MINE
        del stack[-3:]
        pre = stack + [item, container, key]
        key = self.index_key(container, key, index, locals_, pre)
        if container.type is LIST and is_number(key) and key.type is not FLOAT:
            self.refine_local(container.source, item, locals_)
            redo = self.deopt_point(index, locals_, pre, reason="index out of range")
            self.emit("setitem.list", [container, self.to_int(key),
                                       self.materialize(item, index)], None, redo)
        else:  # any other object, or a list or tuple with a key that is not an int
            redo = self.deopt_point(index, locals_, pre, reason="boxing")
            boxed = self.box(item, index, redo)
            boxed_key = self.box(key, index, redo)
            self.emit("setitem.obj", [container, boxed_key, boxed], None,
                      self.error_point(index, locals_, stack, [boxed, container, boxed_key]))
            self.release(boxed_key)
            self.release(boxed)
        self.release(container)
        return None

    def _delete_subscr(self, index, arg, locals_, stack):
        """`del container[key]`: PyObject_DelItem, as CPython's DELETE_SUBSCR (a list's
        item or slice, a dict's key, any object's `__delitem__`)."""
        container, key = stack[-2], stack[-1]
        container = stack[-2] = self.as_object(container)
        if not is_boxed(container):
            return NOT_MINE
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [container, key], reason="boxing")
        boxed_key = self.box(key, index, redo)
        self.emit("delitem.obj", [container, boxed_key], None,
                  self.error_point(index, locals_, stack, [container, boxed_key]))
        self.release(boxed_key)
        self.release(container)
        return None

    def _build_slice(self, index, arg, locals_, stack):
        items = tuple(stack[-arg:])
        if not all(is_number(v) and v.type is not FLOAT
                   or isinstance(v, Const) and v.value is None for v in items):
            self.fail("a slice with bounds that are not ints", index)
        del stack[-arg:]
        stack.append(SliceArgs(tuple(self.to_int(v) if isinstance(v, Value) else v
                                     for v in items)))
        return None

    # -- building -------------------------------------------------------------------------------

    def _build(self, index, arg, locals_, stack, jtype):
        items = stack[len(stack) - arg:] if arg else []
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in items):
            self.fail(f"a {jtype} of iterators", index)
        del stack[len(stack) - arg:]
        redo = self.deopt_point(index, locals_, stack + items, reason="boxing")
        elem = None
        for entry in items:
            elem = join_elem(elem, value_kind(entry) if isinstance(entry, Value) else OBJ)
        boxed = [self.materialize(entry, index) for entry in items]
        stack.append(self.kind_value(f"build.{jtype}", [boxed], Seq(jtype, _cap(elem)), redo,
                                     owned=True))
        return None

    def _build_list(self, index, arg, locals_, stack):
        return self._build(index, arg, locals_, stack, LIST)

    def _build_tuple(self, index, arg, locals_, stack):
        return self._build(index, arg, locals_, stack, TUPLE)

    def _unpack_sequence(self, index, arg, locals_, stack):
        seq = stack[-1]
        if isinstance(seq, Pair) and arg == 2:
            stack.pop()
            stack.extend([seq.item, seq.count])
            return None
        if isinstance(seq, ZipItem) and arg == len(seq.items):
            stack.pop()
            stack.extend(reversed(seq.items))
            return None
        if isinstance(seq, Const) and type(seq.value) is tuple:
            seq = self.const_object(seq.value)
        if not is_boxed(seq):
            return NOT_MINE
        stack.pop()
        deopt = self.deopt_point(index, locals_, stack + [seq], reason="unpacking")
        elem = seq.elem
        if seq.type is OBJ:  # a tuple or a list, most likely; anything else deoptimizes
            # (a tuple, unless a deopt here taught the feedback that lists come: deopt.py)
            seen = self.feedback("operand_types", index)
            lists = ("unpack", list) in seen
            if lists and ("unpack", tuple) in seen:  # both: a list is made a tuple first
                self.emit("guard_classes", [seq, ObjRef((list, tuple))], None, deopt)
                made = self.kind_value("call_object", [ObjRef(tuple), [seq]], OBJ,
                                       self.error_point(index, locals_, stack),
                                       owned=True)  # (the call consumes `seq`)
                seq = self.kind_value("cast", [made], Seq(TUPLE, OBJ), owned=True)
            else:
                kind = LIST if lists else TUPLE
                self.emit("guard_type", [seq, kind], None, deopt)
                seq = self.kind_value("cast", [seq], Seq(kind, OBJ), owned=seq.owned)
            elem = OBJ
        self.emit("guard_len", [seq, arg], None, deopt)
        items = [self.emit(f"getitem.{seq.type}", [seq, self.emit("const", [INT, i], INT)], OBJ,
                           deopt) for i in range(arg)]
        if elem in NUMERIC or isinstance(elem, Seq):  # check every item before taking any
            for item in items:
                self.emit("guard_type", [item, jtype_of(elem)], None, deopt)
        values = [self.read_element(item, elem, deopt) for item in items]
        self.release(seq)
        stack.extend(reversed(values))
        return None

    # -- iteration ------------------------------------------------------------------------------

    def _get_iter(self, index, arg, locals_, stack):
        top = stack[-1]
        if isinstance(top, Const) and type(top.value) is tuple:
            top = self.const_object(top.value)
        if isinstance(top, Enumerate):
            stack[-1] = SeqIter(top.seq, self.emit("const", [INT, 0], INT), top.start)
            return None
        if isinstance(top, Zip):
            stack[-1] = ZipIter(top.seqs, self.emit("const", [INT, 0], INT))
            return None
        if not (is_boxed(top) and top.type in (LIST, TUPLE)):
            if not is_boxed(top):
                return NOT_MINE
            stack.pop()
            it = self.kind_value("getiter", [top], OBJ,
                                 self.error_point(index, locals_, stack, [top]), owned=True)
            self.release(top)
            stack.append(it)  # any other iterator is a plain object, stepped by PyIter_Next
            return None
        stack[-1] = SeqIter(self.take(top), self.emit("const", [INT, 0], INT))
        return None

    def _for_iter_object(self, index, arg, locals_, stack):
        it = stack.pop()
        full = stack + [it]
        self._spill(full, [arg], lambda: self.deopt_point(index, locals_, full,
                                                          reason="boxing"))
        stack[:] = full[:-1]
        it = self.take(it)
        if self.promoted is None:
            return self._iter_step(index, arg, locals_, stack, it, "")
        # A module-level loop.  A builtin iterator's next runs no Python code: the loop's
        # variables need not be written first.  The entry loop's own iterator may also be
        # an enumerate() or zip() of builtin iterators (checked when entered: it is the same
        # object all along).
        classes = PLAIN_ITERATORS
        if self.fn is not None and self.fn.osr_entry == index:
            classes = PLAIN_ITERATORS + COMPOSED_ITERATORS
        # Any other iterator (a generator, map(), a class with __next__) may run the
        # program's code, which may read or assign the module's variables: its next is an
        # escape (frontend_module.py), on a path of its own.
        plain = self.emit("is_classes", [it, ObjRef(classes)], BOOL)
        name = self.current_name
        self.emit("br", [plain, f"{name}.plain", f"{name}.any"])
        self._open_block(f"{name}.plain", index)
        edges = self._iter_step(index, arg, locals_, list(stack), it, ".plain", quiet=True)
        self._open_block(f"{name}.any", index)
        self._iter_step(index, arg, locals_, stack, it, ".any", escape=full)
        return edges

    def _open_block(self, name, index):
        if self.fn is not None:
            block = Block(name, index)
            self.fn.blocks.append(block)
            self.block = block

    def _iter_step(self, index, arg, locals_, stack, it, part, quiet=False, escape=None):
        """A step of iterator `it` (owned): its next item on the stack and on to the body
        (index + 1), or the iterator released and on to the loop's exit (`arg`).  `escape`
        (a module-level loop; the stack with the iterator): the module's variables are
        written before the step, and a change of the module's dict by the step deoptimizes
        after it (on both edges)."""
        version = None
        if escape is not None:
            failed = self.deopt_point(index, locals_, escape, reason="raised")
            if failed is not None:  # (out of memory: raised at the instruction)
                failed.after_call = failed.raises = True
            version = self.emit("write_names", self.names_to_write(locals_), INT, failed)
            self.escaped = True  # deopt points from here on: the dict holds the variables
            self.escape_version = version  # (for a landing pad of the step)
        item = self.kind_value("iternext", [it], OBJ,
                               self.error_point(index, locals_, stack, [it], quiet=quiet),
                               owned=True)
        self.escape_version = None  # (the other path's pad checks none)
        more = self.emit("notnull", [item], BOOL)
        name = self.current_name + part
        self.emit("br", [more, f"{name}.body", f"{name}.done"])
        exit_state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        self._open_block(f"{name}.done", index)
        self.release(it)
        if version is not None:
            self._same_version(version, arg, locals_, stack)
        self.emit("jump", [self._block_name(arg, exit_state)])
        self._open_block(f"{name}.body", index)
        stack.append(it)
        stack.append(item)
        if version is not None:
            self._same_version(version, index + 1, locals_, stack)
            self.escaped = False  # (written here: run_block's sync_names is for one block)
        self._spill(stack, [index + 1], lambda: self.deopt_point(index + 1, locals_, stack,
                                                                 reason="boxing"))
        state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        self.emit("jump", [self._block_name(index + 1, state)])
        return [(arg, exit_state), (index + 1, state)]

    def _same_version(self, version, index, locals_, stack):
        """Deoptimize at `index` if the module's dict changed since `version` was written."""
        now = self.emit("dict_version", [self.const_object(self.globals)], INT)
        same = self.emit("icmp.eq", [version, now], BOOL)
        point = self.deopt_point(index, locals_, list(stack), reason="module variable assigned")
        if point is not None:
            point.synced = True
        self.emit("guard_true", [same], None, point)

    def _for_iter_zip(self, index, arg, locals_, stack):
        """A step of zip() over lists and tuples: every sequence has an item at the index
        (read at each step: lists may change size), else the loop ends, as CPython's zip
        ends at its first exhausted iterator."""
        it = stack.pop()
        full = stack + [it]
        self._spill(full, [arg], lambda: self.deopt_point(index, locals_, full,
                                                          reason="boxing"))
        stack[:] = full[:-1]
        more = None
        for seq in it.seqs:
            has = self.emit("more.seq", [seq, it.index], BOOL)
            more = has if more is None else self.emit("band", [more, has], BOOL)
        name = self.current_name
        self.emit("br", [more, f"{name}.body", f"{name}.done"])
        exit_state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        if self.fn is not None:
            done = Block(f"{name}.done", index)
            self.fn.blocks.append(done)
            self.block = done
        for seq in it.seqs:
            self.release(seq)
        self.emit("jump", [self._block_name(arg, exit_state)])
        if self.fn is not None:
            body = Block(f"{name}.body", index)
            self.fn.blocks.append(body)
            self.block = body
        deopt = self.deopt_point(index, locals_, stack + [it], reason="element type")
        items = [self.emit(f"item.{seq.type}", [seq, it.index], OBJ) for seq in it.seqs]
        values = tuple(self.read_element(item, seq.elem, deopt)
                       for item, seq in zip(items, it.seqs))
        stack.append(ZipIter(it.seqs, self.emit("inc", [it.index], INT)))
        stack.append(ZipItem(values))
        self._spill(stack, [index + 1], lambda: self.deopt_point(index + 1, locals_, stack,
                                                                 reason="boxing"))
        state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        self.emit("jump", [self._block_name(index + 1, state)])
        return [(arg, exit_state), (index + 1, state)]

    def _list_append(self, index, arg, locals_, stack):
        value = stack[-1]
        target = stack[-1 - arg]
        if not (is_boxed(target) and target.type is LIST):
            return NOT_MINE
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        self.emit("append.list", [target, self.materialize(value, index)], None, redo)
        return None

    def _map_add(self, index, arg, locals_, stack):
        """A dict comprehension's `d[key] = value` (the dict stays on the stack)."""
        key, value = stack[-2], stack[-1]
        target = stack[-2 - arg]
        if not (is_boxed(target) and target.type is OBJ):
            return NOT_MINE
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [key, value], reason="boxing")
        boxed_key = self.box(key, index, redo)
        boxed = self.box(value, index, redo)
        self.emit("setitem.obj", [target, boxed_key, boxed], None,
                  self.error_point(index, locals_, stack, [boxed_key, boxed]))
        self.release(boxed_key)
        self.release(boxed)
        return None

    def _set_add(self, index, arg, locals_, stack):
        """A set comprehension's `s.add(value)` (the set stays on the stack)."""
        value = stack[-1]
        target = stack[-1 - arg]
        if not (is_boxed(target) and target.type is OBJ):
            return NOT_MINE
        stack.pop()
        boxed = self.box(value, index, self.deopt_point(index, locals_, stack + [value],
                                                         reason="boxing"))
        self.emit("add.set", [target, boxed], None,
                  self.error_point(index, locals_, stack, [boxed]))
        self.release(boxed)
        return None

    def _for_iter(self, index, arg, locals_, stack):
        it = stack[-1]
        if is_boxed(it) and it.type is OBJ:
            return self._for_iter_object(index, arg, locals_, stack)
        if isinstance(it, ZipIter):
            return self._for_iter_zip(index, arg, locals_, stack)
        if not isinstance(it, SeqIter):
            return NOT_MINE
        stack.pop()
        full = stack + [it]
        self._spill(full, [arg], lambda: self.deopt_point(index, locals_, full,
                                                          reason="boxing"))
        stack[:] = full[:-1]
        more = self.emit("more.seq", [it.seq, it.index], BOOL)
        name = self.current_name
        self.emit("br", [more, f"{name}.body", f"{name}.done"])
        exit_state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        if self.fn is not None:
            done = Block(f"{name}.done", index)
            self.fn.blocks.append(done)
            self.block = done
        self.release(it.seq)  # the exhausted iterator lets go of its sequence
        self.emit("jump", [self._block_name(arg, exit_state)])
        if self.fn is not None:
            body = Block(f"{name}.body", index)
            self.fn.blocks.append(body)
            self.block = body
        deopt = self.deopt_point(index, locals_, stack + [it], reason="element type")
        count = None if it.count is None else self.emit(
            "iadd", [it.count, self.emit("const", [INT, 1], INT)], INT, deopt)
        item = self.emit(f"item.{it.seq.type}", [it.seq, it.index], OBJ)
        value = self.read_element(item, it.seq.elem, deopt)
        stack.append(SeqIter(it.seq, self.emit("inc", [it.index], INT), count))
        stack.append(value if it.count is None else Pair(it.count, value))
        self._spill(stack, [index + 1], lambda: self.deopt_point(index + 1, locals_, stack,
                                                                 reason="boxing"))
        state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        self.emit("jump", [self._block_name(index + 1, state)])
        return [(arg, exit_state), (index + 1, state)]

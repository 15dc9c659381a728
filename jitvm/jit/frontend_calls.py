"""Bytecode → JIT IR for calls and operators on boxed values (a mixin of the translator, with
frontend_objects).

Calls: builtins on lists (len, sum, min, max, enumerate, list, tuple) and list methods
(append, pop) compile natively; a jitvm function is a direct native call when it compiles;
anything else is called through the C-API (`call_object`) with boxed arguments, its result
unboxed behind a type guard when the interpreter saw one numeric type there.  Operators on
objects are the C-API's (PyNumber_*, PyObject_RichCompare), or, where the interpreter saw
numbers, guarded unboxing and the numeric operation.
"""

from __future__ import annotations

import builtins

from ..frame_builtins import FRAME_BUILTINS
from ..handlers.control import _enter_context
from ..opcodes import COMPARE_OPS, FV_SPEC, Op
from .frontend import (BUILTINS, MATH_FLOAT_FUNCTIONS, Const, MaybeUnbound, NotCompilable,
                       RangeArgs, _BINARY, _CMP_NAMES, _callable_name)
from .frontend_entries import (COMPOSITES, FROM_CLASS, NOT_MINE, NUMERIC, BoundFunction,
                               Enumerate, Method, ObjRef, SeqIter, _cap, _one_of, is_boxed,
                               is_number, value_kind)
from .ir import Value
from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, OBJ, TUPLE, Seq, join_elem

# Builtins that need the caller's frame: never called from native code.
_FRAME_BUILTINS = tuple(FRAME_BUILTINS)


class CallSteps:
    """Calls and operators (see the module docstring)."""

    # -- dicts and strings ------------------------------------------------------------------------

    def _build_map(self, index, arg, locals_, stack):
        return self._dict(index, locals_, stack, None, 2 * arg)

    def _build_const_key_map(self, index, arg, locals_, stack):
        keys = stack.pop()
        return self._dict(index, locals_, stack, keys.value, arg)

    def _dict(self, index, locals_, stack, keys, count):
        items = stack[len(stack) - count:] if count else []
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in items):
            self.fail("a dict of iterators", index)
        del stack[len(stack) - count:]
        redo = self.deopt_point(index, locals_, stack + items + (
            [Const(keys)] if keys is not None else []), reason="boxing")
        boxed = [self.box(e, index, redo) for e in items]
        key_args = [ObjRef(keys)] if keys is not None else []
        made = self.kind_value("build.dict", [boxed] + key_args, OBJ,
                               self.error_point(index, locals_, stack, boxed), owned=True)
        for value in boxed:
            self.release(value)
        stack.append(made)
        return None

    def _build_set(self, index, arg, locals_, stack):
        items = stack[len(stack) - arg:] if arg else []
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in items):
            self.fail("a set of iterators", index)
        del stack[len(stack) - arg:]
        redo = self.deopt_point(index, locals_, stack + items, reason="boxing")
        boxed = [self.box(e, index, redo) for e in items]
        made = self.kind_value("build.set", [boxed], OBJ,
                               self.error_point(index, locals_, stack, boxed), owned=True)
        for value in boxed:
            self.release(value)
        stack.append(made)
        return None

    def _format_value(self, index, arg, locals_, stack):
        spec = stack.pop() if arg & FV_SPEC else None
        value = stack.pop()
        if isinstance(value, (RangeArgs,) + COMPOSITES):
            self.fail("formatting an iterator", index)
        pre = stack + [value] + ([spec] if spec is not None else [])
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        boxed = self.box(value, index, redo)
        spec_value = self.materialize(spec, index) if spec is not None else None
        operands = [boxed] + ([spec_value] if spec_value is not None else [])
        text = self.kind_value("format", [boxed, spec_value, arg & 3], OBJ,
                               self.error_point(index, locals_, stack, operands), owned=True)
        for v in operands:
            self.release(v)
        stack.append(text)
        return None

    def _build_string(self, index, arg, locals_, stack):
        parts = [self.materialize(e, index) for e in stack[len(stack) - arg:]]
        del stack[len(stack) - arg:]
        text = self.kind_value("join.str", [parts], OBJ,
                               self.error_point(index, locals_, stack, parts), owned=True)
        for v in parts:
            self.release(v)
        stack.append(text)
        return None

    # -- operators --------------------------------------------------------------------------------

    def _binary(self, index, op, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not (is_boxed(a) or is_boxed(b) or isinstance(a, Const) and is_number(b)
                or isinstance(b, Const) and is_number(a)):
            return NOT_MINE
        name = _BINARY[op]
        guess = self._operand_guess(index, [a, b])
        if guess is not None:
            del stack[-2:]
            deopt = self.deopt_point(index, locals_, stack + [a, b], reason="operand type")
            x, y = (self._unbox_operand(v, t, deopt) for v, t in zip((a, b), guess))
            stack.append(self.binary(name, x, y, self.deopt_point(
                index, locals_, stack + [x, y], reason=op.name), index))
            return None
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [a, b], reason="boxing")
        x, y = self.box(a, index, redo), self.box(b, index, redo)
        kind = _sequence_result(name, a, b, op.name.startswith("INPLACE"))
        inplace = "inplace_" if op.name.startswith("INPLACE") else ""
        result = self.kind_value(f"number.{inplace}{name}", [x, y], kind,
                                 self.error_point(index, locals_, stack, [x, y]), owned=True)
        self.release(x)
        self.release(y)
        stack.append(result if kind is not OBJ else self.unbox_result(result, index, locals_,
                                                                     stack))
        return None

    def _unary(self, index, op, locals_, stack):
        a = stack[-1]
        if not is_boxed(a):
            return NOT_MINE
        stack.pop()
        if op == Op.UNARY_NOT:
            truth = self.object_truth(a, index, locals_, stack)
            stack.append(self.emit("not", [truth], BOOL))
            return None
        name = {Op.UNARY_NEGATIVE: "neg", Op.UNARY_POSITIVE: "pos", Op.UNARY_INVERT: "invert"}[op]
        result = self.kind_value(f"number.{name}", [a], OBJ,
                                 self.error_point(index, locals_, stack, [a]), owned=True)
        self.release(a)
        stack.append(result)
        return None

    def _operand_guess(self, index, operands, compare=False):
        """Numeric types the interpreter saw for boxed operands here, if always the same."""
        if not all(is_number(v) or is_boxed(v) and v.type is OBJ for v in operands):
            return None
        seen = self.feedback("operand_types", index)
        if not seen and any(isinstance(v, Value) and v.id in self.mixed for v in operands):
            return None  # a widened value's type varies: do not guess it
        if not seen:
            # Nothing recorded (compiled before it ran): guess that an object meets a number
            # of its own type, as in `total += f(x)`.  Not in a comparison: `self.x < 0` with
            # a float x is as common as with an int, and a wrong guess deoptimizes every time.
            numbers = [v.type for v in operands if is_number(v)]
            if not numbers or compare:
                return None
            guess = FLOAT if FLOAT in numbers else INT
            return [v.type if is_number(v) else guess for v in operands]
        if len(seen) != 1:
            return None
        classes = next(iter(seen))
        guess = [FROM_CLASS.get(c) for c in classes]
        if None in guess or any(is_number(v) and v.type is not t
                                for v, t in zip(operands, guess)):
            return None
        return guess

    def _unbox_operand(self, v, jtype, deopt):
        if is_number(v):
            return v
        self.emit("guard_type", [v, jtype], None, deopt)
        value = self.emit(f"unbox.{jtype}", [v], jtype, deopt)
        self.release(v)
        return value

    def _compare_op(self, index, arg, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not (is_boxed(a) or is_boxed(b)):
            return NOT_MINE
        name = _CMP_NAMES[COMPARE_OPS[arg]]
        guess = self._operand_guess(index, [a, b], compare=True)
        del stack[-2:]
        if guess is not None:
            deopt = self.deopt_point(index, locals_, stack + [a, b], reason="operand type")
            x, y = (self._unbox_operand(v, t, deopt) for v, t in zip((a, b), guess))
            stack.append(self.compare(name, x, y))
            return None
        redo = self.deopt_point(index, locals_, stack + [a, b], reason="boxing")
        x, y = self.box(a, index, redo), self.box(b, index, redo)
        result = self.kind_value(f"richcompare.{name}", [x, y], OBJ,
                                 self.error_point(index, locals_, stack, [x, y]), owned=True)
        self.release(x)
        self.release(y)
        following = index + 1 < len(self.code.instructions) and \
            self.code.instructions[index + 1][0]
        if following in (Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP):
            # A chained comparison (`"a" <= ch <= "z"`) keeps the result for `and`: it is
            # a bool unless a rich comparison method returned something else.
            result = self._unbox_operand(result, BOOL, self.deopt_point(
                index + 1, locals_, stack + [result], reason="operand type"))
        stack.append(result)
        return None

    def _is_op(self, index, arg, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not any(is_boxed(e) or isinstance(e, Const) for e in (a, b)):
            return NOT_MINE
        del stack[-2:]
        if isinstance(a, Const) and isinstance(b, Const):
            same = self.emit("const", [BOOL, (a.value is b.value) != bool(arg)], BOOL)
        elif is_number(a) or is_number(b):
            other = b if is_number(a) else a
            if not (isinstance(other, Const) or is_boxed(other) and other.type is not OBJ):
                self.fail("`is` between a number and an object", index)
            self.release(other)  # an unboxed number is never that object
            same = self.emit("const", [BOOL, bool(arg)], BOOL)
        else:
            x, y = self.materialize(a, index), self.materialize(b, index)
            same = self.emit("same", [x, y], BOOL)
            self.release(x)
            self.release(y)
            if arg:
                same = self.emit("not", [same], BOOL)
        stack.append(same)
        return None

    def _contains_op(self, index, arg, locals_, stack):
        item, container = stack[-2], stack[-1]
        if isinstance(container, Const):  # a tuple or str constant, a global dict or set
            container = self.const_object(container.value)
        if not is_boxed(container):
            return NOT_MINE
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [item, container], reason="boxing")
        boxed = self.box(item, index, redo)
        found = self.emit("contains", [container, boxed], BOOL,
                          self.error_point(index, locals_, stack, [boxed, container]))
        self.release(boxed)
        self.release(container)
        stack.append(self.emit("not", [found], BOOL) if arg else found)
        return None

    def _jump_if(self, index, arg, locals_, stack):
        top = stack[-1]
        if not is_boxed(top):
            return NOT_MINE
        stack[-1] = self.object_truth(top, index, locals_, stack[:-1])
        return NOT_MINE  # the numeric translation branches on the bool

    def object_truth(self, v: Value, index, locals_, stack) -> Value:
        if v.type in (LIST, TUPLE):
            size = self.emit("len.seq", [v], INT)
            truth = self.emit("truth.int", [size], BOOL)
        else:
            truth = self.emit("truth.obj", [v], BOOL,
                              self.error_point(index, locals_, stack, [v]))
        self.release(v)
        return truth

    def _jump_or_pop(self, index, arg, locals_, stack):
        if is_boxed(stack[-1]):
            self.fail("`and`/`or` keeping an object", index)
        return NOT_MINE

    # -- calls ----------------------------------------------------------------------------------

    def _call_function(self, index, arg, locals_, stack):
        return self._call(index, arg, locals_, stack, None)

    def _call_function_kw(self, index, arg, locals_, stack):
        names = stack[-1]
        if not isinstance(names, Const):
            self.fail("keyword names the JIT cannot see", index)
        return self._call(index, arg, locals_, stack, names)

    def _call(self, index, argc, locals_, stack, names):
        depth = argc + 1 + (names is not None)
        callee = stack[-depth]
        args = stack[len(stack) - depth + 1:len(stack) - (names is not None)]
        numeric = all(is_number(a) for a in args)
        if names is None and isinstance(callee, Const) and callee.value is range:
            objects = [i for i, a in enumerate(args) if is_boxed(a) and a.type is OBJ]
            if objects:  # range(n) with n from a cell or a call: most likely an int
                deopt = self.deopt_point(index, locals_, list(stack), reason="operand type")
                base = len(stack) - len(args)
                for i in objects:
                    stack[base + i] = self._unbox_operand(args[i], INT, deopt)
            return NOT_MINE
        del stack[-depth:]
        pre = stack + [callee] + args + ([names] if names is not None else [])
        if names is None and numeric and isinstance(callee, Const) and _numeric_builtin(
                callee.value):
            try:
                stack.append(self.builtin_call(callee.value, args, self.deopt_point(
                    index, locals_, pre, reason=f"{_callable_name(callee.value)}() raised"),
                    index))
                return None
            except NotCompilable:
                pass  # e.g. round(x, 2): called as any Python callable
        if names is not None:  # keywords to a jitvm function: passed by position
            positional = self.keywords_to_positions(callee, args, names.value)
            if positional is not None:
                result = self.native_object_call(index, callee, positional, locals_, stack,
                                                 pre)
                if result is not NOT_MINE:
                    if result is not None:
                        stack.append(result)
                    return None
        if names is None:
            result = self.native_object_call(index, callee, args, locals_, stack, pre)
            if result is not NOT_MINE:
                if result is not None:
                    stack.append(result)
                return None
        stack.append(self.host_call(index, callee, args, names, locals_, stack, pre))
        return None

    def native_object_call(self, index, callee, args, locals_, stack, pre):
        """Calls compiled natively: builtins on lists, list methods, jitvm functions.
        Returns the result entry (None: pushes nothing), or NOT_MINE for a host call."""
        if isinstance(callee, Method):
            return self.method_call(index, callee, args, locals_, pre)
        if isinstance(callee, BoundFunction):
            args = [callee.recv] + list(args)
            if all(isinstance(a, Value) for a in args):
                try:
                    return self.native_call_boxed(callee.target, args, index, locals_, stack,
                                                  pre)
                except NotCompilable:
                    pass
            # not compiled natively: the function called with the receiver first, as the
            # bound method would call it
            return self.host_call(index, Const(callee.target), args, None, locals_, stack, pre)
        if not isinstance(callee, Const):
            return NOT_MINE
        target = callee.value
        seqs = [a for a in args if is_boxed(a) and a.type in (LIST, TUPLE)]
        if target is len and len(args) == 1 and is_boxed(args[0]):
            if args[0].type is OBJ:
                size = self.emit("len.obj", [args[0]], INT,
                                 self.error_point(index, locals_, stack, args))
            else:
                size = self.emit("len.seq", [args[0]], INT)
            self.release(args[0])
            return size
        if _one_of(target, sum, min, max) and len(args) == 1 and seqs \
                and args[0].elem in NUMERIC:
            seq = args[0]
            rtype = INT if target is sum and seq.elem is not FLOAT else seq.elem
            result = self.emit(f"{target.__name__}.{seq.type}", [seq, seq.elem], rtype,
                               self.deopt_point(index, locals_, pre,
                                                reason=f"{target.__name__}() of elements"))
            self.release(seq)
            return result
        if target is enumerate and args and seqs and args[0] is seqs[0] and (
                len(args) == 1 or len(args) == 2 and is_number(args[1])
                and args[1].type is not FLOAT):
            start = self.to_int(args[1]) if len(args) == 2 else self.emit("const", [INT, 0], INT)
            return Enumerate(self.take(args[0]), start)
        if _one_of(target, list, tuple) and len(args) == 1:
            jtype = LIST if target is list else TUPLE
            if isinstance(args[0], RangeArgs):
                r = args[0]
                return self.kind_value(f"range.{jtype}", [r.start, r.stop, r.step],
                                       Seq(jtype, INT), self.deopt_point(
                                           index, locals_, pre, reason="boxing"), owned=True)
            if seqs:
                result = self.kind_value(f"copy.{jtype}", [args[0]], Seq(jtype, args[0].elem),
                                         self.deopt_point(index, locals_, pre,
                                                          reason="boxing"), owned=True)
                self.release(args[0])
                return result
            return NOT_MINE
        if self.jit.is_jitvm_function(target) and all(isinstance(a, Value) for a in args):
            try:
                return self.native_call_boxed(target, args, index, locals_, stack, pre)
            except NotCompilable:
                return NOT_MINE
        init = self.constructor_init(target)
        if init is not None and all(isinstance(a, Value) for a in args):
            try:
                return self.construct(index, target, init, args, locals_, stack, pre)
            except NotCompilable:
                return NOT_MINE
        return NOT_MINE

    def constructor_init(self, cls):
        """The jitvm __init__ that `cls(...)` runs, if native code can make the object: a
        class of metaclass `type` that takes object's __new__ (so the object is made the
        same way whatever the arguments) and has a jitvm function as __init__."""
        if not getattr(self.jit, "method_calls", False) or type(cls) is not type \
                or getattr(cls, "__abstractmethods__", None):
            return None
        new = init = None
        for klass in cls.__mro__:
            if new is None and "__new__" in klass.__dict__:
                new = klass.__dict__["__new__"]
            if init is None and "__init__" in klass.__dict__:
                init = klass.__dict__["__init__"]
        if new is not object.__dict__["__new__"] or not self.jit.is_jitvm_function(init):
            return None
        return init

    def keywords_to_positions(self, callee, args, kwnames):
        """The arguments of a call with keywords to a jitvm function, method or constructor,
        in parameter order, when they fill a run of its leading positional parameters (the
        rest from its defaults, see with_defaults); else None (a call through the C-API,
        which also reports any mistake in them)."""
        if isinstance(callee, BoundFunction):
            target, implicit = callee.target, 1
        elif isinstance(callee, Const) and self.jit.is_jitvm_function(callee.value):
            target, implicit = callee.value, 0
        elif isinstance(callee, Const) and self.constructor_init(callee.value) is not None:
            target, implicit = self.constructor_init(callee.value), 1
        else:
            return None
        code = target._code
        if not code.simple_args:
            return None
        params = code.varnames[implicit:code.argcount]
        count = len(args) - len(kwnames)
        if count > len(params):
            return None
        slots = list(args[:count]) + [None] * (len(params) - count)
        for name, value in zip(kwnames, args[count:]):
            if name not in params:
                return None
            at = params.index(name)
            if at < count or at + implicit < code.posonlyargcount or slots[at] is not None:
                return None
            slots[at] = value
        filled = len(slots)
        while filled and slots[filled - 1] is None:
            filled -= 1
        if any(slot is None for slot in slots[:filled]):
            return None  # (a gap: a default between given arguments)
        return slots[:filled]

    def with_defaults(self, target, args, index, locals_, pre, implicit=0):
        """`args` (after `implicit` ones the caller adds: the new object of a constructor)
        completed with `target`'s default values for the positional parameters a call leaves
        out.  Guarded: the function must still have that tuple of defaults when the call
        runs (else the interpreter makes the call)."""
        code = target._code
        missing = code.argcount - implicit - len(args)
        defaults = target.__defaults__ or ()
        if missing <= 0 or not code.simple_args or missing > len(defaults):
            return args  # (too few arguments: a TypeError, which the interpreter raises)
        values = defaults[len(defaults) - missing:]
        current = self.kind_value("getattr", [self.const_object(target), "__defaults__"],
                                  OBJ, None, owned=True)  # (a slot that is always set)
        same = self.emit("same", [current, self.const_object(defaults)], BOOL)
        self.emit("guard_true", [same], None, self.deopt_point(
            index, locals_, pre, reason=f"{target.__qualname__}.__defaults__ changed"))
        self.emit("decref", [current])
        return list(args) + [self.constant(v) if type(v) in FROM_CLASS
                             else self.const_object(v) for v in values]

    def construct(self, index, cls, init, args, locals_, stack, pre):
        """`cls(args)` made natively, as type.__call__ makes it: object's __new__, then the
        machine code of `init` with the new object first.  The class must still make its
        objects that way when the call runs (checked first: else the interpreter makes the
        call); a deopt in `init` resumes after the call with the object already pushed."""
        if init._code.has_cells:
            raise NotCompilable("a closure: called as a Python callable")
        args = self.with_defaults(init, args, index, locals_, pre, implicit=1)
        kinds = (OBJ,) + tuple(value_kind(a) for a in args)
        callee = self.jit.specialization(init, kinds, index, self.code)
        if callee.exits or callee.return_type is not NONE:
            raise NotCompilable("its __init__ does not run natively to its end")
        self.emit("guard_constructor", [ObjRef(cls), ObjRef(init)], None, self.deopt_point(
            index, locals_, pre, reason=f"{cls.__qualname__}() makes objects another way"))
        obj = self.kind_value("new_object", [ObjRef(cls)], OBJ,
                              self.error_point(index, locals_, stack), owned=True)
        deopt = self.deopt_point(index, locals_, stack + [obj], after_call=True,
                                 reason="callee deopt", quiet=self.quiet_callee(callee))
        if deopt is not None:
            deopt.constructs = True
        if self.fn is not None:
            self.fn.callees[callee.name] = callee
        lent = self.kind_value("cast", [obj], OBJ, owned=False)  # (the call consumes none)
        self.emit("call", [callee.name, [lent] + list(args)], None, deopt)
        return obj

    def method_call(self, index, method, args, locals_, pre):
        seq = method.recv
        if method.name == "append" and len(args) == 1:
            self.refine_local(method.source, args[0], locals_)
            redo = self.deopt_point(index, locals_, pre, reason="boxing")
            self.emit("append.list", [seq, self.materialize(args[0], index)], None, redo)
            self.release(seq)
            return Const(None)
        if method.name == "pop" and len(args) <= 1 and all(
                is_number(a) and a.type is not FLOAT for a in args):
            at = self.to_int(args[0]) if args else self.emit("const", [INT, -1], INT)
            deopt = self.deopt_point(index, locals_, pre, reason="pop")
            item = self.emit("getitem.list", [seq, at], OBJ, deopt)
            value = self.read_element(item, seq.elem, self.deopt_point(
                index, locals_, pre, reason="element type"))
            self.emit("del.list", [seq, at])
            self.release(seq)
            return value
        return NOT_MINE

    def refine_local(self, slot, item, locals_):
        """`lst.append(item)` on a local list tells what its elements are likely to be."""
        if slot is None:
            return
        i = self.code.varnames.index(slot[0])
        kind = locals_[i]
        maybe = isinstance(kind, MaybeUnbound)
        base = kind.type if maybe else kind
        if isinstance(base, Seq) and base.elem is None:
            item_kind = value_kind(item) if isinstance(item, Value) else OBJ
            refined = Seq(base.type, _cap(item_kind))
            locals_[i] = MaybeUnbound(refined) if maybe else refined

    def native_call_boxed(self, target, args, index, locals_, stack, pre=None):
        """A direct native call of a compiled jitvm function (arguments borrowed: the callee
        takes its own references).  With `pre` (the stack before the call), parameters the
        call leaves out take the function's default values."""
        if target._code.has_cells:
            raise NotCompilable("a closure: called as a Python callable")
        if pre is not None:
            args = self.with_defaults(target, args, index, locals_, pre)
        kinds = tuple(value_kind(a) for a in args)
        callee = self.jit.specialization(target, kinds, index, self.code)
        if callee.exits:
            raise NotCompilable("leaves native code")
        deopt = self.deopt_point(index, locals_, stack, after_call=True, reason="callee deopt",
                                 quiet=self.quiet_callee(callee))
        if self.fn is not None:
            self.fn.callees[callee.name] = callee
        rtype = callee.return_type
        if rtype is NONE:
            self.emit("call", [callee.name, list(args)], None, deopt)
            return Const(None)
        kind = Seq(rtype, getattr(callee, "return_elem", None)) if rtype in (LIST, TUPLE) \
            else rtype
        result = self.kind_value("call", [callee.name, list(args)], kind, deopt,
                                 owned=rtype in BOXED)
        if getattr(callee, "returns_mixed", False):
            self.mixed.add(result.id)  # its returns differ in type: no operand guess
        return result

    def host_call(self, index, callee, args, names, locals_, stack, pre):
        """Call any Python callable through the C-API, with boxed arguments."""
        if isinstance(callee, BoundFunction):  # the function, with the receiver first
            callee, args = Const(callee.target), [callee.recv] + list(args)
        if isinstance(callee, Const):
            target = callee.value
            # (`super()` in a method is compiled as super(__class__, self): no frame needed)
            if any(target is f for f in _FRAME_BUILTINS) or (
                    target is builtins.super and not args):
                self.fail(f"{_callable_name(target)}() needs the caller's frame", index)
            if not callable(target):
                self.fail(f"calling a {type(target).__name__}", index)
        if any(isinstance(a, COMPOSITES) and not isinstance(a, Method)
               and not (isinstance(a, SeqIter) and a.count is None) for a in args):
            self.fail("passing an iterator to a Python callable", index)
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        if isinstance(callee, Const):
            function = ObjRef(callee.value)
        else:
            function = self.box(callee, index, redo)
        boxed = [self.box(a, index, redo) for a in args]
        operands = [function, boxed] + ([ObjRef(names.value)] if names is not None else [])
        result = self.kind_value("call_object", operands, OBJ,
                                 self.error_point(index, locals_, stack), owned=True)
        # A list comprehension just made here makes a list.
        made = getattr(callee, "source", None)
        listcomp = isinstance(made, tuple) and made[0] == "made" and made[1].name == "<listcomp>"
        return self.unbox_result(result, index, locals_, stack,
                                 Seq(LIST) if listcomp else None)

    # -- with ------------------------------------------------------------------------------------

    def _before_with(self, index, arg, locals_, stack):
        """`with`: the interpreter's own BEFORE_WITH (a host helper called through the C-API)
        looks up __enter__/__exit__ on the type and calls __enter__; its pair becomes the
        bound __exit__ (called on the normal path by the CALL_FUNCTION that follows the body)
        and __enter__'s result.  The exceptional path is the handler's: interpreted."""
        manager = stack[-1]
        if isinstance(manager, (RangeArgs,) + COMPOSITES):
            self.fail("an iterator as a context manager", index)
        redo = self.deopt_point(index, locals_, list(stack), reason="boxing")
        stack.pop()
        boxed = self.box(manager, index, redo)
        pair = self.kind_value("call_object", [ObjRef(_with_enter), [boxed]], Seq(TUPLE, OBJ),
                               self.error_point(index, locals_, stack), owned=True)
        for i in range(2):
            item = self.emit("item.tuple", [pair, self.emit("const", [INT, i], INT)], OBJ)
            stack.append(self.newref(item))
        self.release(pair)
        return None

    def _raise(self, index, arg, locals_, stack):
        """`raise`: always an exception, so native code hands the frame to the interpreter at
        the instruction, which raises it (not a side exit: nothing is left uncompiled, and
        the deopt is not counted, see JIT._resume)."""
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in stack[len(stack) - arg:]):
            self.fail("raising an iterator", index)
        self.emit("exit", ["'raise'"], None,
                  self.deopt_point(index, locals_, stack, reason="raise"))
        return []


def _with_enter(manager):
    """(bound __exit__, __enter__()) of a context manager, with the interpreter's errors."""
    entries = [manager]
    _enter_context(entries, "__enter__", "__exit__", "context manager")
    return tuple(entries)


def _sequence_result(name, a, b, inplace):
    """The kind of `a + b` or `a * b` when that builds a list or tuple; OBJ otherwise."""
    seqs = [v for v in (a, b) if is_boxed(v) and v.type in (LIST, TUPLE)]
    if name == "mul" and len(seqs) == 1 and any(is_number(v) and v.type is not FLOAT
                                                for v in (a, b)):
        return value_kind(seqs[0])
    if name == "add" and len(seqs) == 2 and seqs[0] is a:
        if a.type is b.type or inplace and a.type is LIST:
            return Seq(a.type, join_elem(a.elem, b.elem))
    return OBJ




def _numeric_builtin(target) -> bool:
    import math
    return (any(target is f for f in BUILTINS) or any(target is f for f in MATH_FLOAT_FUNCTIONS)
            or any(target is f for f in (math.floor, math.ceil, math.trunc)))



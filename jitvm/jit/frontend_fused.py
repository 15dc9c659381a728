"""Bytecode → JIT IR for a generator expression consumed by sum/min/max/any/all (a mixin of
the translator; the rewrite of the bytecode is in fused.py).

The instructions CPython's compiler emits for `sum(x * x for x in v)`:

    LOAD_GLOBAL sum; [LOAD_CLOSURE..; BUILD_TUPLE]; LOAD_CONST <genexpr>; MAKE_FUNCTION
    <the iterable>; GET_ITER; CALL_FUNCTION 1      (makes the generator)
    [LOAD_CONST start]; CALL_FUNCTION 1 (or 2)     (the consumer runs it)

When the consumer is one of those builtins (its global guarded as any global the code
reads), MAKE_FUNCTION makes nothing: it pushes a `MadeGen`; the call of it pushes a `GenCall`
holding the iterator; the consumer's call is a direct native call of the fused code's entry
at its loop header, with the iterator (a list or range iterator as its parts, which the
fused loop steps without boxing), the consumer's start and the closure's cells.  A deopt
before the consumer's call rebuilds the function (and the generator) the interpreter
expects; a deopt in the fused code finishes it in the interpreter, and its result is the
consumer's.  Only a pattern within one basic block is taken, so these entries never cross a
block boundary.
"""

from __future__ import annotations

from ..opcodes import MF_CLOSURE, OPCODES, Flag, Op
from .frontend import Const, NotCompilable, RangeIter, basic_blocks
from .frontend_entries import GenCall, MadeGen, ObjRef, SeqIter, ZipIter, is_boxed, value_kind
from .fused import BUILDS_LIST, CONSUMERS, fusable
from .types import BOOL, BOXED, FLOAT, INT, LIST, OBJ, TUPLE, Seq

_START_TYPES = (int, float, bool)


class FusionSteps:
    """Fusing a generator expression into its consumer (see the module docstring)."""

    def fusion_site(self, index, consumer_entry):
        """At MAKE_FUNCTION `index` of a generator expression: (consumer name, start) when
        the instructions that follow call it on an iterator and hand the generator straight
        to `consumer_entry`, a builtin that fuses (start: None, or sum's constant start)."""
        if is_boxed(consumer_entry) and getattr(consumer_entry, "source", None) == (
                "str.join",):
            consumer = "list"  # str.join makes a list of its argument first: that list
        elif not isinstance(consumer_entry, Const):
            return None
        else:
            consumer = next((name for f, name in CONSUMERS.items()
                             if consumer_entry.value is f), None)
        if consumer is None:
            return None
        i = self.called_on_iterator(index)
        if i is None:
            return None
        ins = self.code.instructions
        after = ins[i + 1:i + 3]
        if i + 1 in self._leaders or not after:
            return None
        if after[0] == (Op.CALL_FUNCTION, 1):
            return consumer, None
        if consumer == "sum" and len(after) == 2 and after[0][0] == Op.LOAD_CONST \
                and after[1] == (Op.CALL_FUNCTION, 2) and i + 2 not in self._leaders:
            start = self.code.consts[after[0][1]]
            if type(start) in _START_TYPES and not (type(start) is int
                                                    and not -2**63 <= start < 2**63):
                return consumer, Const(start)
        return None

    def called_on_iterator(self, index):
        """The index of the CALL_FUNCTION 1 that calls what MAKE_FUNCTION `index` makes,
        right after a GET_ITER, all in one basic block; else None."""
        leaders = self.__dict__.get("_leaders")
        if leaders is None:
            leaders = self._leaders = frozenset(basic_blocks(self.code))
        ins = self.code.instructions
        depth = 1  # the function, and what is pushed above it
        i = index + 1
        while i < len(ins):
            if i in leaders:
                return None
            op, arg = ins[i]
            info = OPCODES[op]
            if info.flags & (Flag.JUMP | Flag.TERMINAL | Flag.YIELDS | Flag.PSEUDO):
                return None
            pops = info.pops(arg) if callable(info.pops) else info.pops
            if pops >= depth:
                break
            depth += info.effect(arg)
            i += 1
        else:
            return None
        if ins[i] == (Op.CALL_FUNCTION, 1) and depth == 2 and ins[i - 1][0] == Op.GET_ITER:
            return i
        return None

    def make_genexpr(self, index, arg, stack) -> bool:
        """MAKE_FUNCTION of a generator expression whose call is fused: push a MadeGen."""
        if arg & ~MF_CLOSURE or not getattr(self.jit, "objects", False):
            return False
        code = stack[-1]
        if not isinstance(code, Const):
            return False
        closure = stack[-2] if arg & MF_CLOSURE else None
        if closure is not None and not (is_boxed(closure) and closure.type is TUPLE):
            return False
        if fusable(code.value):
            below = stack[-3] if arg & MF_CLOSURE else stack[-2]
            site = self.fusion_site(index, below)
        elif _list_comprehension(code.value) and self.called_on_iterator(index) is not None:
            site = ("<listcomp>", None)
        else:
            site = None
        if site is None:
            return False
        del stack[len(stack) - (2 if closure is not None else 1):]
        stack.append(MadeGen(code.value, closure, self.jit.vm, self.globals, site))
        return True

    def call_genexpr(self, index, argc, locals_, stack, names):
        """The call that makes the generator: a GenCall when its fused entry compiles; else
        the function is made here after all and called as any callable."""
        made = stack[-argc - 1 - (names is not None)]
        it = stack[-1]
        if names is None and argc == 1:
            consumer, start = made.site
            try:
                entry = self.fused_entry(made, consumer, start, it, index)
            except NotCompilable:
                entry = None
            if entry is not None and consumer == "<listcomp>":
                self.call_comprehension(index, entry, locals_, stack)
                return None
            if entry is not None:
                del stack[-2:]
                stack.append(GenCall(made, it, entry))
                return None
        at = len(stack) - argc - 1 - (names is not None)
        stack[at] = self.make_function_value(made, index, locals_, stack[:at],
                                             [e for e in stack[at + 1:] if is_boxed(e)])
        return self._call(index, argc, locals_, stack, names)

    def make_function_value(self, made, index, locals_, below, held):
        """The function object of a MadeGen, made as MAKE_FUNCTION makes it."""
        from ..objects import Function
        args = [self.const_object(self.jit.vm), self.const_object(made.code),
                self.const_object(self.globals), self.const_object(()),
                self.const_object(None),
                made.closure if made.closure is not None else self.const_object(()),
                self.const_object(None)]
        value = self.kind_value("call_object", [ObjRef(Function), args], OBJ,
                                self.error_point(index, locals_, below, held), owned=True)
        value.source = ("made", made.code)
        return value

    def fused_entry(self, made, consumer, start, it, index):
        """The fused code's specialisation for this iterator and start (NotCompilable if
        it does not compile, or leaves native code)."""
        if consumer == "<listcomp>":  # a list comprehension: its own code, list and iterator
            fused, header = made.code, 2
            local_types = [None] * len(fused.varnames)
            before = [Seq(LIST)]
        else:
            fused = self.jit.fused_code(made.code, consumer)
            header, before = fused.fused_header, []
            acc, has = len(fused.varnames) - 2, len(fused.varnames) - 1
            local_types = [None] * len(fused.varnames)
        if consumer == "sum":
            local_types[acc] = type_of_start(start or Const(0))
        elif consumer in BUILDS_LIST:
            local_types[acc] = Seq(LIST)
        elif consumer in ("min", "max"):
            local_types[has] = BOOL
        if isinstance(it, RangeIter):
            stack_kind, step = "rangeiter", None
        elif isinstance(it, (SeqIter, ZipIter)):
            stack_kind, step = it.kind(), None
        elif is_boxed(it):
            stack_kind, step = value_kind(it), None
        else:
            raise NotCompilable("an iterator the fused code cannot take")
        fn = self.jit.fused_specialization(fused, header, self.globals, tuple(local_types),
                                           tuple(before) + (stack_kind,),
                                           (None,) * len(before) + (step,), self.code, index)
        if fn.exits:
            raise NotCompilable("leaves native code")
        return fn

    def call_comprehension(self, index, fn, locals_, stack):
        """A list comprehension called on an iterator: a new list, and a direct call of
        the comprehension's entry at its loop header with the list and the iterator."""
        made, it = stack[-2], stack[-1]
        redo = self.deopt_point(index, locals_, list(stack), reason="boxing")
        del stack[-2:]
        new = self.kind_value("build.list", [[]], Seq(LIST), redo, owned=True)
        values = [new] + (it.parts() if isinstance(it, (RangeIter, SeqIter, ZipIter)) else [it])
        if made.code.cellvars:  # fresh cells of its own, then its closure's
            closure = made.closure if made.closure is not None else self.const_object(())
            values.append(self.kind_value(
                "call_object", [ObjRef(self.jit.cell_maker(len(made.code.cellvars))),
                                [closure]], Seq(TUPLE),
                self.deopt_point(index, locals_, list(stack) + [new], reason="boxing"),
                owned=True))
        elif made.closure is not None:
            values.append(made.closure)
        stack.append(self.entry_call(index, fn, values, locals_, stack))

    def entry_call(self, index, fn, values, locals_, stack, raise_at=None):
        """A direct call of entry `fn` (its owned arguments consumed); the result."""
        deopt = self.deopt_point(index, locals_, stack, after_call=True, reason="callee deopt",
                                 quiet=self.quiet_callee(fn))
        if deopt is not None:
            deopt.raise_at = raise_at
        if self.fn is not None:
            self.fn.callees[fn.name] = fn
        rtype = fn.return_type
        kind = Seq(rtype, getattr(fn, "return_elem", None)) if rtype in (LIST, TUPLE) \
            else rtype
        result = self.kind_value("call", [fn.name, values], kind, deopt,
                                 owned=rtype in BOXED)
        if rtype is OBJ:  # (a sum of floats: 0 when empty) what the interpreter saw here
            unboxed = self.unbox_result(result, index, locals_, stack)
            if unboxed is not result:
                return unboxed
        if getattr(fn, "returns_mixed", False) or rtype is OBJ:
            self.mixed.add(result.id)
        return result

    def call_consumer(self, index, argc, locals_, stack):
        """sum, min, max, any, all, list, tuple or sorted of a GenCall: the fused entry's
        machine code, called directly.  Arguments: the locals bound at its loop header
        (.acc: sum's start or a new list; .has for min and max), the iterator's parts, the
        cells."""
        args = stack[len(stack) - argc:]
        callee = stack[-argc - 1]
        gen = args[0]
        fn = gen.entry
        pre = list(stack)
        del stack[-argc - 1:]
        fused = fn.code
        values = []
        if fused.fused_consumer == "sum":
            start = args[1] if argc == 2 else Const(0)  # (a Value: LOAD_CONST of a number)
            values.append(self.constant(start.value) if isinstance(start, Const) else start)
        elif fused.fused_consumer in ("min", "max"):
            values.append(self.emit("const", [BOOL, False], BOOL))
        elif fused.fused_consumer in BUILDS_LIST:
            values.append(self.kind_value("build.list", [[]], Seq(LIST), self.deopt_point(
                index, locals_, pre, reason="boxing"), owned=True))
        it = gen.it
        values.extend(it.parts() if isinstance(it, (RangeIter, SeqIter, ZipIter)) else [it])
        if gen.made.closure is not None:
            values.append(gen.made.closure)
        if is_boxed(callee):  # `sep.join(genexpr)`: the list of the items, joined
            # A deopt in the fused code finishes the list in the interpreter, which then
            # joins it: resumed *at* this call, with the list for the generator argument
            # (as if the call that made the generator, just before, had made the list).
            result = self.entry_call(index - 1, fn, values, locals_, stack + [callee],
                                     raise_at=index)
            stack.append(self.host_call(index, callee, [result], None, locals_, stack,
                                        stack + [callee, result]))
            return None
        result = self.entry_call(index, fn, values, locals_, stack)
        stack.append(result)
        return None


def _list_comprehension(code) -> bool:
    """A list comprehension's code as CPython's compiler makes it (its own list, then the
    iterator argument, then the loop), with no cells of its own and no handlers."""
    ins = code.instructions
    return (code.name == "<listcomp>" and not code.generator and not code.cell2arg
            and not code.exceptiontable and code.argcount == 1 and len(ins) > 3
            and ins[0] == (Op.BUILD_LIST, 0) and ins[1] == (Op.LOAD_FAST, 0)
            and ins[2][0] == Op.FOR_ITER)


def type_of_start(start: Const):
    value = start.value
    return BOOL if type(value) is bool else FLOAT if type(value) is float else INT

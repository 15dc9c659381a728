"""Bytecode → JIT IR, specialised for argument types.

In: a code object, its function (for globals) and the argument types the interpreter saw.
Out: a `JitFunction`, or `NotCompilable` naming the construct and line that stopped it.

Two walks over the basic blocks.  The first is an abstract interpretation over types only: it
finds the type of every local and stack entry at every block entry.  Where paths into a block
disagree on a type (an int accumulator that becomes a float), the block gets one version per
type combination, or past a few versions the value is boxed (frontend_widen).  The second
walk emits IR with those types known.  Both walks run the same per-instruction code
(`_Translator.step`), so they cannot disagree.

What compiles (the rest raises NotCompilable): locals and constants of type int, float and
bool; arithmetic, bitwise, shifts, unary operators and comparisons (including int/float
mixtures, compared exactly); `and`/`or`/`not`; if/while; `for` over `range(...)`; calls to
jitvm functions found in globals (direct native calls, recursion included); return.

try/except/finally/with: a handler is reached by no jump.  An `except` clause is reached
through the landing pads of the operations it protects (frontend_handlers: edges of both
walks) and translated like any block; any other exception in a protected region leaves
native code through a deopt point at its instruction, whose record is exactly the
interpreter's value stack there: the interpreter's exception table then finds the handler
and cuts the stack to its depth.
"""

from __future__ import annotations

import builtins
import math
from dataclasses import dataclass
from typing import Any

from ..code import CodeFlags, CodeObject
from ..opcodes import Flag, OPCODES, Op
from .ir import UNPROFILED, Block, DeoptPoint, JitFunction, NotCompilable, Op as IrOp, Value
from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, OBJ, TUPLE, JType, Seq, jtype_of




# A code object the interpreter has run this many times (calls and loop iterations) has
# its feedback: an instruction without any is on a cold path (Builder.unprofiled).
WARM_ENOUGH = 100


# -- compile-time stack entries that are not unboxed values ---------------------------------------


@dataclass(frozen=True)
class Const:
    """A compile-time constant on the stack: None, a function or builtin to call."""

    value: Any

    def kind(self):
        return ("const", id(self.value))


@dataclass(frozen=True)
class RangeArgs:
    """`range(start, stop, step)` called but not yet iterated."""

    start: Value
    stop: Value
    step: Value
    label = "range"

    def parts(self):
        return [self.start, self.stop, self.step]

    def kind(self):
        return "range"


@dataclass(frozen=True)
class RangeIter:
    """An iterator over a range, as three ints: the next value, the stop and the step."""

    current: Value
    stop: Value
    step: Value
    label = "iter"

    def parts(self):
        return [self.current, self.stop, self.step]

    def kind(self):
        return "rangeiter"


def _kind(entry):
    if isinstance(entry, Value):
        return Seq(entry.type, entry.elem) if entry.type in (LIST, TUPLE) else entry.type
    return entry.kind()


_BINARY = {
    Op.BINARY_ADD: "add", Op.INPLACE_ADD: "add", Op.BINARY_SUBTRACT: "sub",
    Op.INPLACE_SUBTRACT: "sub", Op.BINARY_MULTIPLY: "mul", Op.INPLACE_MULTIPLY: "mul",
    Op.BINARY_TRUE_DIVIDE: "truediv", Op.INPLACE_TRUE_DIVIDE: "truediv",
    Op.BINARY_FLOOR_DIVIDE: "floordiv", Op.INPLACE_FLOOR_DIVIDE: "floordiv",
    Op.BINARY_MODULO: "mod", Op.INPLACE_MODULO: "mod",
    Op.BINARY_LSHIFT: "shl", Op.INPLACE_LSHIFT: "shl", Op.BINARY_RSHIFT: "shr",
    Op.INPLACE_RSHIFT: "shr", Op.BINARY_AND: "and", Op.INPLACE_AND: "and",
    Op.BINARY_OR: "or", Op.INPLACE_OR: "or", Op.BINARY_XOR: "xor", Op.INPLACE_XOR: "xor",
    Op.BINARY_POWER: "pow", Op.INPLACE_POWER: "pow",
}
# Builtins compiled natively when called with numbers.
BUILTINS = {abs, min, max, float, int, bool, round, range, divmod}
# math functions of floats that go to the C library (as CPython's do), by argument count.
MATH_FLOAT_FUNCTIONS = {math.sqrt: 1, math.exp: 1, math.log: 1, math.sin: 1, math.cos: 1,
                        math.tan: 1, math.atan: 1, math.atan2: 2, math.hypot: 2,
                        math.fabs: 1, math.log10: 1, math.asin: 1, math.acos: 1}
MATH = {fn.__name__ for fn in MATH_FLOAT_FUNCTIONS} | {"floor", "ceil", "trunc", "pi", "e",
                                                      "tau", "inf"}


def _is_builtin(value) -> bool:
    return any(value is builtin for builtin in BUILTINS)


def _is_number(value) -> bool:
    return type(value) in (int, float, bool) and (type(value) is not int
                                                   or -2**63 <= value < 2**63)


def _callable_name(fn) -> str:
    return getattr(fn, "__name__", type(fn).__name__)
_CMP_NAMES = {"<": "lt", "<=": "le", "==": "eq", "!=": "ne", ">": "gt", ">=": "ge"}
_UNBOXED = (INT, FLOAT, BOOL)


@dataclass(frozen=True)
class MaybeUnbound:
    """A local bound on some paths into a point but not others: its slot of `type` holds the
    value, and a bool slot says whether it is bound."""

    type: JType


def _bound_type(entry):
    return entry.type if isinstance(entry, MaybeUnbound) else entry


@dataclass
class State:
    """Types at a point: each fast local's type (None: unbound; MaybeUnbound) and the
    stack's kinds."""

    locals: tuple
    stack: tuple


def basic_blocks(code: CodeObject) -> list[int]:
    """Leader indices: the entry, every jump target, every instruction after a jump."""
    leaders = {0}
    for index, (op, arg) in enumerate(code.instructions):
        info = OPCODES[op]
        if Flag.JUMP in info.flags:
            leaders.add(arg)
            leaders.add(index + 1)
        elif Flag.TERMINAL in info.flags:
            leaders.add(index + 1)
    return sorted(i for i in leaders if i < len(code.instructions))


# The boxed-value half of the translation uses the entries above.
from .frontend_entries import COMPOSITE_KINDS, COMPOSITES  # noqa: E402
from .frontend_objects import ObjectSteps  # noqa: E402
from .frontend_numbers import NumberSteps  # noqa: E402
from .frontend_module import ModuleSteps  # noqa: E402
from .frontend_handlers import HandlerSteps  # noqa: E402
from .frontend_generators import (GeneratorSteps, add_generator_entry,  # noqa: E402
                                  refuse_generator, resume_leaders)


class _Translator(NumberSteps, ObjectSteps, ModuleSteps, HandlerSteps, GeneratorSteps):
    """Walks a code object's blocks; with `fn` set it also emits IR."""

    def __init__(self, jit, code: CodeObject, globals_: dict, argtypes: tuple[JType, ...],
                 fn: JitFunction | None):
        self.jit = jit
        self.code = code
        self.globals = globals_
        self.builtins = globals_.get("__builtins__", builtins)
        if not isinstance(self.builtins, dict):
            self.builtins = self.builtins.__dict__
        self.argtypes = argtypes
        self.fn = fn
        # (local index, kind) → its slot, registered in `fn` already: deopt points list
        # every local, and there are thousands of them in a large function.
        self._local_slots: dict[tuple, tuple] = {}
        self.block: Block | None = None
        self.return_types: set[JType] = set()
        self.values = 0
        self.entry_pc = 0
        self.exits: list[tuple[int, str]] = []  # (instruction index, why) of side exits
        self.soft_exits: list[tuple[int, str]] = []  # ... at instructions not run yet
        self.maybe_locals: set[tuple[int, JType]] = set()  # locals that need a bound flag
        self.block_exits: dict[int, tuple[int, str]] = {}  # block start → its side exit
        # Locals and stack depths whose numbers are boxed (`obj`) because their type differs
        # between paths into a join (see `translate`).
        self.widen_locals: frozenset[int] = frozenset()
        self.widen_depths: frozenset[tuple[int, int]] = frozenset()  # (block start, depth)
        self.box_returns = False  # every return boxes its value (they differ in type)
        self.mixed: set[int] = set()  # ids of Values read from widened locals or depths
        # Locals and (block start, depth) stack positions whose type splits a block into
        # versions, one per combination of their types (see frontend_widen), and the
        # versions found by the type walk: block start → [version key].
        self.split_locals: frozenset[int] = frozenset()
        self.split_depths: frozenset[tuple[int, int]] = frozenset()
        self.versions: dict[int, list] = {}
        self.current_name = ""  # the block being translated (its sub-blocks extend it)
        # A module-level loop (module_loops.py): its variables, locals here, are written to
        # the module's dict before each instruction that may run Python code ("escapes").
        self.promoted = getattr(code, "promoted", None)
        self.escaped = False  # the instruction being translated escapes
        # Exception handlers compiled (frontend_handlers): the landing pads the instruction
        # being translated needs, and (module level) the dict version its escape wrote.
        self.pads: list = []
        self.escape_version = None

    # -- helpers ----------------------------------------------------------------------------

    def fail(self, reason: str, index: int):
        raise NotCompilable(reason, self.code, index)

    def unprofiled(self, index: int, table: str):
        """Instruction `index` has no type feedback where a guess would decide between fast
        and generic code: the interpreter has not run it (the code was compiled before it
        ran, `--jit-threshold 0`, or on a path the warm-up did not take).  A *soft exit*
        there (ir.UNPROFILED): native code leaves at it, the interpreter runs it and records
        its feedback, and the code is made again (deopt.py), as V8 does with code that has
        no feedback yet.  Only in code the interpreter has barely run (fewer than
        WARM_ENOUGH calls and loop iterations: past that, an instruction it never reached
        is a cold path, where generic code costs less than compiling again), where the
        interpreter records that feedback (`table`, a profile table), once per instruction,
        and within the code's budget of re-makes; else generic code."""
        jit = self.jit
        if jit is None or not getattr(jit, "learn_unprofiled", False) \
                or index == self.entry_pc or hasattr(self.code, "feedback_origin"):
            return  # (fused code: its feedback is its generator expression's)
        code = getattr(self.code, "module_origin", self.code)
        if index in jit.unprofiled_taken.get(code, ()) \
                or jit.vm.profile_for(code).count >= WARM_ENOUGH \
                or not jit.may_relearn(code) \
                or self.native_handlers() and index not in self.normal_code():
            return
        jit.vm.profiling_instrs(code)  # (its recorders give their tables a key each)
        if index not in getattr(jit.vm.profile_for(code), table):
            return  # (an instruction the interpreter runs fused with the next: no record)
        raise NotCompilable(UNPROFILED, self.code, index)

    def value(self, kind) -> Value:
        """A new Value of a kind (a JType, or a Seq: a list or tuple with an element guess)."""
        if self.fn is not None:
            value = self.fn.new_value(jtype_of(kind))
        else:
            self.values += 1
            value = Value(-self.values, jtype_of(kind))
        if isinstance(kind, Seq):
            value.elem = kind.elem
        return value

    def emit(self, opcode: str, args=(), jtype: JType | None = None, deopt=None):
        result = self.value(jtype) if jtype is not None else None
        if self.fn is not None:
            self.block.ops.append(IrOp(opcode, list(args), result, deopt))
        return result

    def deopt_point(self, index: int, locals_, stack, after_call=False, reason="",
                    quiet=False):
        if self.promoted is not None and after_call and not quiet:
            self.escaped = True  # a call, or an operation that may run Python code
        if self.fn is None:
            return None
        known = self._local_slots.get
        point = DeoptPoint(len(self.fn.deopts), index,
                           [known((i, t)) or self._deopt_local(i, t)
                            for i, t in enumerate(locals_)],
                           list(stack), after_call, reason)
        point.synced = self.escaped  # (after the escape's writes: the dict holds them)
        self.fn.deopts.append(point)
        return point

    def _deopt_local(self, i: int, jtype):
        """Where a local lives for a deopt record: None (unbound), its slot, or for a maybe-
        unbound local ("maybe", bound-flag slot, value slot)."""
        if jtype is None:
            return None
        if isinstance(jtype, MaybeUnbound):
            return ("maybe", self._bound_slot(i, jtype.type), self._local_slot(i, jtype.type))
        slot = self._local_slots[i, jtype] = self._local_slot(i, jtype)
        return slot

    def to_int(self, v: Value) -> Value:
        return self.emit("btoi", [v], INT) if v.type is BOOL else v

    def to_float(self, v: Value) -> Value:
        if v.type is FLOAT:
            return v
        return self.emit("itof", [self.to_int(v)], FLOAT)

    def truth(self, v: Value) -> Value:
        if v.type is BOOL:
            return v
        return self.emit(f"truth.{v.type}", [v], BOOL)

    def resolve_global(self, name: str, index: int):
        if name in self.globals:
            return self.globals[name]
        if name in self.builtins:
            return self.builtins[name]
        self.fail(f"global {name!r} is not defined", index)

    # -- the walk -----------------------------------------------------------------------------

    def run_block(self, start: int, end: int, state: State):
        """Translate instructions start..end-1 from `state`; returns [(successor, State)]."""
        self.current_name = self._block_name(start, state)
        node = (start, self.version_key(start, state))
        locals_ = list(state.locals)
        stack = list(self._load_stack(state.stack))
        for depth, entry in enumerate(stack):
            if (start, depth) in self.widen_depths and isinstance(entry, Value):
                self.mixed.add(entry.id)
        code = self.code
        index = start
        caught = []  # edges into exception handlers (frontend_handlers)
        while index < end:
            op, arg = code.instructions[index]
            mark = len(self.block.ops) if self.fn is not None else 0
            saved = (list(locals_), list(stack))
            start_block, self.escaped = self.block, False
            self.pads, self.escape_version = [], None
            try:
                if self.promoted is not None:
                    self.module_step_allowed(index, op)
                outcome = self.step(index, op, arg, locals_, stack)
                if self.escaped:
                    self.sync_names(index, saved, start_block, mark, outcome, stack)
            except NotCompilable as exc:
                if index == self.entry_pc:
                    raise  # nothing would run natively
                # A side exit: the interpreter takes over at this instruction.
                self.escaped = False
                self.pads = []
                if self.fn is not None:
                    self.block = start_block
                    del self.block.ops[mark:]
                locals_, stack = saved
                (self.soft_exits if exc.reason == UNPROFILED else self.exits).append(
                    (index, exc.reason))
                self.block_exits[node] = (index, exc.reason)
                point = self.deopt_point(index, locals_, stack, reason=exc.reason)
                if point is not None and self.native_handlers():
                    point.handling = index not in self.normal_code()
                self.emit("exit", [repr(exc.reason)], None, point)
                return None if self.fn is not None else [("exit", None)] + caught
            if self.pads:
                caught += self.emit_pads()
            if outcome is not None:
                return outcome + caught
            index += 1
        # fall through into the next block
        self._spill(stack, [end], lambda: self.deopt_point(end, locals_, stack,
                                                             reason="boxing"))
        state = State(tuple(locals_), tuple(_kind(e) for e in stack))
        if self.fn is not None:
            self.block.ops.append(IrOp("jump", [self._block_name(end, state)]))
        return [(end, state)] + caught

    def version_key(self, pc: int, state: State):
        return _version_key(pc, state, self.split_locals, self.split_depths)

    def _block_name(self, pc: int, state: State) -> str:
        """The name of the version of block `pc` that `state` enters (`b12`, `b12.v1`)."""
        if self.fn is None:
            return f"b{pc}"
        if pc not in self.versions:  # (the walk stopped before it: a side exit it took)
            raise NotCompilable("a block the type walk did not reach", self.code, pc)
        version = self.versions[pc].index(self.version_key(pc, state))
        return f"b{pc}" if version == 0 else f"b{pc}.v{version}"

    def _load_stack(self, kinds):
        """Stack entries at a block entry are reloaded from their spill slots."""
        for depth, kind in enumerate(kinds):
            if isinstance(kind, (JType, Seq)):
                value = self.emit("load", [self._spill_slot(depth, kind)], kind)
                value.owned = value.type in BOXED  # spilled entries own their objects
                yield value
            elif isinstance(kind, tuple) and kind[0] in COMPOSITE_KINDS:
                yield self._load_composite(depth, kind)
            elif kind in ("range", "rangeiter"):
                parts = [self.emit("load", [self._spill_slot(depth, INT, part)], INT)
                         for part in ("a", "b", "c")]
                yield (RangeArgs if kind == "range" else RangeIter)(*parts)
            else:
                yield self._consts[kind]

    def _spill_slot(self, depth: int, jtype: JType, part: str = ""):
        name = f"$s{depth}{part}"
        jtype = jtype_of(jtype)
        return self.fn.slot(name, jtype) if self.fn is not None else (name, jtype)

    def _spill(self, stack, targets, redo):
        """Store the stack entries that cross into the blocks at `targets` in their spill
        slots.  A number or None at a depth widened at one of those blocks is boxed first;
        `redo()` makes the deopt point where the interpreter takes over if that fails (the
        state before this spill)."""
        widen = {depth for depth, entry in enumerate(stack) if _widenable_entry(entry)
                 and any((t, depth) in self.widen_depths for t in targets)}
        if widen:
            point = redo()
            for depth in sorted(widen):
                entry = stack[depth]
                if isinstance(entry, Value) and entry.type in (LIST, TUPLE):  # as an `obj`
                    stack[depth] = self.kind_value("cast", [entry], OBJ, owned=entry.owned)
                else:
                    stack[depth] = self.box(entry, None, point)
        for depth, entry in enumerate(stack):
            if isinstance(entry, Value) and entry.type in BOXED and not entry.owned:
                entry = stack[depth] = self.newref(entry)  # spill slots own their objects
            if isinstance(entry, COMPOSITES):
                for i, part in enumerate(entry.parts()):
                    self.emit("store", [self._spill_slot(depth, part.type, f"p{i}"), part])
            elif isinstance(entry, Value):
                self.emit("store", [self._spill_slot(depth, entry.type), entry])
            elif isinstance(entry, (RangeArgs, RangeIter)):
                for part, value in zip(("a", "b", "c"), entry.parts()):
                    self.emit("store", [self._spill_slot(depth, INT, part), value])
            else:
                self._consts[entry.kind()] = entry

    def load_local(self, i: int, jtype: JType) -> Value:
        return self.emit("load", [self._local_slot(i, jtype)], jtype)

    def _bound_slot(self, i: int, jtype: JType):
        name = f"{self.code.varnames[i]}?{jtype_of(jtype)}"
        return self.fn.slot(name, BOOL) if self.fn is not None else (name, BOOL)

    def _local_slot(self, i: int, jtype: JType):
        name = self.code.varnames[i]
        jtype = jtype_of(jtype)
        return self.fn.slot(name, jtype) if self.fn is not None else (name, jtype)


def translate(jit, fn_name: str, code: CodeObject, globals_: dict,
              argtypes: tuple[JType, ...], assumed_return: JType | None,
              fn: JitFunction, osr: tuple[int, State] | None = None,
              range_steps: tuple = (), steal_locals: bool = False,
              generator: bool = False) -> JitFunction:
    """Build `fn` (already registered, so recursive calls find it) from `code`.

    With `osr = (loop header index, State there)`, build an on-stack-replacement entry: the
    arguments are the bound locals and the stack entries at the header (a range iterator as
    three ints), and execution starts at the header.  `range_steps`: for each stack entry, the
    step of a range iterator compiled in as a constant (its argument is then not read), or
    None.  `generator`: the body of generator `code` as a resumable function
    (frontend_generators.py)."""
    if (code.cellvars or code.freevars) and not jit.objects:
        raise NotCompilable("closures are not supported by the JIT yet", code)
    if generator:
        refuse_generator(code)
    elif code.generator and (osr is None or code.generator != CodeFlags.GENERATOR):
        # (a generator's loop without a `yield` of its own is entered by OSR, and its
        # `yield`s leave native code: see JIT._generator_loop)
        raise NotCompilable("generators are not supported by the JIT", code)
    if osr is None and len(argtypes) != code.total_args:  # (the parameters, bound)
        raise NotCompilable("arguments that do not fit the parameters", code)
    fn.returns_mixed = True  # unknown while translating (a recursive call): no guesses
    leaders = basic_blocks(code)
    if generator:
        leaders = sorted(set(leaders) | resume_leaders(code) - {len(code.instructions)})
    ends = dict(zip(leaders, leaders[1:] + [len(code.instructions)]))
    guesses: dict = {}  # the interpreter's feedback, read once for every walk
    if osr is None:
        entry_pc = 0
        entry = State(tuple(list(argtypes) + [None] * (len(code.varnames) - len(argtypes))),
                      ())
    else:
        entry_pc, entry = osr

    # Pass 1: types at every block entry.  Where a local or stack entry reaches a join with
    # different types (an int accumulator that becomes a float, a number or None), the block
    # is split into versions, one per type (so the loop after a first iteration with an int
    # keeps an unboxed float); past MAX_VERSIONS versions of a block, the positions that
    # vary are widened to a boxed `obj` instead.  Each decision walks the code again; splits
    # and widenings only grow, so this ends (frontend_widen).
    plan = WideningPlan()
    while True:
        walker = _Translator(jit, code, globals_, argtypes, None)
        walker.generator_mode = generator
        walker._consts = {}
        walker.guesses = guesses
        walker.entry_pc = entry_pc
        plan.apply(walker)
        entry_w = _widen_entry(entry, entry_pc, plan.widen_locals, plan.widen_depths)
        try:
            states, successors = _walk_types(walker, code, entry_pc, entry_w, ends)
            break
        except _Conflict as conflict:
            if not plan.resolve(conflict):
                raise NotCompilable("a variable or stack entry changes type in a loop or "
                                    "at a join", code, conflict.pc) from None
    # Returns of different numeric types (or None) all return a boxed value.
    box_returns = len(walker.return_types) > 1 and walker.return_types <= _RETURN_WIDENABLE

    _check_entry_path(code, (entry_pc, walker.version_key(entry_pc, entry_w)), successors,
                      walker.block_exits)

    # Pass 2: emit.
    builder = _Translator(jit, code, globals_, argtypes, fn)
    builder.generator_mode = generator
    fn.resumes = []
    builder._consts = walker._consts
    builder.guesses = walker.guesses
    builder.entry_pc = entry_pc
    plan.apply(builder)
    builder.versions = walker.versions
    builder.box_returns = box_returns
    builder.maybe_locals = {(i, jtype_of(t.type)) for state in states.values()
                            for i, t in enumerate(state.locals) if isinstance(t, MaybeUnbound)}
    prologue = Block("entry", entry_pc)
    fn.blocks.append(prologue)
    builder.block = prologue
    for i, jtype in sorted(builder.maybe_locals):  # not bound yet, unless an argument below
        builder.emit("store", [builder._bound_slot(i, jtype),
                               builder.emit("const", [BOOL, False], BOOL)])
    params = iter(range(len(argtypes)))
    for i, jtype in enumerate(entry.locals):
        if jtype is not None:
            value = builder.emit(builder.param_op, [next(params)], jtype)
            if value.type in BOXED and not steal_locals:  # borrowed from the caller; the
                builder.emit("incref", [value])  # local owns a reference (an interpreter
                # frame's OSR entry hands its own over: `steal_locals`, JIT.osr)
            builder.emit("store", [builder._local_slot(i, jtype), value])
            if (i, jtype) in builder.maybe_locals:
                builder.emit("store", [builder._bound_slot(i, jtype),
                                       builder.emit("const", [BOOL, True], BOOL)])
    for depth, kind in enumerate(entry.stack):
        if isinstance(kind, tuple) and kind[0] in COMPOSITE_KINDS:
            builder.osr_composite(depth, kind, params)
        elif isinstance(kind, (JType, Seq)):
            value = builder.emit(builder.param_op, [next(params)], kind)
            if value.type in BOXED:
                builder.emit("incref", [value])
            builder.emit("store", [builder._spill_slot(depth, kind), value])
        else:  # a range iterator: three ints
            for part in ("a", "b", "c"):
                value = builder.emit(builder.param_op, [next(params)], INT)
                if part == "c" and depth < len(range_steps) and range_steps[depth] is not None:
                    value = builder.emit("const", [INT, range_steps[depth]], INT)
                builder.emit("store", [builder._spill_slot(depth, INT, part), value])
    if code.has_cells:  # the function's cells arrive as a tuple, after the arguments
        builder.enter_cells(len(fn.argtypes) - 1)
    entry_stack = list(builder._load_stack(entry.stack))
    widen_arguments(builder, entry, entry_w, entry_stack)
    if builder.promoted is not None:  # a module-level loop: are its entry values current?
        builder.check_entry_version(next(params), entry_pc, entry_w.locals, entry_stack)
    builder.emit("enter", [], None,
                 builder.deopt_point(entry_pc, entry_w.locals, entry_stack,
                                     reason="native recursion limit"))
    builder.emit("jump", [builder._block_name(entry_pc, entry_w)])
    for start in leaders:
        for key in walker.versions.get(start, ()):  # none: unreachable
            state = states[(start, key)]
            block = Block(builder._block_name(start, state), start)
            fn.blocks.append(block)
            builder.block = block
            builder.run_block(start, ends[start], state)
    fn.exits = builder.exits
    fn.soft_exits = builder.soft_exits
    # Boxed locals start as NULL: a slot of a boxed type holds a reference only while its
    # local holds that type (see frontend_objects).
    prologue.ops[0:0] = [IrOp("clear", [slot]) for slot in fn.slots
                         if slot[1] in BOXED and not slot[0].startswith("$")]
    if generator:
        add_generator_entry(fn, prologue)
    fn.return_elem = getattr(builder, "return_elem", None)
    returns = builder.return_types | (walker.return_types if not box_returns else set())
    if len(returns) > 1:
        raise NotCompilable("returns values of different types: "
                            + ", ".join(sorted(str(t) for t in returns)), code)
    fn.return_type = returns.pop() if returns else NONE
    fn.returns_mixed = box_returns
    return fn


def _check_entry_path(code, entry, successors: dict, exits: dict):
    """Refuse code whose straight-line path from the entry block (a (start, version key)
    node) always reaches a side exit: it would deoptimize on every call."""
    seen = set()
    block = entry
    while block not in seen:
        seen.add(block)
        following = successors.get(block, [])
        if following == ["exit"]:
            index, reason = exits[block]
            if reason == UNPROFILED:
                return  # (taken once: the code is made again with what it learns there)
            raise NotCompilable(reason, code, index)
        if len(following) != 1:
            return
        block = following[0]


# Widening (types that differ at a join) uses the classes above.
from .frontend_widen import (_RETURN_WIDENABLE, WideningPlan, _Conflict,  # noqa: E402
                             _version_key, _walk_types, _widen_entry, _widenable_entry,
                             widen_arguments)

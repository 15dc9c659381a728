"""Types that differ between paths into a block: block versions, and widening to `obj`.

In: the conflicts of the type walk — two paths reaching the same block with different types
for a local or a stack entry (`total = 0` then `total += x` with x a float; `a if c else b`
with an int and a float; `best = None` then a number).  Out: a `WideningPlan` for
`frontend.translate` to walk the code again with, until no conflict is left.  The joins
themselves are here too (`_merge`: two states into a block, merged where they agree).

First choice: split.  The conflicting local (or stack entry at that block) becomes part of
every block's *version key*: the walk keeps one state per (block, types of the split
positions), so `total` has an int version of the loop header (entered once, from the
function's start) and a float version (from the back-edge): the first iteration is peeled
off, and the hot loop adds unboxed floats.  Each version is translated on its own, with its
own slots (`total:int`, `total:float`), deopt records and guards; returns that then differ in
type return a boxed `obj`.  Measured on mean/variance over lists of floats (README,
bench/programs/stats.py): about 2x faster than CPython, where boxing every conflicting value
was only as fast as CPython and on-stack replacement on every call twice as slow.

Fallback: widen.  Past MAX_VERSIONS versions of one block (several accumulators that may each
turn float), or where versions still do not merge, one varying position at a time becomes a
boxed `obj` (a PyObject*): every Python value fits (an int stays an int, a bool a bool, an int
beyond 64 bits is just another object, None is None), so the code still means exactly what the
interpreter does.  Operators on it are the C-API's (PyNumber_Add, ...), or, where the
interpreter saw one numeric type there, a guarded unbox and the machine operation
(frontend_calls; a widened value gets no such guess without feedback).  A widened local is
boxed where it is stored (STORE_FAST; an argument in the prologue); a widened stack entry
where it is spilled into the join.

Reference counting follows frontend_objects: a boxed value made here is owned, a widened
local's slot owns its object, spill slots own theirs; deopt points taken before boxing
describe the unboxed state, so the interpreter redoes the instruction if an allocation fails.
"""

from __future__ import annotations

from .frontend import Const, MaybeUnbound, State, Value, _UNBOXED, _bound_type
from .frontend_entries import COMPOSITE_KINDS, _cap
from .types import BOOL, FLOAT, INT, LIST, NONE, OBJ, TUPLE, Seq, join_elem

# Kinds that widen to a boxed `obj` at a join: numbers, objects, lists and tuples; on the
# stack also None (a compile-time constant); returns also none.
_WIDENABLE = frozenset({INT, FLOAT, BOOL, OBJ})
_RETURN_WIDENABLE = _WIDENABLE | {NONE, LIST, TUPLE}  # (a list or None: both as `obj`)
_NONE_KIND = Const(None).kind()


def _widenable_entry(entry) -> bool:
    """A stack entry that is boxed when it crosses into a join widened to `obj` (a number,
    None, or a constant object such as the "no" of `x and "yes" or "no"`)."""
    return (isinstance(entry, Value) and (entry.type in _UNBOXED or entry.type in (LIST, TUPLE))
            or isinstance(entry, Const))


def _widenable_kind(kind) -> bool:
    return (kind in _WIDENABLE or kind == _NONE_KIND or isinstance(kind, Seq)
            or isinstance(kind, tuple) and len(kind) == 2 and kind[0] == "const")


class _Conflict(Exception):
    """Two paths reach block `pc` with states that do not merge; or (`overflow`: the keys of
    its versions) a state would make one version too many."""

    def __init__(self, seen: State | None, state: State, pc: int, keys=None):
        super().__init__(pc)
        self.seen, self.state, self.pc, self.keys = seen, state, pc, keys
        self.overflow = keys is not None


def _conflicts(a: State, b: State, pc: int):
    """(locals, {(pc, depth)}) to widen so that `a` and `b` merge at `pc`, or None when a
    conflict cannot be widened (an iterator against a number, stacks of different depths)."""
    if len(a.stack) != len(b.stack):
        return None
    depths = set()
    for depth, (x, y) in enumerate(zip(a.stack, b.stack)):
        if x != y and _stack_join(x, y) is None:
            if not (_widenable_kind(x) and _widenable_kind(y)):
                return None
            depths.add((pc, depth))
    locals_ = set()
    for i, (x, y) in enumerate(zip(a.locals, b.locals)):
        if x == y or _seq_join(x, y) is not None:
            continue
        kinds = {_bound_type(t) for t in (x, y) if t is not None}
        if len(kinds) == 1:
            continue
        if not all(_widenable_kind(k) and k != _NONE_KIND for k in kinds):
            return None
        locals_.add(i)
    return locals_, depths


def _widen_entry(entry: State, pc: int, widen_locals, widen_depths) -> State:
    """The entry state with widened arguments (and OSR stack entries) as `obj`: the prologue
    boxes them (`widen_arguments`)."""
    locals_ = tuple(OBJ if i in widen_locals and t is not None else t
                    for i, t in enumerate(entry.locals))
    stack = tuple(OBJ if (pc, d) in widen_depths and _widenable_kind(k) else k
                  for d, k in enumerate(entry.stack))
    return State(locals_, stack)


MAX_VERSIONS = 4  # versions of one block; past that, the positions that vary are boxed


def _version_key(pc: int, state: State, split_locals, split_depths):
    """Which version of block `pc` a state enters: the types of its split locals and of the
    split stack entries there (MaybeUnbound counts as its type; any other kind as itself)."""
    def base(kind):
        kind = _bound_type(kind) if kind is not None else None
        return kind.type if isinstance(kind, Seq) else kind
    return (tuple(base(state.locals[i]) for i in sorted(split_locals))
            + tuple(base(state.stack[d]) if d < len(state.stack) else None
                    for p, d in sorted(split_depths) if p == pc))


class WideningPlan:
    """The positions that split blocks into versions, and those widened to `obj`; grown by
    `resolve` from each conflict of the type walk."""

    def __init__(self):
        self.split_locals: set[int] = set()
        self.split_depths: set[tuple[int, int]] = set()
        self.widen_locals: set[int] = set()
        self.widen_depths: set[tuple[int, int]] = set()

    def apply(self, translator):
        translator.split_locals = frozenset(self.split_locals)
        translator.split_depths = frozenset(self.split_depths)
        translator.widen_locals = frozenset(self.widen_locals)
        translator.widen_depths = frozenset(self.widen_depths)

    def resolve(self, conflict) -> bool:
        """Split or widen so that the walk can go past `conflict`; False if nothing can."""
        if conflict.overflow:
            # Too many versions: box one position that varies between them (the last: a
            # stack entry before a local), and walk again; the others keep their versions.
            keys = conflict.keys
            positions = ([("local", i) for i in sorted(self.split_locals)]
                         + [("depth", pd) for pd in sorted(self.split_depths)
                            if pd[0] == conflict.pc])
            varying = [p for n, p in enumerate(positions) if len({k[n] for k in keys}) > 1]
            if not varying:
                return False
            kind, where = varying[-1]
            if kind == "local":
                self.split_locals.discard(where)
                self.widen_locals.add(where)
            else:
                self.split_depths.discard(where)
                self.widen_depths.add(where)
            return True
        found = _conflicts(conflict.seen, conflict.state, conflict.pc)
        if found is None:
            return False
        new_locals = found[0] - self.split_locals - self.widen_locals
        new_depths = found[1] - self.split_depths - self.widen_depths
        if new_locals or new_depths:  # first conflict there: split the block
            self.split_locals |= new_locals
            self.split_depths |= new_depths
            return True
        # Split already, and the versions still do not merge: box them.
        again_locals = found[0] & self.split_locals
        again_depths = found[1] & self.split_depths
        if not (again_locals or again_depths):
            return False
        self.split_locals -= again_locals
        self.split_depths -= again_depths
        self.widen_locals |= again_locals
        self.widen_depths |= again_depths
        return True


def _walk_types(walker, code, entry_pc: int, entry: State, ends: dict):
    """Pass 1: the state at every reachable (block start, version key), and each one's
    successors; `walker.versions` lists each block's version keys.  Raises _Conflict where
    two states do not merge, or a block would have too many versions."""
    first = (entry_pc, walker.version_key(entry_pc, entry))
    walker.versions = {entry_pc: [first[1]]}
    states = {first: entry}
    successors: dict[tuple, list] = {}
    work = [first]
    while work:
        node = work.pop()
        outcome = walker.run_block(node[0], ends[node[0]], states[node])
        successors[node] = [(target, walker.version_key(target, state))
                            if target != "exit" else "exit" for target, state in outcome]
        for successor, state in outcome:
            if successor == "exit":
                continue
            key = walker.version_key(successor, state)
            target = (successor, key)
            seen = states.get(target)
            if seen is None:
                keys = walker.versions.setdefault(successor, [])
                if len(keys) >= MAX_VERSIONS:
                    raise _Conflict(None, state, successor, keys + [key])
                keys.append(key)
                states[target] = state
                work.append(target)
            elif seen != state:
                merged = _merge(seen, state)
                if merged is None:
                    raise _Conflict(seen, state, successor)
                if merged != seen:
                    states[target] = merged
                    work.append(target)
    return states, successors


def widen_arguments(builder, entry: State, widened: State, entry_stack: list):
    """In the prologue: move arguments (and OSR stack entries) that the walk widened from
    their typed slots into `obj` ones, boxing numbers.  `entry_stack` (the entry's stack
    Values) is updated in place.  A failed allocation deoptimizes to the unwidened entry."""
    locals_ = [i for i, (t, w) in enumerate(zip(entry.locals, widened.locals)) if t != w]
    depths = [d for d, (k, w) in enumerate(zip(entry.stack, widened.stack)) if k != w]
    if not (locals_ or depths):
        return
    point = builder.deopt_point(builder.entry_pc, entry.locals, list(entry_stack),
                                reason="boxing")
    for i in locals_:
        value = builder.load_local(i, entry.locals[i])
        if value.type in _UNBOXED:
            boxed = builder.box(value, None, point)
        else:  # a list or tuple: the slot's reference moves to the `obj` slot
            boxed = builder.kind_value("cast", [value], OBJ, owned=True)
            builder.emit("clear", [builder._local_slot(i, entry.locals[i])])
        builder.emit("store", [builder._local_slot(i, OBJ), boxed])
        if (i, OBJ) in builder.maybe_locals:
            builder.emit("store", [builder._bound_slot(i, OBJ),
                                   builder.emit("const", [BOOL, True], BOOL)])
    for d in depths:
        value = entry_stack[d]
        if isinstance(value, Value) and value.type not in _UNBOXED:
            boxed = builder.kind_value("cast", [value], OBJ, owned=True)
        else:  # a number, or None
            boxed = builder.take(builder.box(value, None, point))
        entry_stack[d] = boxed
        builder.emit("store", [builder._spill_slot(d, OBJ), boxed])


# -- joins ---------------------------------------------------------------------------------------


def _seq_join(x, y):
    """Two kinds of a list or tuple local, joined (their element guesses merge)."""
    maybe = isinstance(x, MaybeUnbound) or isinstance(y, MaybeUnbound) or None in (x, y)
    xs, ys = (k.type if isinstance(k, MaybeUnbound) else k for k in (x, y))
    if not (isinstance(xs, Seq) and isinstance(ys, Seq) and xs.type is ys.type):
        return None
    joined = _cap(Seq(xs.type, join_elem(xs.elem, ys.elem)))
    return MaybeUnbound(joined) if maybe else joined


def _stack_join(a, b):
    """Stack kinds at a join: equal, or lists and tuples whose element guesses merge."""
    if isinstance(a, Seq) and isinstance(b, Seq) and a.type is b.type:
        return _cap(Seq(a.type, join_elem(a.elem, b.elem)))
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) and a[0] == b[0] \
            and a[0] in COMPOSITE_KINDS:
        parts = tuple(_stack_join(x, y) for x, y in zip(a, b))
        return None if None in parts else parts
    return a if a == b else None


def _merge(a: State, b: State) -> State | None:
    """Join two states: a local bound on one path only becomes MaybeUnbound; types must
    agree (the element guesses of lists and tuples merge)."""
    if len(a.stack) != len(b.stack):
        return None
    if a.stack != b.stack:
        stack = tuple(_stack_join(x, y) for x, y in zip(a.stack, b.stack))
        if None in stack:
            return None
        a = State(a.locals, stack)
    merged = []
    for x, y in zip(a.locals, b.locals):
        if x == y:
            merged.append(x)
            continue
        if _seq_join(x, y) is not None:
            merged.append(_seq_join(x, y))
            continue
        types = {_bound_type(t) for t in (x, y) if t is not None}
        if len(types) != 1:
            return None
        merged.append(MaybeUnbound(types.pop()))
    return State(tuple(merged), a.stack)

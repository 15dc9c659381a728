"""Widening: a local or stack entry whose type differs between paths into a join.

In: the states of two paths that reach the same block with different types for a local or a
stack entry (`total = 0` then `total += x` with x a float; `a if c else b` with an int and a
float; `best = None` then a number).  Out: the locals and (block, depth) stack positions to
hold a boxed `obj` instead, for `frontend.translate` to walk the code again with.

Why boxing.  Every Python value fits in an `obj` (a PyObject*): an int stays an int, a bool a
bool, an int beyond 64 bits is just another object, and None is None, so the widened code means
exactly what the interpreter does.  Operators on it are the C-API's (PyNumber_Add, ...), or,
where the interpreter saw one numeric type there, a guarded unbox and the machine operation
(frontend_calls).  A widened local is boxed where it is stored (STORE_FAST; an argument in the
prologue); a widened stack entry where it is spilled into the join.  The cost is an allocation
per store of a float — far cheaper than interpreting; the alternative, peeling the first loop
iteration so that the loop keeps the back-edge's unboxed type, is not done (see README).

Reference counting follows frontend_objects: a boxed value made here is owned, a widened local's
slot owns its object, spill slots own theirs; deopt points taken before boxing describe the
unboxed state, so the interpreter redoes the instruction if an allocation fails.
"""

from __future__ import annotations

from .frontend import (Const, State, Value, _UNBOXED, _bound_type, _merge, _seq_join,
                       _stack_join)
from .types import BOOL, FLOAT, INT, NONE, OBJ, Seq

# Kinds that widen to a boxed `obj` at a join: numbers, objects, lists and tuples; on the
# stack also None (a compile-time constant); returns also none.
_WIDENABLE = frozenset({INT, FLOAT, BOOL, OBJ})
_RETURN_WIDENABLE = _WIDENABLE | {NONE}
_NONE_KIND = Const(None).kind()


def _widenable_entry(entry) -> bool:
    """A stack entry that is boxed when it crosses into a join widened to `obj`."""
    return (isinstance(entry, Value) and entry.type in _UNBOXED
            or isinstance(entry, Const) and entry.value is None)


def _widenable_kind(kind) -> bool:
    return kind in _WIDENABLE or kind == _NONE_KIND or isinstance(kind, Seq)


class _Conflict(Exception):
    """Two paths reach block `pc` with states that do not merge."""

    def __init__(self, seen: State, state: State, pc: int):
        super().__init__(pc)
        self.seen, self.state, self.pc = seen, state, pc


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


def _walk_types(walker, code, entry_pc: int, entry: State, ends: dict):
    """Pass 1: the state at every reachable block entry, and each block's successors.  Raises
    _Conflict where two states do not merge."""
    states = {entry_pc: entry}
    successors: dict[int, list] = {}
    work = [entry_pc]
    while work:
        start = work.pop()
        outcome = walker.run_block(start, ends[start], states[start])
        successors[start] = [target for target, _ in outcome]
        for successor, state in outcome:
            if successor == "exit":
                continue
            seen = states.get(successor)
            if seen is None:
                states[successor] = state
                work.append(successor)
            elif seen != state:
                merged = _merge(seen, state)
                if merged is None:
                    raise _Conflict(seen, state, successor)
                if merged != seen:
                    states[successor] = merged
                    work.append(successor)
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

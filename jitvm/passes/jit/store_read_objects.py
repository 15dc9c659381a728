"""Store the object an item was read as, instead of boxing its unboxed value again.

In: a JitFunction.  Out: the same function where

    %x:obj = getitem.list %a, %i
    guard_type %x, float
    %v:float = unbox.float %x
    setitem.list %b, %j, %v          ; or append.list %b, %v

becomes `setitem.list %b, %j, %x` when only operations that release nothing come between
the unbox and the store (`borrow_refs.SAFE`: so whatever holds `%x` still does).  `b[j] =
a[i]` then stores the very object `a[i]` holds, as CPython does (`b[j] is a[i]`), with no
new float or int to allocate; the store takes its own reference as for any borrowed object.
The store's deopt point keeps `%v`: redoing the store in the interpreter needs the value,
which is the same.
"""

from __future__ import annotations

from .borrow_refs import SAFE, SAFE_PREFIXES

UNBOXES = {"unbox.int", "unbox.float", "unbox.bool"}
# Reads that give a borrowed item (an owned object would be consumed by the store, and
# released again by whoever owns it).
ITEM_READS = {"getitem.list", "getitem.tuple", "item.list", "item.tuple"}


def run(fn):
    for block in fn.blocks:
        items = set()  # ids of items read in this block
        read_as: dict[int, object] = {}  # unboxed value id → the item it was read from
        for op in block.ops:
            if op.opcode in ITEM_READS and op.result is not None:
                items.add(op.result.id)
            if op.opcode in UNBOXES and op.result is not None and op.args[0].id in items:
                read_as[op.result.id] = op.args[0]
            elif op.opcode in ("setitem.list", "append.list"):
                value = op.args[-1]
                source = read_as.get(getattr(value, "id", None))
                if source is not None:
                    op.args = op.args[:-1] + [source]
                read_as.clear()  # a store releases the old item
            elif not (op.opcode in SAFE or op.opcode.startswith(SAFE_PREFIXES)
                      or op.opcode == "store"):
                read_as.clear()
    return fn

"""Jump threading: a jump to an unconditional jump goes straight to the final target.

In: an instruction list.  Out: a new one where

* a jump (conditional or not, FOR_ITER included) whose target label is immediately followed
  (other labels aside) by JUMP_FORWARD/JUMP_BACKWARD M is retargeted to M, hop after hop;
  a chain that comes back to a label already passed (an empty infinite loop) stops there;
* an unconditional jump to the label(s) right after it becomes a NOP keeping its position
  (remove_unreachable drops it unless it is the only instruction of its line).

Invariant: every path runs the same instructions, minus unconditional jumps, with the same stack
depths (an unconditional jump has no stack effect, so every kind of jump may skip it, the
JUMP_IF_*_OR_POP and FOR_ITER ones included).  Loop back-edges stay unconditional JUMP_BACKWARDs,
which the interpreter counts for hotness: a conditional jump is never retargeted to a label
before it (a chain may pass through such labels but must end after the jump).  Unconditional
jumps may go anywhere: the assembler picks JUMP_FORWARD or JUMP_BACKWARD by direction, so every
cycle keeps a JUMP_BACKWARD.  A SETUP_* pseudo-instruction after a label is never jumped over
(its handler is entered from there); threading through JUMP_IF_*_OR_POP is not attempted.
"""

from __future__ import annotations

from dataclasses import replace

from ..code import Instr, Label
from ..opcodes import JUMP_OPS, OPCODES, TERMINAL_OPS, Flag, Op

UNCONDITIONAL = JUMP_OPS & TERMINAL_OPS  # JUMP_FORWARD, JUMP_BACKWARD


def _first_instr_at(items: list, index: int):
    """The first instruction at or after `index`, skipping labels."""
    while index < len(items) and isinstance(items[index], Label):
        index += 1
    return items[index] if index < len(items) else None


def final_target(jump: Instr, here: int, items: list, labels: dict[Label, int]) -> Label:
    """Where `jump` (at index `here`) may go instead of its target."""
    conditional = Flag.CONDITIONAL in OPCODES[jump.op].flags
    best = label = jump.arg
    seen = {label}
    while True:
        nxt = _first_instr_at(items, labels[label])
        if nxt is None or nxt.op not in UNCONDITIONAL or nxt.arg in seen:
            return best
        label = nxt.arg
        seen.add(label)
        if not conditional or labels[label] > here:
            best = label


def _jumps_to_next(items: list, index: int) -> bool:
    """Is the instruction at `index` an unconditional jump to one of the labels right after it?"""
    jump = items[index]
    i = index + 1
    while i < len(items) and isinstance(items[i], Label):
        if items[i] is jump.arg:
            return True
        i += 1
    return False


def run(instrs: list) -> list:
    labels = {item: i for i, item in enumerate(instrs) if isinstance(item, Label)}
    out = list(instrs)
    for i, item in enumerate(instrs):
        if isinstance(item, Instr) and isinstance(item.arg, Label):
            target = final_target(item, i, instrs, labels)
            if target is not item.arg:
                op = item.op
                if op in UNCONDITIONAL:  # named by direction, as the assembler will
                    op = Op.JUMP_BACKWARD if labels[target] < i else Op.JUMP_FORWARD
                out[i] = replace(item, op=op, arg=target)
    for i, item in enumerate(out):
        if isinstance(item, Instr) and item.op in UNCONDITIONAL and _jumps_to_next(out, i):
            out[i] = replace(item, op=Op.NOP, arg=None)
    return out

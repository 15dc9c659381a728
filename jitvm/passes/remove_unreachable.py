"""Dead-code removal: unreachable instructions, untargeted labels and redundant NOPs.

In: an instruction list.  Out: a new one without

* instructions no path reaches.  Paths start at the first item and follow fall-through (except
  after a TERMINAL instruction: return, raise, RERAISE, an unconditional jump), jumps, and a
  SETUP_* pseudo-instruction's handler label (the assembler's stack-depth walk enters handlers
  the same way; SETUP_* itself falls through);
* labels that no remaining jump or SETUP_* targets;
* NOPs whose line another instruction already carries: the real instruction just before (with
  no label between) or just after it has the same line, or it has no line at all.  A NOP that is
  the only instruction of its source line stays, as in CPython: it keeps the line.

Invariant: every path the program can take runs the same instructions with the same positions
and handlers (only NOPs carrying a duplicate line are skipped), so stack depths, exception
table entries of live code and line numbers in tracebacks are unchanged.
"""

from __future__ import annotations

from ..code import Instr, Label
from ..opcodes import JUMP_OPS, OPCODES, SETUP_OPS, TERMINAL_OPS, Flag, Op

PSEUDO_OPS = frozenset(Op(i.code) for i in OPCODES if Flag.PSEUDO in i.flags)


def successors(item, index: int, labels: dict) -> list[int]:
    """Indices control may go to after item `index` (not counting exceptions)."""
    if isinstance(item, Label):
        return [index + 1]
    op = item.op
    out = []
    if op in SETUP_OPS:
        out.append(labels[item.arg.label])
    elif op in JUMP_OPS:
        out.append(labels[item.arg])
    if op not in TERMINAL_OPS:
        out.append(index + 1)
    return out


def reachable(items: list) -> set[int]:
    """Indices of the items some path from the first one reaches."""
    labels = {item: i for i, item in enumerate(items) if isinstance(item, Label)}
    seen: set[int] = set()
    work = [0] if items else []
    while work:
        i = work.pop()
        if i in seen or i >= len(items):
            continue
        seen.add(i)
        work.extend(successors(items[i], i, labels))
    return seen


def targets(items: list) -> set[Label]:
    """Labels some instruction of `items` jumps to or enters as an exception handler."""
    out = set()
    for item in items:
        if isinstance(item, Instr):
            if item.op in SETUP_OPS:
                out.add(item.arg.label)
            elif isinstance(item.arg, Label):
                out.add(item.arg)
    return out


def _is_real(item) -> bool:
    """An instruction that exists at run time (not a label, not a SETUP_* pseudo-op)."""
    return isinstance(item, Instr) and item.op not in PSEUDO_OPS


def _drop_redundant_nops(items: list) -> list:
    if not any(isinstance(item, Instr) and item.op == Op.NOP for item in items):
        return items
    # next_line[i]: the line of the first real instruction after item i (fall-through order).
    next_line = [None] * len(items)
    line = None
    for i in range(len(items) - 1, -1, -1):
        next_line[i] = line
        if _is_real(items[i]):
            line = items[i].pos.lineno
    out: list = []
    prev_line = None  # line of the last real instruction kept, if no label followed it
    for i, item in enumerate(items):
        if isinstance(item, Label):
            prev_line = None
        elif _is_real(item):
            line = item.pos.lineno
            if item.op == Op.NOP and (line <= 0 or line in (prev_line, next_line[i])):
                continue
            prev_line = line
        out.append(item)
    return out


def run(instrs: list) -> list:
    live = reachable(instrs)
    kept = [item for i, item in enumerate(instrs) if i in live]
    used = targets(kept)
    kept = [item for item in kept if not isinstance(item, Label) or item in used]
    return _drop_redundant_nops(kept)

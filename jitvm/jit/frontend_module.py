"""Bytecode → JIT IR for a loop at module level (a mixin of the translator).

The code translated is a view of the module's code in which the module's variables are
locals (see module_loops.py for the whole scheme).  What this adds to a function's
translation:

* an instruction that may run Python code (it makes a deopt point "after a call": a call, a
  C-API operation on an object) *escapes*: before its operations, the variables the loop can
  change are written to the module's dict (`setitem_obj`, boxing numbers), and the dict's
  version tag is read; after them, a changed tag (the callee assigned a module variable)
  deoptimizes after the instruction, where the interpreter goes on from the dict.  Deopt
  points made from the escape on are `synced`: the bridge does not write the registers back
  there.
* a loop back-edge's signal check writes the same variables before it runs signal handlers
  (or lets other threads run), and deoptimizes if the dict changed meanwhile.
* an instruction after the loop is a side exit: the interpreter goes on with the module,
  after the bridge wrote the registers back.
"""

from __future__ import annotations

import sys

from ..opcodes import Op
from .frontend import MaybeUnbound
from .module_loops import LOOP_END, MODULE_END
from .types import BOOL, INT


class ModuleSteps:
    """The module-level half of the translation (see the module docstring)."""

    def module_step_allowed(self, index, op):
        start, end = self.code.loop
        if not start <= index <= end:
            self.fail(LOOP_END, index)
        if op == Op.RETURN_VALUE:
            self.fail(MODULE_END, index)

    def sync_names(self, index, saved, start_block, mark, outcome, stack):
        """Instruction `index` escaped (see the module docstring): the writes go before its
        operations (in `start_block` from `mark`), the version check after them."""
        if outcome is not None:
            self.fail("an operation that may run Python code ends a block (module level)",
                      index)
        if self.fn is None:
            return
        locals_, stack_before = saved
        ops = start_block.ops
        tail = ops[mark:]
        del ops[mark:]
        current, self.block, self.escaped = self.block, start_block, False
        names = self.names_to_write(locals_)
        failed = self.deopt_point(index, locals_, stack_before, reason="raised")
        failed.after_call = failed.raises = True  # (out of memory: raised at the instruction)
        version = self.escape_version = self.emit("write_names", names, INT, failed)
        ops.extend(tail)
        self.block, self.escaped = current, True
        now = self.emit("dict_version", [names[0]], INT)
        same = self.emit("icmp.eq", [version, now], BOOL)
        self.emit("guard_true", [same], None,
                  self.deopt_point(index + 1, locals_, stack, reason="module variable assigned"))

    def quiet_callee(self, callee, seen=None) -> bool:
        """Can a native call of `callee` skip the writes (in a module-level loop)?  Yes if
        its native code can neither read a module variable (a global it was compiled
        against, or one it reads from the dict) nor run Python code (a C-API call that may,
        a signal check in a loop) — nor can its compiled callees.  When it deoptimizes, the bridge writes the registers
        back before it goes on in the interpreter."""
        if self.promoted is None:
            return False
        seen = set() if seen is None else seen
        if callee.name in seen:
            return True
        seen.add(callee.name)
        promoted = set(self.promoted)
        for op in callee.ops():
            if op.opcode == "check_signals" or op.deopt is not None and op.deopt.raises:
                return False
            if op.opcode == "guard" and op.args[0].namespace is self.globals \
                    and op.args[0].name in promoted:
                return False
            if op.opcode == "load_global" and op.args[2] in promoted:
                return False  # (a global some function assigns, read from the dict)
            if op.opcode == "call" and not self.quiet_callee(callee.callees[op.args[0]], seen):
                return False
        return True

    def check_entry_version(self, param, pc, locals_, stack):
        """The entry values were read from the dict when its version tag was the argument
        `param`: if it changed since (a signal handler ran), the interpreter goes on."""
        expected = self.emit("arg", [param], INT)
        now = self.emit("dict_version", [self.const_object(self.globals)], INT)
        point = self.deopt_point(pc, locals_, stack, reason="module variable assigned")
        point.synced = True
        self.emit("guard_true", [self.emit("icmp.eq", [expected, now], BOOL)], None, point)

    def names_to_write(self, locals_):
        """The operands of a write of the variables the code can change to the module's
        dict: the dict, then (name, value slot, bound-flag slot or None) for each one bound
        (or maybe bound) here, and (name, None, None) for one the loop deletes that is
        unbound here (removed from the dict if there)."""
        names = [self.const_object(self.globals)]
        for i in sorted(self.code.synced):
            kind = locals_[i]
            name = sys.intern(self.code.varnames[i])
            if kind is None:  # unbound: not in the dict either (it may have been deleted)
                if i in self.code.deleted:
                    names += [name, None, None]
                continue
            if isinstance(kind, MaybeUnbound):
                names += [name, self._local_slot(i, kind.type), self._bound_slot(i, kind.type)]
            else:
                names += [name, self._local_slot(i, kind), None]
        return names

    def signal_names(self, target, locals_, stack):
        """The operands and deopt point of a back-edge's signal check in a module-level loop:
        the variables to write before signal handlers run (`names_to_write`)."""
        names = self.names_to_write(locals_)
        point = self.deopt_point(target, locals_, stack, reason="module variable assigned")
        if point is not None:
            point.synced = True
        return names, point

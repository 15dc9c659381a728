"""The runtime helpers lowering asks the engine for, one set per module: addresses of this
process, loaded from the module's relocation table (engine.py: the IR stays address-free),
the guard checks of globals (dict-version fast path), exact int/float comparison and int
power.

In: the llvmlite module being built and the engine.  Out: IR values and functions in that
module; `relocations` (the table's contents, by slot) and `sources` (what each slot holds,
for warm_cache.recipe).
"""

from __future__ import annotations

import ctypes
import sys

from llvmlite import ir

from . import warm_cache
from .engine import RELOCS, Engine
from .ir import JitFunction
from .lower import (DICT_VERSION_OFFSET, I32, I64, I8, define_int_float_order,
                    define_int_power)

_UNNAMED = object()  # the source of a slot no later run could find (never cached by JIT IR)


class Helpers:
    """Per-module runtime helpers the lowering asks for: addresses of this process (through
    the relocation table), global guards, exact comparisons."""

    def __init__(self, module: ir.Module, engine: Engine):
        self.module = module
        self.engine = engine
        self._order = None
        self._power = None
        self._checks: dict = {}
        self.relocations: list[int] = []  # the relocation table's contents, by slot
        # what each slot holds: the object, a warm_cache.Counter, or _UNNAMED
        self.sources: list = []
        self._slots: dict[int, int] = {}  # address → slot
        self._table = None

    def keep(self, obj):
        """Compiled code uses the address of `obj`: keep it alive as long as the code."""
        self.engine._keepalive.append(obj)

    def address(self, b: ir.IRBuilder, address: int, ty=I8.as_pointer(),
                source=_UNNAMED) -> ir.Value:
        """`address` (of something of this process: `source`, which says where a later
        run finds it, see warm_cache.recipe) as a `ty`, loaded from the relocation table
        where `b` is."""
        slot = self._slots.get(address)
        if slot is None:
            slot = self._slots[address] = len(self.relocations)
            self.relocations.append(address)
            self.sources.append(source)
        if self._table is None:
            # Declared as one i64 until `finish` knows the table's length.  Its linkage stays
            # external: an internal global nobody stores to would be folded to its zeros.
            self._table = ir.GlobalVariable(self.module, I64, RELOCS + self.module.name)
        word = b.load(b.gep(self._table, [ir.Constant(I64, slot)]) if slot else self._table)
        word.set_metadata("invariant.load", self.module.add_metadata([]))
        return b.inttoptr(word, ty)

    def object(self, b: ir.IRBuilder, obj) -> ir.Value:
        """A pointer to `obj` (kept alive as long as the code)."""
        self.keep(obj)
        return self.address(b, id(obj), source=obj)

    def counter(self, b: ir.IRBuilder, name: str):
        """A pointer to the engine's run-time counter `name` (an i64 the JIT reports)."""
        return self.address(b, ctypes.addressof(self.engine.counters[name]), I64.as_pointer(),
                            source=warm_cache.Counter(name))

    def finish(self):
        """Give the relocation table its length, now that every slot is known (the loads
        index it as i64s: with LLVM's opaque pointers, the same pointer)."""
        if self._table is not None:
            self._table.value_type = ir.ArrayType(I64, len(self.relocations))
            self._table.initializer = ir.Constant(self._table.value_type, None)

    def int_power(self) -> ir.Function:
        if self._power is None:
            self._power = define_int_power(self.module)
        return self._power

    def int_float_order(self) -> ir.Function:
        if self._order is None:
            self._order = define_int_float_order(self.module)
        return self._order

    def guard_check(self, fn: JitFunction, guard) -> ir.Function:
        """i32 check(): 1 while the guarded name still holds the object the code was
        compiled against.  The fast path compares dict version tags."""
        key = (fn.name, guard.label)
        if key in self._checks:
            return self._checks[key]
        module = self.module
        expected = guard.expected
        globals_ = guard.namespace
        builtins_ = guard.fallback if guard.fallback is not None else guard.namespace
        name_obj = sys.intern(guard.name)
        self.engine._keepalive.extend([expected, globals_, builtins_, name_obj])
        ptr = I8.as_pointer()
        symbol = f"jitvm.guard.{fn.name}.{guard.label}"
        check = ir.Function(module, ir.FunctionType(I32, []), symbol)
        check.linkage = "internal"
        check.attributes.add("alwaysinline")  # a load and two compares on its fast path
        b = ir.IRBuilder(check.append_basic_block("entry"))
        as_ptr = lambda obj: self.object(b, obj)  # noqa: E731
        getitem = module.globals.get("PyDict_GetItem") or ir.Function(
            module, ir.FunctionType(ptr, [ptr, ptr]), "PyDict_GetItem")
        slow = check.append_basic_block("slow")
        if self.engine.use_dict_versions:
            def version_of(d):
                at = b.gep(self.object(b, d), [ir.Constant(I64, DICT_VERSION_OFFSET)])
                return b.load(b.bitcast(at, I64.as_pointer()))

            cached_g = ir.GlobalVariable(module, I64, f"{symbol}.gv")
            cached_b = ir.GlobalVariable(module, I64, f"{symbol}.bv")
            for cached in (cached_g, cached_b):
                cached.linkage = "internal"
                # No dict's version is 0: the first check takes the slow path, and remembers.
                cached.initializer = ir.Constant(I64, 0)
            gv, bv = version_of(globals_), version_of(builtins_)
            same = b.and_(b.icmp_unsigned("==", gv, b.load(cached_g)),
                          b.icmp_unsigned("==", bv, b.load(cached_b)))
            fast = check.append_basic_block("fast")
            b.cbranch(same, fast, slow)
            b.position_at_end(fast)
            b.ret(ir.Constant(I32, 1))
        else:
            b.branch(slow)
        b.position_at_end(slow)
        found = b.call(getitem, [as_ptr(globals_), as_ptr(name_obj)])
        missing = b.icmp_unsigned("==", found, ir.Constant(ptr, None))
        from_builtins = check.append_basic_block("builtins")
        compare = check.append_basic_block("compare")
        b.cbranch(missing, from_builtins, compare)
        b.position_at_end(from_builtins)
        builtin = b.call(getitem, [as_ptr(builtins_), as_ptr(name_obj)])
        b.branch(compare)
        b.position_at_end(compare)
        value = b.phi(ptr)
        value.add_incoming(found, slow)
        value.add_incoming(builtin, from_builtins)
        same_object = b.icmp_unsigned("==", value, as_ptr(expected))
        if self.engine.use_dict_versions:
            remember = check.append_basic_block("remember")
            done = check.append_basic_block("done")
            b.cbranch(same_object, remember, done)
            b.position_at_end(remember)
            b.store(version_of(globals_), cached_g)
            b.store(version_of(builtins_), cached_b)
            b.branch(done)
            b.position_at_end(done)
        b.ret(b.zext(same_object, I32))
        self._checks[key] = check
        return check

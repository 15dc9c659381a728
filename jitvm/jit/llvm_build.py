"""An `ir.IRBuilder` that makes the instructions the lowering emits most ~2x faster.

In: the same calls as llvmlite's IRBuilder.  Out: the same instruction objects — same class,
same attributes, same automatic names (`%".17"`), inserted where llvmlite would insert them —
so the module's text is the same, byte for byte.

Why: building instructions is most of lowering's time (bench/README.md).  llvmlite's
constructors go through four `__init__`s with asserts and a name scope whose `register`,
`deduplicate` and `is_used` are three Python calls per value.  Here loads, stores, casts,
integer compares, branches, binary operations, one-index GEPs and new blocks — nine in ten of the
instructions jitvm emits — are made in one function each, with the checks llvmlite makes
that can fail kept (operand types, a terminated block).  Any other call, or one these
shortcuts do not cover (an explicit name, alignment on a store, debug metadata, a typed GEP
of several indices), is llvmlite's own method.

It writes llvmlite's instruction attributes and name-scope tables directly, which are not a
public API: it is used only with the llvmlite version it was checked against
(`llvm_text.CHECKED_VERSION`, the one pyproject.toml pins); with any other, `Builder` is
llvmlite's IRBuilder.  bench/ir_diff.py and tests/test_llvm_text.py check the result.
"""

from __future__ import annotations

from llvmlite import ir
from llvmlite.ir import _utils

from .llvm_text import ENABLED

_new = object.__new__
_VOID = ir.VoidType()
_LABEL = ir.LabelType()
_I1 = ir.IntType(1)
_CMP = {'>': 'gt', '<': 'lt', '==': 'eq', '!=': 'ne', '>=': 'ge', '<=': 'le'}
_NameScope = _utils.NameScope


def _fresh_name(scope) -> str | None:
    """`scope.register('', deduplicate=True)`: the next unused ".N"; None for a scope that is
    not llvmlite's plain NameScope."""
    if type(scope) is not _NameScope:
        return None
    used = scope._useset
    counts = scope._basenamemap
    ident = counts[''] + 1
    name = '.%d' % ident
    while name in used:
        ident += 1
        name = '.%d' % ident
    counts[''] = ident
    used.add(name)
    return name


def _register(scope, name: str) -> str | None:
    """`scope.register(name, deduplicate=True)` (NameScope.deduplicate: `name`, else
    "name.N" with the next N for that name); None for a scope that is not a NameScope."""
    if type(scope) is not _NameScope:
        return None
    used = scope._useset
    if name in used:
        counts = scope._basenamemap
        basename = name
        while name in used:
            ident = counts[basename] + 1
            counts[basename] = ident
            name = "{0}.{1}".format(basename, ident)
    used.add(name)
    return name


class _FastBuilder(ir.IRBuilder):
    def append_basic_block(self, name=''):
        """A new block at the end of the function (Function.append_basic_block)."""
        fn = self._block.parent
        unique = _register(fn.scope, name)
        if unique is None:
            return fn.append_basic_block(name)
        block = _new(ir.Block)
        block.parent = fn
        block.type = _LABEL
        block._name = unique
        block.scope = fn.scope
        block.instructions = []
        block.terminator = None
        fn.blocks.append(block)
        return block

    def _make(self, cls, typ, opname: str, operands):
        """A new instruction of `cls` (fields as Instruction.__init__ sets them), inserted;
        None (nothing made) where the shortcut does not apply."""
        if self.debug_metadata is not None:
            return None
        block = self._block
        name = _fresh_name(block.scope)
        if name is None:
            return None
        instr = _new(cls)
        instr.parent = block
        instr.type = typ
        instr._name = name
        instr.opname = opname
        instr.operands = operands
        instr.flags = []
        instr.metadata = {}
        block.instructions.insert(self._anchor, instr)
        self._anchor += 1
        return instr

    # -- memory -----------------------------------------------------------------------------------

    def load(self, ptr, name='', align=None, typ=None):
        ptype = ptr.type
        if not name and typ is None and isinstance(ptype, ir.PointerType):
            if isinstance(ptr, ir.AllocaInstr):
                typ = ptr.allocated_type
            elif not ptype.is_opaque:
                typ = ptype.pointee
            if typ is not None:
                ld = self._make(ir.LoadInstr, typ, "load", [ptr])
                if ld is not None:
                    ld.align = align
                    return ld
                typ = None
        return super().load(ptr, name, align, typ)

    def store(self, value, ptr, align=None):
        ptype = ptr.type
        if (align is None and isinstance(ptype, ir.PointerType)
                and (ptype.is_opaque or ptype.pointee is value.type)):
            st = self._make(ir.StoreInstr, _VOID, "store", [value, ptr])
            if st is not None:
                st.align = None
                return st
        return super().store(value, ptr, align)

    def gep(self, ptr, indices, inbounds=False, name='', source_etype=None):
        ptype = ptr.type
        if (not name and source_etype is None and len(indices) == 1
                and type(ptype) is ir.types._TypedPointerType
                and type(indices[0].type) is ir.IntType):
            pointee = ptype.pointee  # GEPInstr's type walk, for one index
            typ = (pointee.as_pointer(ptype.addrspace) if isinstance(pointee, ir.PointerType)
                   else ptype)
            if self.debug_metadata is None and type(self._block.scope) is _NameScope:
                instr = _new(ir.GEPInstr)
                instr.source_etype = pointee
                instr = self._fill(instr, typ, "getelementptr", [ptr] + list(indices))
                instr.pointer = ptr
                instr.indices = indices
                instr.inbounds = inbounds
                return instr
        return super().gep(ptr, indices, inbounds, name, source_etype)

    def _fill(self, instr, typ, opname, operands):
        """`_make` for an instruction object already made (GEPInstr sets a field first)."""
        block = self._block
        instr.parent = block
        instr.type = typ
        instr._name = _fresh_name(block.scope)
        instr.opname = opname
        instr.operands = operands
        instr.flags = []
        instr.metadata = {}
        block.instructions.insert(self._anchor, instr)
        self._anchor += 1
        return instr

    # -- compares and casts -----------------------------------------------------------------------

    def _icmp(self, prefix, cmpop, lhs, rhs, name):
        op = _CMP.get(cmpop)
        if op is not None and not name and not isinstance(lhs.type, ir.VectorType):
            if cmpop not in ('==', '!='):
                op = prefix + op
            instr = self._make(ir.ICMPInstr, _I1, "icmp", [lhs, rhs])
            if instr is not None:
                instr.op = op
                return instr
        return super()._icmp(prefix, cmpop, lhs, rhs, name)

    def _cast(self, opname: str, value, typ, name: str, plain):
        if value.type is typ or value.type == typ:  # (llvmlite's casts return it as is)
            return value
        instr = None if name else self._make(ir.CastInstr, typ, opname, [value])
        return instr if instr is not None else plain(self, value, typ, name)

    def bitcast(self, value, typ, name=''):
        return self._cast("bitcast", value, typ, name, ir.IRBuilder.bitcast)

    def ptrtoint(self, value, typ, name=''):
        return self._cast("ptrtoint", value, typ, name, ir.IRBuilder.ptrtoint)

    def inttoptr(self, value, typ, name=''):
        return self._cast("inttoptr", value, typ, name, ir.IRBuilder.inttoptr)

    def zext(self, value, typ, name=''):
        return self._cast("zext", value, typ, name, ir.IRBuilder.zext)

    def trunc(self, value, typ, name=''):
        return self._cast("trunc", value, typ, name, ir.IRBuilder.trunc)

    def sitofp(self, value, typ, name=''):
        return self._cast("sitofp", value, typ, name, ir.IRBuilder.sitofp)

    # -- branches ---------------------------------------------------------------------------------

    def _terminate(self, cls, operands):
        assert not self._block.is_terminated
        term = self._make(cls, _VOID, "br", operands)
        if term is not None:
            self._block.terminator = term
        return term

    def branch(self, target):
        term = self._terminate(ir.Branch, [target])
        return term if term is not None else super().branch(target)

    def cbranch(self, cond, truebr, falsebr):
        term = self._terminate(ir.ConditionalBranch, [cond, truebr, falsebr])
        return term if term is not None else super().cbranch(cond, truebr, falsebr)

    # -- binary operations ------------------------------------------------------------------------

    def _binary(self, opname: str, lhs, rhs, name, flags, plain):
        if (lhs.type is rhs.type or lhs.type == rhs.type) and not name and not flags:
            instr = self._make(ir.Instruction, lhs.type, opname, (lhs, rhs))
            if instr is not None:
                return instr
        return plain(self, lhs, rhs, name, flags)

    def add(self, lhs, rhs, name='', flags=()):
        return self._binary("add", lhs, rhs, name, flags, ir.IRBuilder.add)

    def sub(self, lhs, rhs, name='', flags=()):
        return self._binary("sub", lhs, rhs, name, flags, ir.IRBuilder.sub)

    def mul(self, lhs, rhs, name='', flags=()):
        return self._binary("mul", lhs, rhs, name, flags, ir.IRBuilder.mul)

    def and_(self, lhs, rhs, name='', flags=()):
        return self._binary("and", lhs, rhs, name, flags, ir.IRBuilder.and_)

    def or_(self, lhs, rhs, name='', flags=()):
        return self._binary("or", lhs, rhs, name, flags, ir.IRBuilder.or_)

    def xor(self, lhs, rhs, name='', flags=()):
        return self._binary("xor", lhs, rhs, name, flags, ir.IRBuilder.xor)

    def fadd(self, lhs, rhs, name='', flags=()):
        return self._binary("fadd", lhs, rhs, name, flags, ir.IRBuilder.fadd)

    def fsub(self, lhs, rhs, name='', flags=()):
        return self._binary("fsub", lhs, rhs, name, flags, ir.IRBuilder.fsub)

    def fmul(self, lhs, rhs, name='', flags=()):
        return self._binary("fmul", lhs, rhs, name, flags, ir.IRBuilder.fmul)


Builder = _FastBuilder if ENABLED else ir.IRBuilder

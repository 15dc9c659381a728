"""The text of an llvmlite.ir module, as `str(module)` gives it, made ~3x faster.

In: an `llvmlite.ir.Module` as the lowering built it.  Out: the same string `str(module)`
returns, byte for byte (the machine-code cache's key and what LLVM parses).

Why: printing was the largest Python part of compiling (bench/README.md).  llvmlite makes
each instruction's text through layers of generic code: `str()` caches on the instance
(`try: return self.__cached_str` raises and catches an AttributeError for every
instruction, and again for every value's first reference), `str.format` per operand, a
`descr` into a list, `rstrip`.  Here the instruction classes the JIT emits (loads, stores,
GEPs, compares, casts, branches, calls, phis, binary operations...) are formatted by one
small function each, with the same format strings, and references are made once per value
and kept in a dict for the module.  Anything else — another instruction class, a call with
attributes, a constant that is not a plain integer — goes through llvmlite's own `str()` /
`get_reference()`, so the text stays llvmlite's even where this module knows no shortcut.

This reads llvmlite's instruction attributes (`operands`, `flags`, `metadata`, `align`,
`incomings`...), which are not a public API: it is used only with the llvmlite version it
was checked against (`CHECKED_VERSION`, the one pyproject.toml pins); with any other,
`module_text` is plain `str(module)`.  tests/test_llvm_text.py compares the two texts on
every module the test programs compile.
"""

from __future__ import annotations

import llvmlite
from llvmlite import ir

CHECKED_VERSION = "0.50.0"
ENABLED = llvmlite.__version__ == CHECKED_VERSION


def module_text(module: ir.Module) -> str:
    """`str(module)`."""
    if not ENABLED:
        return str(module)
    return _Printer().module(module)


class _Printer:
    def __init__(self):
        self.refs: dict[int, str] = {}  # id(value) → its reference (values outlive the print)
        self.types: dict[int, str] = {}  # id(type) → its text
        self.typed_refs: dict[int, str] = {}  # id(value) → "type reference"

    def module(self, module: ir.Module) -> str:
        lines = ['; ModuleID = "%s"' % (module.name,),
                 'target triple = "%s"' % (module.triple,),
                 'target datalayout = "%s"' % (module.data_layout,),
                 '']
        lines += [it.get_declaration() for it in module.get_identified_types().values()]
        for value in module.globals.values():
            if type(value) is ir.Function and value.blocks:
                lines.append(self.function(value))
            else:
                lines.append(str(value))
        lines += module._get_metadata_lines()
        return "\n".join(lines)

    def function(self, fn: ir.Function) -> str:
        buf = []
        fn.descr_prototype(buf)
        buf.append("{\n")
        formats = _FORMATS
        ref = self.ref
        for block in fn.blocks:
            buf.append("{0}:\n".format(block._format_name()))
            for instr in block.instructions:
                fmt = formats.get(type(instr))
                text = fmt(self, instr) if fmt is not None else None
                if text is None:
                    buf.append("  {0}\n".format(instr))
                    continue
                if type(instr.type) is not ir.VoidType:
                    text = ref(instr) + " = " + text
                buf.append("  " + text.rstrip() + "\n")
        buf.append("}\n")
        return "".join(buf)

    # -- pieces -----------------------------------------------------------------------------------

    def ty(self, ty: ir.Type) -> str:
        text = self.types.get(id(ty))
        if text is None:
            text = self.types[id(ty)] = str(ty)
        return text

    def ref(self, value) -> str:
        """`value.get_reference()`."""
        text = self.refs.get(id(value))
        if text is None:
            kind = type(value)
            if kind in _NAMED:  # NamedValue._get_reference
                name = value._name
                if '\\' in name or '"' in name:
                    name = name.replace('\\', '\\5c').replace('"', '\\22')
                text = kind.name_prefix + '"' + name + '"'
            elif (kind is ir.Constant and type(value.type) is ir.IntType
                  and type(value.constant) is int):  # IntType.format_constant
                text = str(value.constant)
            else:
                text = value.get_reference()
            self.refs[id(value)] = text
        return text

    def typed(self, value) -> str:
        """`"{0} {1}".format(value.type, value.get_reference())`."""
        text = self.typed_refs.get(id(value))
        if text is None:
            text = self.typed_refs[id(value)] = self.ty(value.type) + " " + self.ref(value)
        return text


def _metadata(instr) -> str:
    """`instr._stringify_metadata(leading_comma=True)` (called where it has metadata)."""
    return instr._stringify_metadata(leading_comma=True)


# Each returns the instruction's text after "%name = " (llvmlite's `descr`, before the
# `rstrip`), or None to leave it to llvmlite.

def _binary(p: _Printer, i) -> str:
    opname = i.opname
    if i.flags:
        opname = ' '.join([opname] + i.flags)
    md = _metadata(i) if i.metadata else ""
    return opname + " " + p.ty(i.type) + " " + ', '.join([p.ref(op) for op in i.operands]) + md


def _cast(p: _Printer, i) -> str:
    (op,) = i.operands
    md = _metadata(i) if i.metadata else ""
    return i.opname + " " + p.typed(op) + " to " + p.ty(i.type) + " " + md


def _load(p: _Printer, i) -> str:
    (ptr,) = i.operands
    align = ', align %d' % (i.align,) if i.align is not None else ''
    md = _metadata(i) if i.metadata else ""
    return "load " + p.ty(i.type) + ", " + p.typed(ptr) + align + md


def _store(p: _Printer, i) -> str:
    val, ptr = i.operands
    align = ', align %d' % (i.align,) if i.align is not None else ''
    md = _metadata(i) if i.metadata else ""
    return "store " + p.typed(val) + ", " + p.typed(ptr) + align + md


def _alloca(p: _Printer, i) -> str:
    text = i.opname + " " + p.ty(i.allocated_type)
    if i.operands:
        (op,) = i.operands
        text += ", " + p.typed(op)
    if i.align is not None:
        text += ", align {0}".format(i.align)
    return text + (_metadata(i) if i.metadata else "")


def _gep(p: _Printer, i) -> str:
    op = "getelementptr inbounds" if i.inbounds else "getelementptr"
    md = _metadata(i) if i.metadata else ""
    return (op + " " + p.ty(i.source_etype) + ", " + p.typed(i.pointer) + ", "
            + ', '.join([p.typed(index) for index in i.indices]) + " " + md)


def _compare(p: _Printer, i) -> str:
    lhs, rhs = i.operands
    md = _metadata(i) if i.metadata else ""
    return (i.opname + ''.join([' ' + flag for flag in i.flags]) + " " + i.op + " "
            + p.ty(lhs.type) + " " + p.ref(lhs) + ", " + p.ref(rhs) + " " + md)


def _terminator(p: _Printer, i) -> str:  # br (both kinds)
    md = _metadata(i) if i.metadata else ""
    return i.opname + " " + ', '.join([p.typed(op) for op in i.operands]) + md


def _ret(p: _Printer, i) -> str:
    md = _metadata(i) if i.metadata else ""
    if i.operands:
        return i.opname + " " + p.typed(i.operands[0]) + md
    return i.opname + md


def _call(p: _Printer, i):
    callee = i.operands[0]
    if (type(callee) is not ir.Function or i.cconv or i.tail or i.attributes or i.fastmath
            or i.arg_attributes or callee.function_type.var_arg):
        return None
    md = _metadata(i) if i.metadata else ""
    return (i.opname + " " + p.ty(callee.function_type.return_type) + " " + p.ref(callee) + "("
            + ', '.join([p.typed(arg) for arg in i.operands[1:]]) + ")" + md)


def _phi(p: _Printer, i) -> str:
    md = _metadata(i) if i.metadata else ""
    return ("phi " + ' '.join(i.flags) + " " + p.ty(i.type) + " "
            + ', '.join(['[' + p.ref(v) + ', ' + p.ref(b) + ']' for v, b in i.incomings])
            + " " + md)


def _select(p: _Printer, i) -> str:
    cond, lhs, rhs = i.operands
    md = _metadata(i) if i.metadata else ""
    return ("select " + ' '.join(i.flags) + " " + p.typed(cond) + ", " + p.typed(lhs) + ", "
            + p.typed(rhs) + " " + md)


def _extract_value(p: _Printer, i) -> str:
    md = _metadata(i) if i.metadata else ""
    return ("extractvalue " + p.typed(i.aggregate) + ", "
            + ', '.join([str(index) for index in i.indices]) + " " + md)


_FORMATS = {
    ir.Instruction: _binary,
    ir.CastInstr: _cast,
    ir.LoadInstr: _load,
    ir.StoreInstr: _store,
    ir.AllocaInstr: _alloca,
    ir.GEPInstr: _gep,
    ir.ICMPInstr: _compare,
    ir.FCMPInstr: _compare,
    ir.Branch: _terminator,
    ir.ConditionalBranch: _terminator,
    ir.Ret: _ret,
    ir.CallInstr: _call,
    ir.PhiInstr: _phi,
    ir.SelectInstr: _select,
    ir.ExtractValue: _extract_value,
}

# Values whose reference is NamedValue's: prefix and quoted name.
_NAMED = frozenset(list(_FORMATS) + [ir.Argument, ir.Block, ir.Function, ir.GlobalVariable])

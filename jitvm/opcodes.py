"""The opcode table: the single source of truth for jitvm's bytecode.

Every instruction is defined once here: its name, number, the kind of its argument, its stack
effect and its flags.  The compiler's stack-depth analysis, the interpreter's dispatch table, the
disassembler, the documentation (docs/OPCODES.md) and the JIT's supported set are all derived
from this table; `tests/test_opcodes.py` checks that every opcode has an interpreter handler and a
documented meaning.

A stack effect is written as (pops, pushes); either may be a function of the argument.  Jumps may
have a different effect on the taken branch (`jump_pushes`).  Pseudo-instructions (SETUP_*)
exist only in the compiler's instruction list: the assembler turns them into the
exception table and drops them.
"""

from __future__ import annotations

import enum
from typing import Callable, NamedTuple, Union

Effect = Union[int, Callable[[int], int]]


class Arg(enum.Enum):
    """What an instruction's argument means (and how `dis` shows it)."""

    NONE = "none"  # no argument
    CONST = "const"  # index into co_consts
    NAME = "name"  # index into co_names (globals, attributes, module-level names)
    LOCAL = "local"  # index into co_varnames (fast locals)
    CELL = "cell"  # index into co_cellvars + co_freevars
    JUMP = "jump"  # absolute instruction index
    COUNT = "count"  # a count of stack items
    CMP = "cmp"  # index into COMPARE_OPS
    FLAGS = "flags"  # a bit set, documented per opcode
    HANDLER = "handler"  # pseudo-instructions only: a Handler


class Flag(enum.Flag):
    NONE = 0
    JUMP = enum.auto()  # has a jump target
    CONDITIONAL = enum.auto()  # may fall through as well as jump
    BACKEDGE = enum.auto()  # a loop back-edge: counted for hotness
    TERMINAL = enum.auto()  # never falls through (return, raise, unconditional jump)
    RERAISE = enum.auto()  # re-raises: adds no traceback entry
    PSEUDO = enum.auto()  # compiler-only, removed by the assembler
    YIELDS = enum.auto()  # suspends the frame


class OpInfo(NamedTuple):
    """One row of the table: an immutable value (a NamedTuple: quicker to define at start-up
    than a frozen dataclass)."""

    name: str
    code: int
    arg: Arg
    pops: Effect
    pushes: Effect
    flags: Flag
    doc: str
    jump_pushes: Effect | None = None  # stack pushes on the taken branch, if different

    def effect(self, arg: int, jump: bool = False) -> int:
        """Net change of stack depth after this instruction (on the taken branch if `jump`)."""
        pops = self.pops(arg) if callable(self.pops) else self.pops
        pushes = self.jump_pushes if jump and self.jump_pushes is not None else self.pushes
        pushes = pushes(arg) if callable(pushes) else pushes
        return pushes - pops


# COMPARE_OP's argument indexes this tuple; `operator` functions are looked up by name.
COMPARE_OPS = ("<", "<=", "==", "!=", ">", ">=")

# BINARY_* / INPLACE_* opcodes: (suffix, symbol, operator-module function, in-place function).
BINARY_OPS = (
    ("ADD", "+", "add", "iadd"),
    ("SUBTRACT", "-", "sub", "isub"),
    ("MULTIPLY", "*", "mul", "imul"),
    ("TRUE_DIVIDE", "/", "truediv", "itruediv"),
    ("FLOOR_DIVIDE", "//", "floordiv", "ifloordiv"),
    ("MODULO", "%", "mod", "imod"),
    ("POWER", "**", "pow", "ipow"),
    ("LSHIFT", "<<", "lshift", "ilshift"),
    ("RSHIFT", ">>", "rshift", "irshift"),
    ("AND", "&", "and_", "iand"),
    ("OR", "|", "or_", "ior"),
    ("XOR", "^", "xor", "ixor"),
    ("MATRIX_MULTIPLY", "@", "matmul", "imatmul"),
)

UNARY_OPS = (
    ("POSITIVE", "+", "pos"),
    ("NEGATIVE", "-", "neg"),
    ("NOT", "not", "not_"),
    ("INVERT", "~", "invert"),
)

# MAKE_FUNCTION flag bits: which optional items sit below the code object on the stack.
MF_DEFAULTS, MF_KWDEFAULTS, MF_ANNOTATIONS, MF_CLOSURE = 0x01, 0x02, 0x04, 0x08
# FORMAT_VALUE flag bits: conversion in the low two bits, then "a format spec is on the stack".
FV_STR, FV_REPR, FV_ASCII, FV_SPEC = 0x01, 0x02, 0x03, 0x04
# CALL_FUNCTION_EX flag: a mapping of keyword arguments is on the stack.
CF_KWARGS = 0x01


def _bits(n: int) -> int:
    return bin(n).count("1")


_TABLE: list[OpInfo] = []


def _op(name, arg, pops, pushes, doc, flags=Flag.NONE, jump_pushes=None):
    _TABLE.append(OpInfo(name, len(_TABLE), arg, pops, pushes, flags, doc, jump_pushes))


J, C, T = Flag.JUMP, Flag.CONDITIONAL, Flag.TERMINAL

# -- stack manipulation ------------------------------------------------------------------------
_op("NOP", Arg.NONE, 0, 0, "Do nothing (a placeholder that keeps a line number).")
_op("POP_TOP", Arg.NONE, 1, 0, "Discard TOS.")
_op("ROT_TWO", Arg.NONE, 2, 2, "Swap the two topmost items.")
_op("ROT_THREE", Arg.NONE, 3, 3, "Move TOS down to third place; lift the second and third.")
_op("ROT_FOUR", Arg.NONE, 4, 4, "Move TOS down to fourth place.")
_op("DUP_TOP", Arg.NONE, 1, 2, "Push a second reference to TOS.")
_op("DUP_TOP_TWO", Arg.NONE, 2, 4, "Duplicate the two topmost items, keeping their order.")

# -- constants and names -----------------------------------------------------------------------
_op("LOAD_CONST", Arg.CONST, 0, 1, "Push co_consts[arg].")
_op("LOAD_FAST", Arg.LOCAL, 0, 1, "Push local variable arg; UnboundLocalError if unset.")
_op("STORE_FAST", Arg.LOCAL, 1, 0, "Pop TOS into local variable arg.")
_op("DELETE_FAST", Arg.LOCAL, 0, 0, "Unset local variable arg.")
_op("LOAD_DEREF", Arg.CELL, 0, 1, "Push the contents of cell arg (a closure variable).")
_op("STORE_DEREF", Arg.CELL, 1, 0, "Pop TOS into cell arg.")
_op("DELETE_DEREF", Arg.CELL, 0, 0, "Empty cell arg.")
_op("LOAD_CLOSURE", Arg.CELL, 0, 1, "Push cell arg itself (to build a closure).")
_op("LOAD_CLASSDEREF", Arg.CELL, 0, 1,
    "In a class body: push locals()[name] if present, else the contents of cell arg.")
_op("LOAD_GLOBAL", Arg.NAME, 0, 1, "Push global co_names[arg], falling back to builtins.")
_op("STORE_GLOBAL", Arg.NAME, 1, 0, "Pop TOS into global co_names[arg].")
_op("DELETE_GLOBAL", Arg.NAME, 0, 0, "Delete global co_names[arg].")
_op("LOAD_NAME", Arg.NAME, 0, 1, "Push co_names[arg] from locals, then globals, then builtins.")
_op("STORE_NAME", Arg.NAME, 1, 0, "Pop TOS into the locals mapping as co_names[arg].")
_op("DELETE_NAME", Arg.NAME, 0, 0, "Delete co_names[arg] from the locals mapping.")
_op("LOAD_ATTR", Arg.NAME, 1, 1, "Replace TOS with getattr(TOS, co_names[arg]).")
_op("STORE_ATTR", Arg.NAME, 2, 0, "setattr(TOS, co_names[arg], TOS1); pop both.")
_op("DELETE_ATTR", Arg.NAME, 1, 0, "delattr(TOS, co_names[arg]); pop it.")

# -- operators ---------------------------------------------------------------------------------
for _suffix, _sym, _fn in UNARY_OPS:
    _op("UNARY_" + _suffix, Arg.NONE, 1, 1, f"TOS = {_sym} TOS.")
for _suffix, _sym, _fn, _ifn in BINARY_OPS:
    _op("BINARY_" + _suffix, Arg.NONE, 2, 1, f"TOS = TOS1 {_sym} TOS.")
for _suffix, _sym, _fn, _ifn in BINARY_OPS:
    _op("INPLACE_" + _suffix, Arg.NONE, 2, 1, f"TOS = TOS1 {_sym}= TOS (in place if supported).")
_op("BINARY_SUBSCR", Arg.NONE, 2, 1, "TOS = TOS1[TOS].")
_op("STORE_SUBSCR", Arg.NONE, 3, 0, "TOS1[TOS] = TOS2; pop all three.")
_op("DELETE_SUBSCR", Arg.NONE, 2, 0, "del TOS1[TOS]; pop both.")
_op("BUILD_SLICE", Arg.COUNT, lambda n: n, 1, "Push slice(*items) of the top arg (2 or 3) items.")
_op("COMPARE_OP", Arg.CMP, 2, 1, "TOS = TOS1 <cmp> TOS, cmp = COMPARE_OPS[arg].")
_op("IS_OP", Arg.FLAGS, 2, 1, "TOS = TOS1 is TOS (is not, if arg is 1).")
_op("CONTAINS_OP", Arg.FLAGS, 2, 1, "TOS = TOS1 in TOS (not in, if arg is 1).")

# -- building containers and strings -----------------------------------------------------------
_op("BUILD_TUPLE", Arg.COUNT, lambda n: n, 1, "Push a tuple of the top arg items.")
_op("BUILD_LIST", Arg.COUNT, lambda n: n, 1, "Push a list of the top arg items.")
_op("BUILD_SET", Arg.COUNT, lambda n: n, 1, "Push a set of the top arg items.")
_op("BUILD_MAP", Arg.COUNT, lambda n: 2 * n, 1, "Push a dict of the top arg key, value pairs.")
_op("BUILD_CONST_KEY_MAP", Arg.COUNT, lambda n: n + 1, 1,
    "Push a dict from a tuple of keys (TOS) and the arg values below it.")
_op("BUILD_STRING", Arg.COUNT, lambda n: n, 1, "Concatenate the top arg strings.")
_op("FORMAT_VALUE", Arg.FLAGS, lambda f: 2 if f & FV_SPEC else 1, 1,
    "Format a value for an f-string: conversion in flags & 3, a spec on the stack if flags & 4.")
_op("LIST_APPEND", Arg.COUNT, 1, 0, "Pop TOS and append it to the list arg items down.")
_op("SET_ADD", Arg.COUNT, 1, 0, "Pop TOS and add it to the set arg items down.")
_op("MAP_ADD", Arg.COUNT, 2, 0, "Pop value, key and store them in the dict arg items down.")
_op("LIST_EXTEND", Arg.COUNT, 1, 0, "Pop TOS and extend the list arg items down with it.")
_op("SET_UPDATE", Arg.COUNT, 1, 0, "Pop TOS and update the set arg items down with it.")
_op("DICT_UPDATE", Arg.COUNT, 1, 0, "Pop TOS and update the dict arg items down with it.")
_op("DICT_MERGE", Arg.COUNT, 1, 0,
    "Like DICT_UPDATE, for **kwargs: a repeated key is a TypeError.")
_op("LIST_TO_TUPLE", Arg.NONE, 1, 1, "Replace the list on TOS by a tuple of its items.")
_op("UNPACK_SEQUENCE", Arg.COUNT, 1, lambda n: n,
    "Unpack TOS into exactly arg items, pushed so that the first item ends on top.")
_op("UNPACK_EX", Arg.COUNT, 1, lambda a: (a & 0xFF) + (a >> 8) + 1,
    "Unpack TOS with a starred target: arg & 0xFF items before it, arg >> 8 after.")

# -- jumps and loops ---------------------------------------------------------------------------
_op("JUMP_FORWARD", Arg.JUMP, 0, 0, "Jump forward to arg.", J | T)
_op("JUMP_BACKWARD", Arg.JUMP, 0, 0,
    "Jump back to arg: a loop back-edge, counted towards hotness.", J | T | Flag.BACKEDGE)
_op("POP_JUMP_IF_FALSE", Arg.JUMP, 1, 0, "Pop TOS; jump to arg if it is false.", J | C)
_op("POP_JUMP_IF_TRUE", Arg.JUMP, 1, 0, "Pop TOS; jump to arg if it is true.", J | C)
_op("JUMP_IF_FALSE_OR_POP", Arg.JUMP, 1, 0,
    "If TOS is false, jump to arg keeping it; otherwise pop it.", J | C, jump_pushes=1)
_op("JUMP_IF_TRUE_OR_POP", Arg.JUMP, 1, 0,
    "If TOS is true, jump to arg keeping it; otherwise pop it.", J | C, jump_pushes=1)
_op("GET_ITER", Arg.NONE, 1, 1, "TOS = iter(TOS).")
_op("FOR_ITER", Arg.JUMP, 1, 2,
    "Push next(TOS); when the iterator is exhausted pop it and jump to arg.", J | C,
    jump_pushes=0)

# -- functions and calls -----------------------------------------------------------------------
_op("MAKE_FUNCTION", Arg.FLAGS, lambda f: 1 + _bits(f), 1,
    "Make a function from the code object on TOS and, by flag bits, a closure tuple (8), "
    "annotations (4), keyword defaults (2) and positional defaults (1) below it.")
_op("CALL_FUNCTION", Arg.COUNT, lambda n: n + 1, 1,
    "Call the callable below the top arg positional arguments; push the result.")
_op("CALL_FUNCTION_KW", Arg.COUNT, lambda n: n + 2, 1,
    "Like CALL_FUNCTION, with a tuple on TOS naming the last arguments as keywords.")
_op("CALL_FUNCTION_EX", Arg.FLAGS, lambda f: 3 if f & CF_KWARGS else 2, 1,
    "Call TOS1 (or TOS2) with *TOS (a tuple) and, if flags & 1, **TOS (a dict) above it.")
_op("RETURN_VALUE", Arg.NONE, 1, 0, "Return TOS to the caller.", T)
_op("LOAD_BUILD_CLASS", Arg.NONE, 0, 1, "Push jitvm's __build_class__.")

# -- generators --------------------------------------------------------------------------------
_op("YIELD_VALUE", Arg.NONE, 1, 1,
    "Suspend the frame yielding TOS; on resumption TOS is the value sent in.", Flag.YIELDS)
_op("GET_YIELD_FROM_ITER", Arg.NONE, 1, 1, "TOS = iter(TOS), unless it is a generator.")
_op("YIELD_FROM", Arg.NONE, 2, 1,
    "Delegate to the iterator TOS1, sending TOS; repeat until it returns, then push its "
    "return value.", Flag.YIELDS)

# -- coroutines -----------------------------------------------------------------------------------
_op("GET_AWAITABLE", Arg.NONE, 1, 1,
    "TOS = the iterator of awaiting TOS (a coroutine, or TOS.__await__()).")
_op("GET_AITER", Arg.NONE, 1, 1, "TOS = TOS.__aiter__() (async for).")
_op("GET_ANEXT", Arg.NONE, 1, 2, "Push the awaitable of TOS.__anext__(), keeping TOS.")
_op("END_ASYNC_FOR", Arg.NONE, 2, 0,
    "TOS is the exception that ended an async for over TOS1: if StopAsyncIteration, pop "
    "both; otherwise re-raise it.", Flag.RERAISE)
_op("BEFORE_ASYNC_WITH", Arg.NONE, 1, 2,
    "Replace the async context manager on TOS by its bound __aexit__ and the awaitable of "
    "__aenter__().")

# -- exceptions and with -----------------------------------------------------------------------
_op("RAISE_VARARGS", Arg.COUNT, lambda n: n, 0,
    "raise (arg 0: re-raise the handled exception), raise TOS (1), raise TOS1 from TOS (2).",
    T)
_op("LOAD_ASSERTION_ERROR", Arg.NONE, 0, 1, "Push AssertionError.")
_op("PUSH_EXC_INFO", Arg.NONE, 1, 2,
    "Entering a handler: push the previously handled exception below TOS; TOS is now handled.")
_op("POP_EXCEPT", Arg.NONE, 1, 0, "Leaving a handler: pop TOS and make it the handled one.")
_op("CHECK_EXC_MATCH", Arg.NONE, 2, 2,
    "Replace TOS (an exception type) by whether TOS1 is an instance of it.")
_op("RERAISE", Arg.NONE, 1, 0, "Re-raise the exception on TOS, keeping its traceback.",
    T | Flag.RERAISE)
_op("BEFORE_WITH", Arg.NONE, 1, 2,
    "Replace the context manager on TOS by its bound __exit__ and the result of __enter__().")
_op("WITH_EXCEPT_START", Arg.NONE, 3, 4,
    "Call __exit__ (third item) with the exception on TOS; push its result.")
_op("SETUP_ANNOTATIONS", Arg.NONE, 0, 0, "Create __annotations__ in the locals if missing.")

# -- imports -----------------------------------------------------------------------------------
_op("IMPORT_NAME", Arg.NAME, 2, 1,
    "Import module co_names[arg] with level TOS1 and fromlist TOS; push the module.")
_op("IMPORT_FROM", Arg.NAME, 1, 2, "Push attribute co_names[arg] of the module on TOS.")
_op("IMPORT_STAR", Arg.NONE, 1, 0, "Copy the public names of the module on TOS to locals.")

# -- pattern matching ----------------------------------------------------------------------------
_op("MATCH_PATTERN", Arg.CONST, 2, 1,
    "Match TOS1 (the subject) against the pattern described by co_consts[arg], given TOS (a "
    "tuple of the values its value and class patterns name); push the tuple of captured "
    "values, or None if it does not match.")

# -- pseudo-instructions (compiler only) -------------------------------------------------------
_op("SETUP_FINALLY", Arg.HANDLER, 0, 0,
    "Pseudo: instructions from here are protected by a handler (an except or finally).",
    Flag.PSEUDO)
_op("SETUP_CLEANUP", Arg.HANDLER, 0, 0,
    "Pseudo: a handler that restores the handled exception before re-raising.", Flag.PSEUDO)
_op("SETUP_WITH", Arg.HANDLER, 0, 0,
    "Pseudo: a with-block's __exit__ handler; it also unwinds the __enter__() result on TOS.",
    Flag.PSEUDO)

del J, C, T

OPCODES: tuple[OpInfo, ...] = tuple(_TABLE)
BY_NAME: dict[str, OpInfo] = {info.name: info for info in OPCODES}


# Opcode numbers by name, e.g. `Op.LOAD_FAST`; derived from the table above.
Op = enum.IntEnum("Op", [(info.name, info.code) for info in OPCODES])


SETUP_OPS = frozenset({Op.SETUP_FINALLY, Op.SETUP_CLEANUP, Op.SETUP_WITH})
JUMP_OPS = frozenset(Op(i.code) for i in OPCODES if Flag.JUMP in i.flags)
TERMINAL_OPS = frozenset(Op(i.code) for i in OPCODES if Flag.TERMINAL in i.flags)


def binary_opcode(op_suffix: str, inplace: bool = False) -> Op:
    return Op[("INPLACE_" if inplace else "BINARY_") + op_suffix]

"""The JIT IR: typed operations in basic blocks, with guards that know how to deoptimize.

A `JitFunction` is one specialisation of one code object for given argument types.  Values are
SSA (`%3`), each with a `JType`.  Python locals and the stack entries that live across blocks
are *slots* named `name:type` (`x:int`, `$s0:float`): a local that holds an int in one place and
a float in another simply uses two slots.  LLVM's mem2reg turns slots into registers.

Every operation that can fail a speculation (overflow, a zero divisor, a rebound global, a
callee that deoptimized) carries a `DeoptPoint`: the bytecode index to resume at and where each
local and stack entry lives at that moment, so the bridge can rebuild the interpreter frame
exactly there — nothing that already had effects runs twice.

Text form (`format_function`; `jitvm.jit.ir_parse.parse_function` reads it back), one
operation per line, each result with its type; a deopt point shows the bytecode index it resumes
at and the values it puts back on the interpreter's stack:

    function fib(int) -> int
    b0:                               ; pc 0
        %0:int = load n:int
        %1:int = const int 2
        %2:bool = icmp.lt %0, %1
        br %2, b6, b4
    ...
        %9:int = isub %7, %8  [deopt#2 at pc 9, stack %7, %8]

Passes over this IR live in `jitvm/passes/jit/`: the front end emits generic Python operations
(`py.add`, `py.lt`, …) on typed values, and the pipeline specializes, folds and cleans them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from .types import JType


# The reason of a *soft exit*: an instruction the interpreter has not run yet, so with no
# type feedback, where a guess would decide between fast code and generic code (a method
# call, an attribute, an operator on objects, a call's result).  Native code leaves at it;
# the interpreter runs it (recording feedback), and the code is made again (frontend.py
# `unprofiled`, deopt.py).  Not an exit to report: the code that has one still runs natively.
UNPROFILED = "not run yet (no type feedback)"


class NotCompilable(Exception):
    """The JIT cannot compile this code; it stays interpreted.  Says what and where.  (Here,
    not in frontend.py, so that the bridge can refuse code without importing the front end;
    frontend.py exports it too.)"""

    def __init__(self, reason: str, code=None, index: int | None = None):
        where = ""
        if code is not None:
            line = code.line_of(index) if index is not None else code.firstlineno
            where = f" ({code.filename}:{line})"
        super().__init__(reason + where)
        self.reason = reason


@dataclass(eq=False)
class Value:
    """An SSA value.  A boxed one (`obj`, `list`, `tuple`: a PyObject*) is either `owned` (this
    value holds a reference, and whoever consumes it releases it) or borrowed (someone else
    keeps the object alive: a local, the caller's frame); `elem` guesses a list's elements."""

    id: int
    type: JType
    elem: Any = None
    owned: bool = False
    source: Any = None  # for a value borrowed from a local: that local's slot

    def __str__(self) -> str:
        return f"%{self.id}"


@dataclass
class DeoptPoint:
    """Where to resume in the interpreter, and where the frame's state is.

    `locals`: for each fast local, the slot holding it (None: unbound; for a local bound on
    some paths only, ("maybe", bound-flag slot, value slot)).  `stack`: the value
    stack, bottom first; an entry is a Value, a compile-time constant, or an entry made of
    Values (`parts()`: a range iterator's current, stop and step; a list iterator...).
    `after_call`: resume after the call at `pc`, pushing the callee's result (the callee
    deoptimized and finishes in the interpreter); with `constructs`, the call was `cls(...)`
    running `cls.__init__`: the new object is already on the stack, and the callee's result
    must be None (as type.__call__ requires).  `raises`: the instruction at `pc` raised
    (a Python callable did, or a C-API call after it had effects): the exception is set, and
    the bridge raises it in the rebuilt frame at `pc`.

    Boxed values in a record are owned references, which the bridge takes over."""

    id: int
    pc: int
    locals: list[tuple[str, JType] | None]
    stack: list[Any]
    after_call: bool = False
    reason: str = ""
    raises: bool = False
    # In a module-level loop (module_loops.py): the module's dict, not the registers, holds
    # its variables here (during or after a call that may have changed them).
    synced: bool = False
    constructs: bool = False
    # after_call: where an exception the callee raised is raised instead of at `pc` (the
    # fused list of `sep.join(genexpr)` resumes before the join call, whose error it is)
    raise_at: int | None = None
    # raises: the landing pad (a block) of the handler of this code that catches the
    # exception instead (frontend_handlers.py), or None
    pad: str | None = None
    # A side exit in an exception handler's code (reached only through a landing pad): the
    # exception path, which the interpreter takes over as it did before handlers were
    # compiled, not a failed speculation (neither logged nor counted).
    handling: bool = False

    def __str__(self) -> str:
        kind = "raise at" if self.raises else "after call at" if self.after_call else "at"
        text = f"deopt#{self.id} {kind} pc {self.pc}"
        if self.stack:
            text += ", stack " + ", ".join(_stack_text(e) for e in self.stack)
        if self.pad is not None and self.raises:
            text += f", caught by {self.pad}"
        return text

    def values(self):
        """The SSA values this point needs: its stack entries' parts (a range iterator is
        three, a list iterator two or three)."""
        for entry in self.stack:
            yield from entry_parts(entry)

    def slots(self):
        """The slots this point reads the frame's locals from."""
        for entry in self.locals:
            if entry is None:
                continue
            if entry[0] == "maybe":
                yield entry[1]
                yield entry[2]
            else:
                yield entry


@dataclass
class Guard:
    """`namespace[name]` (or, when missing there, `fallback[name]`) is still `expected`: a
    global or builtin the code was compiled against, or a module attribute."""

    label: str
    namespace: dict
    fallback: dict | None
    name: str
    expected: Any

    def __str__(self) -> str:
        return self.label


@dataclass
class Op:
    """`result = opcode args...` — args are Values, slot names, constants or block names."""

    opcode: str
    args: list = field(default_factory=list)
    result: Value | None = None
    deopt: DeoptPoint | None = None

    def __str__(self) -> str:
        text = self.opcode
        if self.opcode == "const":
            text += f" {self.args[0]} {_arg_text(self.args[1])}"
        elif self.args:
            text += " " + ", ".join(_arg_text(a) for a in self.args)
        if self.result is not None:
            text = f"{self.result}:{self.result.type} = {text}"
        if self.deopt is not None:
            text += f"  [{self.deopt}]"
        return text


def entry_parts(entry) -> list:
    """The Values a deopt point's stack entry is made of (none for a constant)."""
    if isinstance(entry, Value):
        return [entry]
    return list(entry.parts()) if hasattr(entry, "parts") else []


def _stack_text(entry) -> str:
    """A deopt point's stack entry: `%3`; an entry made of Values by its label and parts
    (`range(%1, %2, %3)`, `iter(%4, %5, %6)`, `seqiter(%7, %8)`, `method.append(%9)`); a
    compile-time constant by name (`None`, `print`)."""
    if isinstance(entry, Value):
        return str(entry)
    if hasattr(entry, "parts"):
        label = getattr(entry, "label", type(entry).__name__.lower())
        return f"{label}({', '.join(map(str, entry.parts()))})"
    if not hasattr(entry, "value"):
        return str(entry)
    return getattr(entry.value, "__name__", repr(entry.value))


def _arg_text(arg) -> str:
    if isinstance(arg, JType):
        return str(arg)
    if isinstance(arg, tuple) and len(arg) == 2 and isinstance(arg[1], JType):
        return f"{arg[0]}:{arg[1]}"  # a slot
    if isinstance(arg, list):
        return "(" + ", ".join(_arg_text(a) for a in arg) + ")"
    if isinstance(arg, float):
        return repr(arg)
    return str(arg)


@dataclass
class Block:
    name: str
    pc: int  # first bytecode index
    ops: list[Op] = field(default_factory=list)


@dataclass(eq=False)
class JitFunction:
    name: str  # unique symbol name
    code: Any  # the CodeObject
    argtypes: tuple[JType, ...]
    return_type: JType | None = None
    blocks: list[Block] = field(default_factory=list)
    slots: dict[tuple[str, JType], None] = field(default_factory=dict)  # ordered set
    deopts: list[DeoptPoint] = field(default_factory=list)
    callees: dict[str, JitFunction] = field(default_factory=dict)  # native calls by symbol
    guards: list[Guard] = field(default_factory=list)  # what `guard` operations check
    exits: list = field(default_factory=list)  # side exits: (instruction index, reason)
    soft_exits: list = field(default_factory=list)  # ... at instructions not run yet
    osr_entry: int | None = None  # the loop header an on-stack-replacement entry starts at
    cfunc: Any = None  # the ctypes callable, once machine code exists
    boxed_params: tuple = ()  # the positions of the arguments that are objects (by address)
    int_params: tuple = ()  # the positions of the int arguments (64-bit: checked when called)
    deopt_count: int = 0
    stale: bool = False  # dropped for what a deopt taught the feedback: made again at once
    record_words: int = 0  # the most words one deopt record of it takes (set by lowering)
    next_value: int = 0

    def new_value(self, jtype: JType) -> Value:
        value = Value(self.next_value, jtype)
        self.next_value += 1
        return value

    def slot(self, name: str, jtype: JType) -> tuple[str, JType]:
        key = (name, jtype)
        self.slots[key] = None
        return key

    def ops(self):
        """Every op, block by block (lazily, as `for block in blocks: yield from block.ops`;
        chained in C: the passes walk all ops several times)."""
        return chain.from_iterable(block.ops for block in self.blocks)


def format_function(fn: JitFunction) -> str:
    argtypes = ", ".join(str(t) for t in getattr(fn, "arg_kinds", fn.argtypes))
    entry = f" [OSR entry at pc {fn.osr_entry}" if fn.osr_entry is not None else ""
    if entry:  # (a generator expression fused with its consumer: jit/fused.py)
        consumer = getattr(fn.code, "fused_consumer", None)
        entry += f", fused into {consumer}()]" if consumer is not None else "]"
    if getattr(fn, "generator_body", False):  # (resumable: jit/frontend_generators.py)
        entry += " [generator body]"
    lines = [f"function {fn.code.qualname}({argtypes}) -> {fn.return_type}{entry}"]
    for block in fn.blocks:
        lines.append(f"{block.name}:{'':<30}; pc {block.pc}")
        for op in block.ops:
            lines.append(f"    {op}")
    return "\n".join(lines)

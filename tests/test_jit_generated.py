"""Hypothesis-generated numeric *functions*, run with the JIT and compared with CPython.

Each example is one program: a function `def f(a, b, c):` with a random body over int, float
and bool values — assignments of arithmetic, bitwise, comparison and boolean expressions (plus
a few builtins: abs, min, max, int, float, round, bool; math.floor/sqrt/fabs; powers with small
exponents) over the parameters, locals and small constants; if/else; bounded
`for i in range(...)` loops with break/continue/else; one `return` (sometimes an early one
too) — and a driver that calls `f` with many argument tuples drawn from edge values (0, ±1,
2**31, ±2**62, ±(2**63 - 1), -2**63, 0.5, -0.0, 1e308, ±inf, nan, True, False).  Every call is
wrapped in try/except printing the exception's type and message; results are printed with repr.

The program runs under CPython, and under jitvm with `--jit-threshold 0` (every call native
from the first) and `--jit-threshold 3` (the first calls interpreted, then native: a switch in
the middle of the run); stdout, exit status and the last stderr line must agree.

Locals are generated so that most specialisations compile: a "value" local is assigned once,
before any branch or loop; an "accumulator" is a float from its first assignment (`... + 0.0`)
and is only ever updated with float results; a "flag" is a bool (comparisons, `not`, and
`and`/`or` of flags).  So the types at joins mostly agree whatever the argument types are
(`x or y` over mixed types, and chains of three comparisons over mixed types, still stop a
specialisation from compiling: those are limits of the JIT, not bugs).

A local assigned in one branch only (read later: an UnboundLocalError when the branch was not
taken) is sometimes added too.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from difftest import check_source

FAST = settings(
    max_examples=25,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(FAST, max_examples=400)

EDGE_INTS = [0, 1, -1, 2, 3, -7, 2**31, 2**62, -(2**62), 2**63 - 1, -(2**63 - 1), -(2**63)]
EDGE_FLOATS = [0.5, -0.0, 0.0, -2.5, 1e308, float("inf"), float("-inf"), float("nan")]
EDGE_BOOLS = [True, False]

SMALL_CONSTS = ["0", "1", "2", "3", "-1", "7", "0.5", "-0.0", "2.5", "1e300", "True"]
ARITH = ["+", "-", "*", "/", "//", "%"]
BITWISE = ["&", "|", "^"]
COMPARE = ["<", "<=", "==", "!=", ">", ">="]


def render_value(v) -> str:
    if isinstance(v, float):
        if v != v:
            return "nan"
        if v in (float("inf"), float("-inf")):
            return "inf" if v > 0 else "-inf"
    return repr(v)


edge_value = st.one_of(
    st.sampled_from(EDGE_INTS), st.sampled_from(EDGE_FLOATS), st.sampled_from(EDGE_BOOLS)
)
arg_tuple = st.tuples(edge_value, edge_value, edge_value)


class _Body:
    """Source of f's body being built, with the names in scope of each kind."""

    def __init__(self, draw):
        self.draw = draw
        self.lines: list[str] = []
        self.values = ["a", "b", "c"]  # assigned once: any numeric type
        self.accs: list[str] = []  # always float
        self.flags: list[str] = []  # always bool
        self.loop_var = None  # the for loop's variable (an int) while inside the loop

    def emit(self, indent: int, text: str):
        self.lines.append("    " * indent + text)

    # -- expressions ---------------------------------------------------------------------------

    def leaf(self, intish: bool = False) -> str:
        """Mostly variables (parameters first), sometimes a small constant; `intish` leaves
        out the float accumulators and float constants (operands of bitwise operators)."""
        consts = [c for c in SMALL_CONSTS if not intish or "." not in c and "e" not in c]
        others = self.values[3:] + self.flags + ([] if intish else self.accs)
        groups = [["a", "b", "c"], ["a", "b", "c"], others, consts]
        if self.loop_var:
            groups.append([self.loop_var])
        group = self.draw(st.sampled_from([g for g in groups if g]))
        return self.draw(st.sampled_from(group))

    def expr(self, depth: int = 2, intish: bool = False) -> str:
        draw = self.draw
        kind = draw(st.integers(0, 10)) if depth > 0 else 0
        if kind <= 2:
            return self.leaf(intish)
        if kind == 10:
            return self.call(depth - 1, intish)
        if kind <= 5:
            op = draw(st.sampled_from(ARITH))
            return f"({self.expr(depth - 1, intish)} {op} {self.expr(depth - 1, intish)})"
        if kind == 6:
            op = draw(st.sampled_from(BITWISE + ["<<", ">>"]))
            right = self.expr(depth - 1, True)
            if op == "<<":  # a bounded left shift: a huge count would allocate gigabytes
                right = str(draw(st.sampled_from([0, 1, 3, 31, 62, 63, 64, 65, 100])))
            return f"({self.expr(depth - 1, True)} {op} {right})"
        if kind == 7:
            op = draw(st.sampled_from(["-", "+", "~", "not "]))
            return f"({op}{self.expr(depth - 1, intish or op == '~')})"
        if kind == 8:
            return self.condition(depth - 1)
        op = draw(st.sampled_from(["and", "or"]))
        if draw(st.integers(0, 3)) == 0:  # operands of any types: compiles when they agree
            return f"({self.expr(depth - 1, intish)} {op} {self.expr(depth - 1, intish)})"
        return f"({self.condition(depth - 1)} {op} {self.condition(depth - 1)})"

    def call(self, depth: int, intish: bool) -> str:
        """A builtin or math function, or a power with a small exponent."""
        draw = self.draw
        x = self.expr(depth, intish)
        names = ["abs", "min", "max", "int", "round", "math.floor"]
        if not intish:
            names += ["float", "bool", "math.sqrt", "math.fabs", "**"]
        name = draw(st.sampled_from(names))
        if name == "**":  # a bounded exponent: a huge one would take CPython forever
            exponent = draw(st.sampled_from(["0", "1", "2", "3", "-1", "-2", "0.5", "64"]))
            return f"({x} ** {exponent})"
        if name in ("min", "max"):
            return f"{name}({x}, {self.expr(depth, intish)})"
        return f"{name}({x})"

    def condition(self, depth: int = 1) -> str:
        draw = self.draw
        kind = draw(st.integers(0, 4))
        if kind == 0 and self.flags:
            return draw(st.sampled_from(self.flags))
        if kind == 1:
            # (chains of three comparisons over mixed types do not compile: the middle
            # operands left on the stack meet at one cleanup block with different types)
            length = draw(st.sampled_from([2, 2, 2, 3]))
            ops = draw(st.lists(st.sampled_from(COMPARE), min_size=length, max_size=length))
            parts = [self.expr(depth)]
            for op in ops:
                parts += [op, self.expr(depth)]
            return "(" + " ".join(parts) + ")"
        if kind == 2:
            return f"(not {self.expr(depth)})"
        op = draw(st.sampled_from(COMPARE))
        return f"({self.expr(depth)} {op} {self.expr(depth)})"

    def float_expr(self) -> str:
        """An expression that is a float whatever the types of its operands."""
        draw = self.draw
        if self.accs and draw(st.booleans()):
            op = draw(st.sampled_from(ARITH))
            acc = draw(st.sampled_from(self.accs))
            return f"{acc} {op} {self.expr(1)}" if draw(st.booleans()) else \
                f"{self.expr(1)} {op} {acc}"
        return f"{self.expr()} + 0.0"

    def bool_expr(self) -> str:
        draw = self.draw
        if self.flags and draw(st.booleans()):
            op = draw(st.sampled_from(["and", "or"]))
            return f"{draw(st.sampled_from(self.flags))} {op} {self.condition()}"
        return self.condition()

    # -- statements -------------------------------------------------------------------------------

    def update(self, indent: int):
        """Reassign an accumulator or a flag (type-stable, so allowed in branches and loops)."""
        draw = self.draw
        targets = [("acc", n) for n in self.accs] + [("flag", n) for n in self.flags]
        kind, name = draw(st.sampled_from(targets))
        if kind == "acc":
            if draw(st.booleans()):
                self.emit(indent, f"{name} = {self.float_expr()}")
            else:  # an augmented assignment: the INPLACE_* opcodes
                op = draw(st.sampled_from(["+=", "-=", "*=", "/=", "//=", "%="]))
                self.emit(indent, f"{name} {op} {self.expr(1)}")
        else:
            self.emit(indent, f"{name} = {self.bool_expr()}")

    def if_block(self, indent: int, in_loop: bool):
        draw = self.draw
        self.emit(indent, f"if {self.condition()}:")
        for _ in range(draw(st.integers(1, 2))):
            self.update(indent + 1)
        if in_loop and draw(st.integers(0, 3)) == 0:
            self.emit(indent + 1, draw(st.sampled_from(["break", "continue"])))
        if draw(st.booleans()):
            self.emit(indent, "else:")
            for _ in range(draw(st.integers(1, 2))):
                self.update(indent + 1)

    def loop(self, indent: int):
        draw = self.draw
        args = draw(st.sampled_from([
            "5", "0", "3", "1, 6", "6, 0, -2", "-3, 4", "10, 1, -3", "2, 9, 3",
        ]))
        self.loop_var = "i"
        self.emit(indent, f"for i in range({args}):")
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 2)) == 0:
                self.if_block(indent + 1, in_loop=True)
            else:
                self.update(indent + 1)
        self.loop_var = None
        if draw(st.integers(0, 3)) == 0:
            self.emit(indent, "else:")
            self.update(indent + 1)


@st.composite
def numeric_function(draw) -> str:
    body = _Body(draw)
    # straight-line definitions first: values (any type), accumulators, flags
    for n in range(draw(st.integers(0, 3))):
        name = f"v{n}"
        body.emit(1, f"{name} = {body.expr()}")
        body.values.append(name)
    for n in range(draw(st.integers(1, 2))):
        name = f"acc{n}"
        body.emit(1, f"{name} = {body.float_expr()}")
        body.accs.append(name)
    for n in range(draw(st.integers(0, 2))):
        name = f"flag{n}"
        body.emit(1, f"{name} = {body.bool_expr()}")
        body.flags.append(name)
    candidates = body.values + body.accs + body.flags
    if draw(st.integers(0, 3)) == 0:  # a local that may be unbound
        body.emit(1, f"if {body.condition()}:")
        body.emit(2, f"late = {body.expr()}")
        candidates = ["late"] * 3 + candidates
    result = draw(st.sampled_from(candidates))
    # control flow over the type-stable locals
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.integers(0, 6))
        if kind <= 2:
            body.loop(1)
        elif kind <= 4:
            body.if_block(1, in_loop=False)
        elif kind == 5:
            body.update(1)
        else:  # an early return of the same local (so of the same type)
            body.emit(1, f"if {body.condition()}:")
            body.emit(2, f"return {result}")
    body.emit(1, f"return {result}")
    return "def f(a, b, c):\n" + "\n".join(body.lines) + "\n"


@st.composite
def program(draw) -> str:
    function = draw(numeric_function())
    calls = draw(st.lists(arg_tuple, min_size=12, max_size=40))
    rows = ",\n    ".join("(" + ", ".join(render_value(v) for v in call) + ")"
                          for call in calls)
    return f"""\
import math
inf = float("inf")
nan = float("nan")

{function}
ARGS = [
    {rows},
]
for n, args in enumerate(ARGS):
    try:
        result = f(*args)
    except Exception as e:
        print(n, type(e).__name__, e)
    else:
        print(n, repr(result))
"""


def check(src: str):
    for threshold in ("0", "3"):
        check_source(src, options=("--jit-threshold", threshold))


@FAST
@given(program())
def test_generated_numeric_functions(src):
    check(src)


@pytest.mark.slow
@SLOW
@given(program())
def test_generated_numeric_functions_many(src):
    check(src)

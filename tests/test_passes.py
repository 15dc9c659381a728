"""The bytecode passes: BEFORE text → AFTER text for each pass, then the whole pipeline on every
program in tests/programs (verified after each pass, and run with the passes off and on)."""

from __future__ import annotations

import contextlib
import io
import math
import os
import sys
from pathlib import Path
from unittest import mock

import pytest

from jitvm import passes
from jitvm.assembler import stack_depths
from jitvm.bytecode_text import ParseError, parse, to_text
from jitvm.code import Handler, Instr, Label, format_instrs
from jitvm.compiler import compile_source
from jitvm.opcodes import OPCODES, SETUP_OPS, Flag, Op
from jitvm.passes import BYTECODE_PIPELINE, PassManager, fold_constants, remove_unreachable
from jitvm.passes import thread_jumps

PROGRAMS = sorted(p for p in (Path(__file__).parent / "programs").glob("*.py")
                  if not p.name.startswith("helper_"))


def canonical(text: str, **notes) -> str:
    return to_text(parse(text), **notes)


def snapshot(items: list) -> list:
    return [(id(i), i.op, i.arg, i.pos, i.handler) if isinstance(i, Instr) else i
            for i in items]


def check(pass_module, before: str, after: str, lines=False, handlers=False):
    """Run the pass on BEFORE; the result must print as AFTER, and BEFORE must be untouched."""
    items = parse(before)
    original = snapshot(items)
    result = pass_module.run(items)
    assert snapshot(items) == original, "the pass mutated its input"
    notes = {"lines": lines, "handlers": handlers}
    assert to_text(result, **notes) == canonical(after, **notes)
    return result


@contextlib.contextmanager
def recorded_lists():
    """Instruction lists of everything compiled inside, as the compiler emitted them."""
    lists: list[list] = []

    class Recorder:
        def run(self, ir):
            lists.append(ir)
            return ir

    with mock.patch.object(passes, "BYTECODE_MANAGER", Recorder()):
        yield lists


# -- the text form -------------------------------------------------------------------------------

CANONICAL = """\
    LOAD_CONST (1, -2.5, 'x', None, b'y', (True, Ellipsis))
    LOAD_CONST (inf, -inf, frozenset({1}), frozenset(), -0.0, 1j)
    LOAD_CONST -3
    LOAD_CONST 'a b ; line 3'
    LOAD_CONST
    STORE_FAST 'x'
    LOAD_GLOBAL 'print'
    LOAD_DEREF 'cell'
L1:
    SETUP_FINALLY handler L2
    COMPARE_OP 2
    POP_JUMP_IF_FALSE L1
    CALL_FUNCTION 3
    JUMP_FORWARD L2
L2:
    RETURN_VALUE"""


def test_text_round_trip():
    assert format_instrs(parse(CANONICAL)) == CANONICAL


def test_text_arguments():
    items = parse(CANONICAL)
    assert items.pop(1).arg == (math.inf, -math.inf, frozenset({1}), frozenset(), -0.0, 1j)
    assert items[0].arg == (1, -2.5, "x", None, b"y", (True, ...))
    assert items[1].arg == -3 and items[3].arg is None
    assert items[2].arg == "a b ; line 3"  # inside a string: not an annotation
    assert items[7] is items[10].arg  # L1: one Label object per name
    setup = items[8]
    assert isinstance(setup.arg, Handler) and setup.arg.label is items[13]
    assert items[12].arg is items[13]


def test_text_bare_names_blank_lines_and_comments():
    items = parse("""
        # a comment
        LOAD_FAST x

        STORE_NAME y
    """)
    assert [(i.op, i.arg) for i in items] == [(Op.LOAD_FAST, "x"), (Op.STORE_NAME, "y")]


def test_text_annotations_give_lines_and_shared_handlers():
    text = """\
    SETUP_FINALLY handler L1 ; line 1
    LOAD_CONST 1 ; line 2, handler L1
    POP_TOP ; handler L1
L1:
    RETURN_VALUE"""
    items = parse(text)
    assert items[1].pos.lineno == 2 and items[2].pos.lineno == 0
    assert items[1].handler is items[0].arg is items[2].handler
    assert to_text(items, lines=True, handlers=True) == text
    assert to_text(items) == format_instrs(items)


@pytest.mark.parametrize("bad", ["    NO_SUCH_OP", "    LOAD_CONST f(1)", "    LOAD_CONST -'a'",
                                 "    JUMP_FORWARD 'x'", "    POP_TOP 1", "    LOAD_FAST"])
def test_text_errors_name_the_line(bad):
    with pytest.raises(ParseError, match="line 2"):
        parse("    NOP\n" + bad)


def test_text_round_trip_of_compiled_code():
    with recorded_lists() as lists:
        compile_source("try:\n    x = -1\nexcept E as e:\n    print(e)\nfinally:\n"
                       "    with f() as g:\n        del x\nfor i in y:\n    pass\n")
    (items,) = lists
    text = to_text(items, lines=True, handlers=True)
    assert "handler" in text and "SETUP_CLEANUP" in text
    assert to_text(parse(text), lines=True, handlers=True) == text


# -- fold_constants ------------------------------------------------------------------------------


def test_fold_nested_expression_to_one_constant_at_the_operator():
    check(fold_constants, """
        LOAD_CONST 3 ; line 1
        LOAD_CONST 4 ; line 1
        LOAD_CONST 2 ; line 2
        BINARY_MULTIPLY ; line 2
        BINARY_ADD ; line 3
        STORE_NAME 'x' ; line 4
    """, """
        LOAD_CONST 11 ; line 3
        STORE_NAME 'x' ; line 4
    """, lines=True)


def test_fold_unary_and_tuples():
    check(fold_constants, """
        LOAD_CONST 1
        UNARY_NEGATIVE
        LOAD_CONST 2
        LOAD_CONST 0.0
        UNARY_NEGATIVE
        LOAD_CONST ()
        UNARY_NOT
        BUILD_TUPLE 3
        BUILD_TUPLE 2
        BUILD_TUPLE 0
    """, """
        LOAD_CONST (-1, (2, -0.0, True))
        LOAD_CONST ()
    """)


def test_fold_only_the_constant_parts():
    check(fold_constants, """
        LOAD_FAST 'x'
        LOAD_CONST 1
        BINARY_ADD
        LOAD_CONST 2
        LOAD_CONST 3
        BINARY_POWER
        LOAD_FAST 'y'
        BUILD_TUPLE 3
    """, """
        LOAD_FAST 'x'
        LOAD_CONST 1
        BINARY_ADD
        LOAD_CONST 8
        LOAD_FAST 'y'
        BUILD_TUPLE 3
    """)


NO_FOLD = [
    ("never across a label", """
        LOAD_CONST 1
    L1:
        LOAD_CONST 2
        BINARY_ADD
    """),
    ("never into a jump target", """
        LOAD_CONST 1
        LOAD_CONST 2
    L1:
        UNARY_NEGATIVE
    """),
    ("never across handlers", """
        SETUP_FINALLY handler L9
        LOAD_CONST 1
        LOAD_CONST 2 ; handler L9
        BINARY_ADD ; handler L9
    L9:
    """),
    ("1/0 raises at run time", """
        LOAD_CONST 1
        LOAD_CONST 0
        BINARY_TRUE_DIVIDE
    """),
    ("2**200 is too big", """
        LOAD_CONST 2
        LOAD_CONST 200
        BINARY_POWER
    """),
    ("a 5000-character string is too big", """
        LOAD_CONST 'ab'
        LOAD_CONST 2500
        BINARY_MULTIPLY
    """),
    ("matrix multiply has no constant operands", """
        LOAD_CONST 1
        LOAD_CONST 2
        BINARY_MATRIX_MULTIPLY
    """),
]


@pytest.mark.parametrize("why, text", NO_FOLD, ids=[n[0] for n in NO_FOLD])
def test_no_fold(why, text):
    check(fold_constants, text, text, handlers=True)


def test_fold_keeps_the_handler():
    check(fold_constants, """
        SETUP_FINALLY handler L9
        LOAD_CONST 1 ; handler L9
        LOAD_CONST 2 ; handler L9
        BINARY_ADD ; line 7, handler L9
    L9:
    """, """
        SETUP_FINALLY handler L9
        LOAD_CONST 3 ; line 7, handler L9
    L9:
    """, lines=True, handlers=True)


def _fold(op: Op, *consts):
    """The constant `consts; op` folds to, or the list it leaves."""
    items = [Instr(Op.LOAD_CONST, c) for c in consts]
    items.append(Instr(op, len(consts) if op == Op.BUILD_TUPLE else None))
    out = fold_constants.run(items)
    if len(out) == 1 and out[0].op == Op.LOAD_CONST:
        return out[0].arg
    assert out == items
    return out


FOLDED = [  # the result must have the value *and type* Python gives
    (Op.BINARY_ADD, True, 1), (Op.BINARY_ADD, 0.1, 0.2), (Op.BINARY_ADD, 1j, 1),
    (Op.BINARY_SUBTRACT, 0.0, 0.0), (Op.BINARY_MULTIPLY, -1, 0.0),
    (Op.BINARY_TRUE_DIVIDE, 1, 2), (Op.BINARY_TRUE_DIVIDE, 4, 2),
    (Op.BINARY_FLOOR_DIVIDE, -7, 2), (Op.BINARY_FLOOR_DIVIDE, 7.0, 2),
    (Op.BINARY_MODULO, -7, 3), (Op.BINARY_MODULO, 7.5, -2), (Op.BINARY_POWER, 2, 10),
    (Op.BINARY_POWER, 2, -2), (Op.BINARY_POWER, -8, 0.5), (Op.BINARY_LSHIFT, 1, 100),
    (Op.BINARY_RSHIFT, -1, 100), (Op.BINARY_AND, True, False), (Op.BINARY_OR, True, 2),
    (Op.BINARY_XOR, True, True), (Op.BINARY_ADD, "ab", "cd"), (Op.BINARY_ADD, b"a", b"b"),
    (Op.BINARY_ADD, (1,), (2.0,)), (Op.BINARY_MULTIPLY, 3, "ab"),
    (Op.BINARY_MULTIPLY, (1, 2), 3), (Op.BINARY_SUBSCR, "abc", -1),
    (Op.BINARY_SUBSCR, b"abc", 0), (Op.BINARY_SUBSCR, (1, (2, 3)), 1),
    (Op.BINARY_ADD, 10 ** 100, 1),  # an operand was this big already
    (Op.UNARY_NEGATIVE, 0.0), (Op.UNARY_NEGATIVE, 0), (Op.UNARY_NEGATIVE, 10 ** 100),
    (Op.UNARY_POSITIVE, True), (Op.UNARY_INVERT, 5), (Op.UNARY_NOT, ()),
    (Op.UNARY_NOT, 0.0), (Op.UNARY_NOT, "x"),
    (Op.BUILD_TUPLE, *range(300)),  # a tuple display folds at any size
]


def _case_id(case) -> str:
    return f"{case[0].name} {case[1:]!r}"[:40]


@pytest.mark.parametrize("case", FOLDED, ids=_case_id)
def test_fold_value_and_type(case):
    op, *consts = case
    result = _fold(op, *consts)
    expected = (tuple(consts) if op == Op.BUILD_TUPLE
                else fold_constants.RULES[op].compute(*consts))
    assert type(result) is type(expected) and repr(result) == repr(expected)


NOT_FOLDED = [
    (Op.BINARY_TRUE_DIVIDE, 1, 0), (Op.BINARY_FLOOR_DIVIDE, 1, 0),
    (Op.BINARY_MODULO, 1, 0.0), (Op.BINARY_POWER, 0, -1), (Op.BINARY_ADD, "a", 1),
    (Op.BINARY_SUBSCR, (1, 2), 5), (Op.BINARY_SUBSCR, "abc", 1.0),
    (Op.BINARY_POWER, 10.0, 400),  # OverflowError
    (Op.BINARY_LSHIFT, 1, -1),  # ValueError
    (Op.BINARY_MODULO, "%s", 1), (Op.BINARY_MODULO, b"%d", 1),  # formatting: unbounded
    (Op.BINARY_POWER, 2, 200), (Op.BINARY_POWER, 2 ** 64, 2), (Op.BINARY_LSHIFT, 1, 128),
    (Op.BINARY_MULTIPLY, 2 ** 64, 2 ** 64), (Op.BINARY_MULTIPLY, "ab", 2049),
    (Op.BINARY_MULTIPLY, 257, (1,)), (Op.BINARY_MULTIPLY, ((1,) * 8,), 200),  # 1600 items
    (Op.BINARY_ADD, "a" * 4000, "b" * 4000), (Op.BINARY_ADD, 2 ** 200 - 1, 1),
    (Op.UNARY_NEGATIVE, "x"),
]


@pytest.mark.parametrize("case", NOT_FOLDED, ids=_case_id)
def test_not_folded(case):
    op, *consts = case
    assert isinstance(_fold(op, *consts), list)


def test_no_fold_of_values_that_are_not_plain_constants():
    assert isinstance(_fold(Op.BUILD_TUPLE, [1]), list)
    assert isinstance(_fold(Op.BINARY_ADD, (1,), ([],)), list)


def test_no_fold_when_the_operation_warns():
    def warns(value):
        import warnings
        warnings.warn("at run time, please", DeprecationWarning)
        return value

    assert fold_constants.evaluate(fold_constants.Rule(1, warns), [1]) == (False, None)


def test_fold_is_a_fixpoint():
    items = parse("LOAD_CONST 1\nLOAD_CONST 2\nBINARY_ADD\nUNARY_NEGATIVE\nLOAD_CONST 3\n"
                  "BINARY_MULTIPLY\nLOAD_FAST 'x'\nBUILD_TUPLE 2")
    once = fold_constants.run(items)
    assert format_instrs(once) == "    LOAD_CONST -9\n    LOAD_FAST 'x'\n    BUILD_TUPLE 2"
    assert format_instrs(fold_constants.run(once)) == format_instrs(once)


def test_fold_in_real_code_keeps_the_try_handler_and_position():
    with recorded_lists() as lists:
        compile_source("try:\n    x = (2 +\n         3)\nexcept E:\n    pass\n")
    (items,) = lists
    out = fold_constants.run(items)
    add = next(i for i in items if isinstance(i, Instr) and i.op == Op.BINARY_ADD)
    (five,) = [i for i in out if isinstance(i, Instr) and i.arg == 5]
    assert five.op == Op.LOAD_CONST and five.pos == add.pos and five.handler is add.handler
    assert five.handler is not None and (five.pos.lineno, five.pos.end_lineno) == (2, 3)


def test_assembled_code_of_a_constant_expression():
    code = compile_source("x = 3 + 4\n")
    assert [op for op, _ in code.instructions] == [
        Op.LOAD_CONST, Op.STORE_NAME, Op.LOAD_CONST, Op.RETURN_VALUE]
    value = code.consts[code.instructions[0][1]]
    assert value == 7 and type(value) is int


def test_division_by_zero_still_raises_at_its_line():
    import builtins
    from jitvm.interpreter import VM
    code = compile_source("x = 1\ny = (x,\n     1 / 0)\n", "<zero>")
    (index,) = [i for i, (op, _) in enumerate(code.instructions)
                if op == Op.BINARY_TRUE_DIVIDE]
    assert code.positions[index].lineno == 3
    with pytest.raises(ZeroDivisionError) as info:
        VM().run_module(code, {"__builtins__": builtins})
    assert info.value._jitvm_tb[0][:2] == (code, index)


# -- remove_unreachable --------------------------------------------------------------------------


def test_unreachable_after_return_including_untargeted_labels():
    check(remove_unreachable, """
        LOAD_CONST 1
        RETURN_VALUE
        LOAD_CONST 2
        POP_TOP
    L1:
        LOAD_CONST 3
        RETURN_VALUE
    """, """
        LOAD_CONST 1
        RETURN_VALUE
    """)


def test_unreachable_up_to_a_jump_target():
    check(remove_unreachable, """
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L1
        LOAD_CONST 1
        RETURN_VALUE
        LOAD_CONST 2
        RAISE_VARARGS 1
        JUMP_FORWARD L1
    L1:
        LOAD_CONST 3
        RETURN_VALUE
    """, """
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L1
        LOAD_CONST 1
        RETURN_VALUE
    L1:
        LOAD_CONST 3
        RETURN_VALUE
    """)


def test_a_label_only_dead_code_jumps_to_is_dead():
    check(remove_unreachable, """
        LOAD_CONST
        RETURN_VALUE
        LOAD_FAST 'x'
        POP_JUMP_IF_TRUE L1
        RERAISE
    L1:
        LOAD_CONST 3
        RETURN_VALUE
    """, """
        LOAD_CONST
        RETURN_VALUE
    """)


def test_handler_labels_are_targets_and_setup_falls_through():
    text = """
        SETUP_FINALLY handler L1
        LOAD_FAST 'x' ; handler L1
        POP_TOP ; handler L1
        LOAD_CONST
        RETURN_VALUE
    L1:
        POP_TOP
        LOAD_CONST
        RETURN_VALUE
    """
    check(remove_unreachable, text, text, handlers=True)


def test_loop_labels_stay_and_dead_code_after_the_back_edge_goes():
    check(remove_unreachable, """
    L1:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L2
        JUMP_BACKWARD L1
        NOP
        JUMP_FORWARD L1
    L2:
        LOAD_CONST
        RETURN_VALUE
    """, """
    L1:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L2
        JUMP_BACKWARD L1
    L2:
        LOAD_CONST
        RETURN_VALUE
    """)


def test_nops_that_repeat_a_line_go_and_lone_ones_stay():
    check(remove_unreachable, """
        LOAD_FAST 'x' ; line 1
        POP_TOP ; line 1
        NOP ; line 1
        NOP ; line 2
        NOP
        NOP ; line 3
        NOP ; line 3
        LOAD_FAST 'y' ; line 3
        POP_JUMP_IF_FALSE L1 ; line 3
        NOP ; line 4
    L1:
        NOP ; line 4
        SETUP_FINALLY handler L2 ; line 5
        NOP ; line 5
        SETUP_FINALLY handler L2 ; line 6
        LOAD_CONST ; line 6
        RETURN_VALUE ; line 6
    L2:
        RERAISE ; line 7
    """, """
        LOAD_FAST 'x' ; line 1
        POP_TOP ; line 1
        NOP ; line 2
        LOAD_FAST 'y' ; line 3
        POP_JUMP_IF_FALSE L1 ; line 3
    L1:
        NOP ; line 4
        SETUP_FINALLY handler L2 ; line 5
        NOP ; line 5
        SETUP_FINALLY handler L2 ; line 6
        LOAD_CONST ; line 6
        RETURN_VALUE ; line 6
    L2:
        RERAISE ; line 7
    """, lines=True)


# -- thread_jumps --------------------------------------------------------------------------------


def test_thread_a_chain_of_jumps():
    check(thread_jumps, """
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L1
        JUMP_FORWARD L2
    L1:
    L0:
        JUMP_FORWARD L2
    L2:
        JUMP_FORWARD L3
    L3:
        LOAD_CONST
        RETURN_VALUE
    """, """
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L3
        JUMP_FORWARD L3
    L1:
    L0:
        JUMP_FORWARD L3
    L2:
        NOP
    L3:
        LOAD_CONST
        RETURN_VALUE
    """)


def test_conditional_jumps_never_become_back_edges():
    text = """
    L1:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L3
        LOAD_FAST 'y'
        POP_JUMP_IF_TRUE L2
        LOAD_CONST 1
        POP_TOP
    L2:
        JUMP_BACKWARD L1
    L3:
        LOAD_CONST
        RETURN_VALUE
    """
    check(thread_jumps, text, text)


def test_unconditional_jumps_may_go_back_and_are_named_by_direction():
    check(thread_jumps, """
    L1:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L3
        JUMP_FORWARD L2
        NOP
    L2:
        JUMP_BACKWARD L1
    L3:
        LOAD_CONST
        RETURN_VALUE
    """, """
    L1:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L3
        JUMP_BACKWARD L1
        NOP
    L2:
        JUMP_BACKWARD L1
    L3:
        LOAD_CONST
        RETURN_VALUE
    """)


def test_a_conditional_chain_may_pass_a_backward_label_to_end_forward():
    check(thread_jumps, """
        JUMP_FORWARD L9
    L0:
        JUMP_FORWARD L3
    L9:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L1
        NOP
    L1:
        JUMP_BACKWARD L0
    L3:
        LOAD_CONST
        RETURN_VALUE
    """, """
        JUMP_FORWARD L9
    L0:
        JUMP_FORWARD L3
    L9:
        LOAD_FAST 'x'
        POP_JUMP_IF_FALSE L3
        NOP
    L1:
        NOP
    L3:
        LOAD_CONST
        RETURN_VALUE
    """)


def test_thread_cycles_terminate():
    check(thread_jumps, """
        LOAD_FAST 'x'
        POP_JUMP_IF_TRUE L1
        JUMP_FORWARD L1
    L1:
        JUMP_FORWARD L2
    L2:
        JUMP_BACKWARD L1
    """, """
        LOAD_FAST 'x'
        POP_JUMP_IF_TRUE L2
        JUMP_FORWARD L2
    L1:
        JUMP_BACKWARD L1
    L2:
        JUMP_BACKWARD L2
    """)


def test_or_pop_and_for_iter_jumps_thread_through_unconditional_jumps_only():
    check(thread_jumps, """
        LOAD_FAST 'x'
        JUMP_IF_FALSE_OR_POP L1
        LOAD_FAST 'y'
        JUMP_IF_TRUE_OR_POP L2
        LOAD_FAST 'z'
        GET_ITER
        FOR_ITER L1
        POP_TOP
    L1:
        JUMP_FORWARD L3
    L2:
        JUMP_IF_TRUE_OR_POP L3
        LOAD_CONST 1
    L3:
        RETURN_VALUE
    """, """
        LOAD_FAST 'x'
        JUMP_IF_FALSE_OR_POP L3
        LOAD_FAST 'y'
        JUMP_IF_TRUE_OR_POP L2
        LOAD_FAST 'z'
        GET_ITER
        FOR_ITER L3
        POP_TOP
    L1:
        JUMP_FORWARD L3
    L2:
        JUMP_IF_TRUE_OR_POP L3
        LOAD_CONST 1
    L3:
        RETURN_VALUE
    """)


def test_jump_to_the_next_label_becomes_a_nop_and_setup_is_not_skipped():
    check(thread_jumps, """
        LOAD_FAST 'x' ; line 1
        POP_JUMP_IF_FALSE L1 ; line 1
        JUMP_FORWARD L1 ; line 2
    L1:
        SETUP_FINALLY handler L2 ; line 3
        JUMP_FORWARD L2 ; line 3
    L2:
        LOAD_CONST ; line 4
        RETURN_VALUE ; line 4
    """, """
        LOAD_FAST 'x' ; line 1
        POP_JUMP_IF_FALSE L1 ; line 1
        NOP ; line 2
    L1:
        SETUP_FINALLY handler L2 ; line 3
        NOP ; line 3
    L2:
        LOAD_CONST ; line 4
        RETURN_VALUE ; line 4
    """, lines=True)


# -- the pipeline --------------------------------------------------------------------------------


def test_each_pass_states_its_invariant():
    import importlib
    for name in BYTECODE_PIPELINE:
        module = importlib.import_module(f"jitvm.passes.{name}")
        assert "Invariant" in module.__doc__ and callable(module.run)


def conditional_back_edges(ir: list) -> set:
    """(op, label) of the conditional jumps to a label before them."""
    where = {item: i for i, item in enumerate(ir) if isinstance(item, Label)}
    return {(item.op, item.arg) for i, item in enumerate(ir)
            if isinstance(item, Instr) and isinstance(item.arg, Label)
            and Flag.CONDITIONAL in OPCODES[item.op].flags and where.get(item.arg, i) <= i}


def verify(ir: list, allowed_back_edges: set):
    """Stack depths agree on every path, every jump lands on a label of the list, every handler
    tag belongs to a SETUP_* of the list, and no conditional back-edge is new (the compiler may
    make some, as the match statement's retry loop does; the passes may not)."""
    stack_depths(ir)
    where = {item: i for i, item in enumerate(ir) if isinstance(item, Label)}
    setups = {item.arg for item in ir if isinstance(item, Instr) and item.op in SETUP_OPS}
    for i, item in enumerate(ir):
        if isinstance(item, Instr):
            assert not isinstance(item.arg, Label) or item.arg in where, f"{item!r}: no label"
            assert item.handler is None or item.handler in setups, f"{item!r}: lost its SETUP"
    new = conditional_back_edges(ir) - allowed_back_edges
    assert not new, f"new conditional back-edges: {new}"


def _compile(path: Path, optimize: bool = True):
    from jitvm.compiler import UnsupportedError
    from jitvm.runner import read_source
    try:
        return compile_source(read_source(str(path)), str(path), optimize=optimize)
    except (UnsupportedError, SyntaxError) as exc:
        pytest.skip(f"jitvm cannot compile it yet: {exc}")


class VerifyingManager:
    """Checks the compiler's list, then runs the pipeline with `verify` after every pass."""

    def run(self, ir):
        compiled = conditional_back_edges(ir)
        verify(ir, compiled)
        return PassManager(BYTECODE_PIPELINE, verify=lambda out: verify(out, compiled)).run(ir)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_pipeline_keeps_bytecode_valid(path, monkeypatch):
    monkeypatch.setattr(passes, "BYTECODE_MANAGER", VerifyingManager())
    _compile(path)


def _run_program(path: Path, optimize: bool):
    """Run a program on a fresh VM in this process as `jitvm run` would; what it printed and
    how it ended (a traceback is compared whole, line numbers included)."""
    from jitvm.errors import format_exception
    from jitvm.interpreter import VM
    from jitvm.runner import install_import_hook, make_main_module

    code = _compile(path, optimize)
    vm = VM()
    out, err = io.StringIO(), io.StringIO()
    saved = (list(sys.argv), list(sys.path), sys.stdin, dict(sys.modules),
             list(sys.path_hooks), os.getcwd(), sys.getrecursionlimit())
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            sys.argv[:] = [str(path)]
            sys.stdin = io.StringIO("")
            sys.path.insert(0, str(path.parent))
            sys.setrecursionlimit(max(saved[6], vm.recursion_limit * 8 + 500))
            install_import_hook(vm, [str(path.parent)])
            os.chdir(path.parent)
            module = make_main_module(str(path))
            try:
                vm.run_module(code, module.__dict__)
                ending = "ok"
            except SystemExit as exc:
                ending = f"exit {exc.code!r}"
            except Exception as exc:
                ending = format_exception(exc)
    finally:
        sys.argv[:], sys.path[:], sys.stdin = saved[0], saved[1], saved[2]
        for name in set(sys.modules) - set(saved[3]):
            del sys.modules[name]
        sys.modules.update(saved[3])
        sys.path_hooks[:] = saved[4]
        sys.path_importer_cache.clear()
        os.chdir(saved[5])
        sys.setrecursionlimit(saved[6])
    return out.getvalue(), err.getvalue(), ending


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_passes_do_not_change_behaviour(path):
    assert _run_program(path, optimize=True) == _run_program(path, optimize=False)

"""The opcode table is the single source of truth: everything else must agree with it."""

import re
from pathlib import Path

from jitvm import handlers
from jitvm.compiler import compile_source
from jitvm.dis import disassemble
from jitvm.opcodes import OPCODES, Flag, Op
from jitvm.tools import opcode_reference

DOCS = Path(__file__).resolve().parent.parent / "docs" / "OPCODES.md"


def test_numbers_are_dense_and_names_unique():
    assert [info.code for info in OPCODES] == list(range(len(OPCODES)))
    assert len({info.name for info in OPCODES}) == len(OPCODES)
    assert all(Op[info.name] == info.code for info in OPCODES)


def test_every_real_opcode_has_a_handler_and_every_pseudo_opcode_none():
    for info in OPCODES:
        if Flag.PSEUDO in info.flags:
            assert Op(info.code) not in handlers.HANDLERS, info.name
        else:
            assert Op(info.code) in handlers.HANDLERS, f"no handler for {info.name}"


def test_every_opcode_is_documented_and_the_reference_is_current():
    for info in OPCODES:
        assert info.doc.strip(), info.name
    assert DOCS.read_text() == opcode_reference(), (
        "docs/OPCODES.md is stale: run `python -m jitvm.tools opcodes > docs/OPCODES.md`")


def test_dis_shows_every_instruction_with_its_argument():
    code = compile_source("x = 1\nfor i in range(3):\n    x = x + i\nprint(x)\n", "t.py")
    text = disassemble(code)
    names = re.findall(r"\b([A-Z][A-Z_]+)\b", text)
    assert "FOR_ITER" in names and "JUMP_BACKWARD" in names and "STORE_NAME" in names
    assert "(x)" in text and "(range)" in text

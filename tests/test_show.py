"""`jitvm show`: every stage from tokens to machine code, for one function or a whole file;
plain text when piped, highlighted on a terminal or with --color."""

import ast
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from jitvm.cli import main

ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
ENV.pop("NO_COLOR", None)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def numbers_masked(text):
    return re.sub(r"\d+", "0", text)


PROGRAM = """\
import math

def add_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def norm(x: float, y):
    return math.sqrt(x * x + y * y)

def uses_dict(n, scale=2.5):
    d = {n, scale}; del scale  # (DELETE_FAST: not compiled)
    d.add(n)
    return n

class Point:
    def length(self):
        return 0

open(OUTPUT_MARKER, "w").close()
print(add_squares(10), norm(3.0, 4.5))
"""

HEADINGS = ["==== tokens:", "==== ast:", "==== bytecode:", "==== jit-ir:", "==== llvm:",
            "==== opt:", "==== asm:"]


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text(PROGRAM.replace("OUTPUT_MARKER", repr(str(tmp_path / "ran"))))
    return str(path)


def show(*args):
    result = CliRunner().invoke(main, ["show", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def show_process(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "jitvm", "show", *args], capture_output=True,
                          text=True, env=ENV, timeout=120, **kwargs)


# -- source stages -----------------------------------------------------------------------------


def test_tokens_of_a_function_are_those_on_its_lines(program):
    result = show(program, "add_squares", "--stage", "tokens")
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0].split() == ["3,0-3,3:", "NAME", "'def'"]
    assert rows[1].split() == ["3,4-3,15:", "NAME", "'add_squares'"]
    assert any(row.split()[1:] == ["OP", "'+='"] for row in rows)
    assert all(3 <= int(row.split(",")[0]) <= 7 for row in rows)


def test_tokens_of_the_file_are_python_m_tokenize(program):
    result = show(program, "--stage", "tokens")
    assert result.exit_code == 0, result.output
    expected = subprocess.run([sys.executable, "-m", "tokenize", program], capture_output=True,
                              text=True, check=True).stdout
    assert result.stdout.splitlines() == [line.rstrip() for line in expected.splitlines()]
    assert "ENCODING" in result.stdout.splitlines()[0]
    assert "ENDMARKER" in result.stdout.splitlines()[-1]


def test_ast_of_a_function_and_of_the_file(program):
    function = show(program, "norm", "--stage", "ast").stdout
    tree = ast.parse(open(program).read())
    assert function.rstrip("\n") == ast.dump(tree.body[2], indent=2)
    assert function.startswith("FunctionDef(\n  name='norm',")
    assert "lineno" not in function  # attributes off, as ast.dump's default
    whole = show(program, "--stage", "ast").stdout
    assert whole.rstrip("\n") == ast.dump(tree, indent=2)
    assert whole.startswith("Module(") and whole.count("FunctionDef(") == 4


def test_bytecode_of_a_function_and_of_the_file(program):
    function = show(program, "add_squares", "--stage", "bytecode").stdout
    assert function.startswith("Disassembly of <code object add_squares")
    assert "LOAD_FAST" in function and "FOR_ITER" in function and "<module>" not in function
    whole = show(program, "--stage", "bytecode").stdout
    assert whole.startswith("Disassembly of <code object <module>")
    for name in ("add_squares", "norm", "uses_dict", "Point", "length"):
        assert f"<code object {name}," in whole


def test_a_method_by_qualified_name(program):
    result = show(program, "Point.length", "--stage", "bytecode")
    assert result.exit_code == 0 and "<code object length," in result.stdout


# -- JIT stages --------------------------------------------------------------------------------


def test_jit_ir_says_which_types_it_guessed(program):
    result = show(program, "add_squares", "--stage", "jit-ir")
    assert result.exit_code == 0, result.output
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith("; add_squares(n: int) -- types guessed: n from the call at line 22")
    assert second == "function add_squares(int) -> int"
    assert "store total:int" in result.stdout and "[deopt#" in result.stdout


LIST_PROGRAM = """\
def scale(xs: list[float], k: float):
    for i in range(len(xs)):
        xs[i] = xs[i] * k

def total(rows):
    s = 0.0
    for row in rows:
        s += row[0] / 2
    return s

def count(flags, n):
    return len(flags) + n

def first(pair=(1, 2)):
    return pair[0]

count([True, False], 3)
"""


@pytest.mark.parametrize("function, line", [
    ("scale", "; scale(xs: list[float], k: float) -- types guessed: xs from its annotation"),
    ("total", "; total(rows: list[list[float]]) -- types guessed: rows from how the body "
              "uses it"),
    ("count", "; count(flags: list[bool], n: int) -- types guessed: flags from the call at "
              "line 17, n from the call at line 17"),
    ("first", "; first(pair: tuple[int]) -- types guessed: pair from its default"),
])
def test_list_and_tuple_parameters_are_guessed(tmp_path, function, line):
    path = tmp_path / "lists.py"
    path.write_text(LIST_PROGRAM)
    result = show(str(path), function, "--stage", "jit-ir")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(line), result.stdout.splitlines()[0]
    assert "not compiled" not in result.stdout


def test_types_chosen_on_the_command_line(program):
    result = show(program, "add_squares", "--stage", "jit-ir", "--types", "float")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("; add_squares(n: float)\n")
    assert "guessed" not in result.stdout
    # range() needs an int: the JIT says so instead of compiling
    assert "not compiled:" in result.stdout


@pytest.mark.parametrize("stage, marker", [
    ("llvm", "define "), ("opt", "define "), ("asm", "ret")])
def test_llvm_optimized_and_machine_code(program, stage, marker):
    result = show(program, "norm", "--stage", stage)
    assert result.exit_code == 0, result.output
    comment = "#" if stage == "asm" else ";"
    assert result.stdout.startswith(
        f"{comment} norm(x: float, y: float) -- types guessed: x from its annotation, "
        f"y from the call at line 22")
    assert marker in result.stdout and "norm.float_float" in result.stdout


def test_opt_level_reaches_llvm(program):
    o0 = show(program, "add_squares", "--stage", "opt", "--opt-level", "0").stdout
    o2 = show(program, "add_squares", "--stage", "opt", "--opt-level", "2").stdout
    assert o0 != o2


def test_jit_stages_of_the_file_cover_every_top_level_function(program):
    result = show(program, "--stage", "jit-ir")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "function add_squares(int) -> int" in text
    assert "function norm(float, float) -> float" in text
    assert "; uses_dict(n: int, scale: float) -- types guessed: n int by default, " \
           "scale from its default" in text
    assert f"not compiled: DELETE_FAST is not supported by the JIT yet ({program}:13)" in text
    assert "length" not in text  # methods only when asked for by name
    assert text.index("add_squares") < text.index("norm(") < text.index("uses_dict")


def test_what_the_jit_cannot_compile_is_explained_at_every_jit_stage(program):
    result = show(program, "uses_dict", "--stage", "all")
    assert result.exit_code == 0, result.output
    reason = f"not compiled: DELETE_FAST is not supported by the JIT yet ({program}:13)"
    assert result.stdout.count(reason) == 4
    assert "DELETE_FAST" in result.stdout.split("==== jit-ir:")[0]  # the bytecode is there


def test_a_class_is_not_compiled(program):
    result = show(program, "Point", "--stage", "asm")
    assert result.exit_code == 0
    assert f"not compiled: Point is a class; the JIT compiles functions ({program}:17)" \
        in result.stdout


def test_stage_all_prints_every_stage_in_order_under_headings(program):
    result = show(program, "add_squares")  # --stage all is the default
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line.startswith("==== ")]
    assert [h.split()[0] + " " + h.split()[1] for h in headings] == HEADINGS
    assert "what the interpreter (jitvm/interpreter.py) executes" in headings[2]
    sections = result.stdout.split("\n==== ")
    for section, marker in zip(sections, ["NAME", "FunctionDef(", "LOAD_FAST",
                                          "function add_squares(int) -> int", "define ",
                                          "define ", "ret"]):
        assert marker in section


def test_nothing_in_the_program_runs(program, tmp_path):
    result = show(program)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "ran").exists()


# -- errors ------------------------------------------------------------------------------------


def test_unknown_function_is_a_one_line_error(program):
    result = show_process(program, "nothing", "--stage", "bytecode")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"jitvm: no function 'nothing' in {program} (it defines: "
                             f"add_squares, norm, uses_dict, Point, Point.length)\n")


def test_ambiguous_name_asks_for_the_qualified_one(tmp_path):
    path = tmp_path / "two.py"
    path.write_text("class A:\n    def m(self): pass\nclass B:\n    def m(self): pass\n")
    result = show(str(path), "m", "--stage", "bytecode")
    assert result.exit_code == 2
    assert "'m' is ambiguous" in result.stderr and "A.m (line 2), B.m (line 4)" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["norm", "--types", "int"], "norm takes 2 arguments; --types gave 1"),
    (["norm", "--types", "str,int"], "unknown type 'str'"),
    (["--types", "int"], "--types needs a FUNCTION")])
def test_bad_types_are_one_line_errors(program, args, message):
    result = show(program, *args, "--stage", "jit-ir")
    assert result.exit_code == 2 and message in result.stderr


def test_a_syntax_error_stops_after_the_tokens(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text("x = (1,\nprint(x)\n")
    result = show_process(str(path))
    assert result.returncode == 1
    assert "NAME           'x'" in result.stdout and "==== ast" not in result.stdout
    assert result.stderr.endswith("SyntaxError: '(' was never closed\n")


# -- colour ------------------------------------------------------------------------------------


def test_piped_output_is_plain_and_color_can_be_forced(program):
    plain = show_process(program)
    assert plain.returncode == 0, plain.stderr
    assert "\x1b" not in plain.stdout
    colored = show_process(program, "--color")
    assert colored.returncode == 0, colored.stderr
    assert "\x1b[" in colored.stdout
    # highlighting only adds colour: the text is the same (but for the addresses and version
    # counters of the namespaces that guards check, which differ between two processes)
    assert numbers_masked(ANSI.sub("", colored.stdout)) == numbers_masked(plain.stdout)


def test_terminal_output_is_highlighted_unless_no_color(program):
    pty = pytest.importorskip("pty")

    def on_terminal(*args, env=ENV):
        leader, follower = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "jitvm", "show", program, "norm",
                                    "--stage", "bytecode", *args], stdout=follower,
                                   stderr=subprocess.PIPE, env=env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.wait(timeout=120) == 0
        return b"".join(chunks).decode()

    assert "\x1b[" in on_terminal()
    assert "\x1b" not in on_terminal("--no-color")
    assert "\x1b" not in on_terminal(env=dict(ENV, NO_COLOR="1"))

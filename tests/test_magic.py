"""The `%%jitvm` cell magic, in a real IPython shell (skipped when IPython is not installed).

Cells are run the way a notebook runs them, through `shell.run_cell`, so the display of
results and errors is IPython's own; output is captured with capsys.
"""

import pytest

pytest.importorskip("IPython")


@pytest.fixture(scope="module")
def shell():
    from IPython.testing.globalipapp import start_ipython
    ip = start_ipython()
    ip.run_line_magic("load_ext", "jitvm")
    return ip


def run(shell, source: str):
    return shell.run_cell(source)  # as a notebook runs a cell


SQUARES = """%%jitvm
def squares(n):
    t = 0
    for i in range(n):
        t += i * i
    return t
base = squares(10)
base + 1
"""


def test_a_cell_runs_on_jitvm_and_its_last_expression_is_the_result(shell):
    result = run(shell, SQUARES)
    assert result.success and result.result == 286
    assert type(shell.user_ns["squares"]).__module__ == "builtins"  # jitvm's `function`
    assert shell.user_ns["squares"].__jitvm_code__.name == "squares"
    assert run(shell, "%%jitvm\nbase;").result is None  # `;` hides the value


def test_state_is_kept_between_cells_and_shared_with_ordinary_cells(shell, capsys):
    run(shell, SQUARES)
    result = run(shell, "%%jitvm\nmore = squares(4) + base\nprint('more', more)")
    assert result.success
    assert "more 299" in capsys.readouterr().out
    assert run(shell, "more * 2").result == 598  # an ordinary cell sees jitvm's names
    run(shell, "from_python = 5")
    assert run(shell, "%%jitvm\nfrom_python * squares(3)").result == 25  # and the reverse


def test_dis_prints_the_bytecode(shell, capsys):
    result = run(shell, "%%jitvm --dis\ndef add(a, b):\n    return a + b\ntotal = add(1, 2)")
    out = capsys.readouterr().out
    assert result.success and shell.user_ns["total"] == 3
    assert "LOAD_FAST" in out and "LOAD_NAME" in out and "BINARY_ADD" in out
    assert "Disassembly of <code object add" in out


def test_an_exception_is_shown_and_the_shell_goes_on(shell, capsys):
    result = run(shell, "%%jitvm\ndef divide(a, b):\n    return a // b\n\ndivide(1, 0)")
    out = capsys.readouterr().out
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "ZeroDivisionError" in out and "integer division or modulo by zero" in out
    assert "return a // b" in out  # the cell's own line, not jitvm's interpreter
    assert "interpreter.py" not in out
    # ... and from an ordinary cell calling the cell's function
    result = run(shell, "divide(4, 0)")
    out = capsys.readouterr().out
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "return a // b" in out and "interpreter.py" not in out
    assert run(shell, "%%jitvm\ndivide(9, 2)").result == 4


def test_syntax_errors_and_unsupported_constructs_are_reported(shell, capsys):
    result = run(shell, "%%jitvm\nx = (1 +\n")
    assert isinstance(result.error_in_exec, SyntaxError)
    assert "SyntaxError" in capsys.readouterr().out
    result = run(shell, "%%jitvm\ntry:\n    pass\nexcept* ValueError:\n    pass\n")
    assert not result.success
    assert "'except*' is not supported by jitvm yet" in capsys.readouterr().err


def test_ir_of_a_function_after_the_cell_ran(shell, capsys):
    result = run(shell, "%%jitvm --ir cube --jit-threshold 0\ndef cube(x):\n    return x * x * x"
                        "\ncube(3)")
    out = capsys.readouterr().out
    assert result.result == 27
    assert "function cube(int) -> int" in out and "imul" in out
    run(shell, "%jitvm --ir cube --types float --stage opt")
    assert "define" in capsys.readouterr().out
    assert not run(shell, "%jitvm --ir nothing_here").success
    assert "no jitvm function of that name" in capsys.readouterr().err


def test_functions_of_cells_get_the_inspection_methods(shell):
    run(shell, "%%jitvm --jit-threshold 0\ndef twice(x):\n    return 2 * x\ntwice(21)")
    stats = run(shell, "twice(5); twice.stats()").result
    assert stats["calls"] == 1
    assert any(s["compiled"] and s["types"] == ("int",) for s in stats["specializations"])
    assert "function twice(int)" in run(shell, "twice.inspect_ir()").result


def test_no_jit_runs_interpreted(shell):
    run(shell, "%%jitvm --no-jit\ndef slow(x):\n    return x + 1\nvalues = [slow(i) for i in "
               "range(2000)]")
    assert shell.user_ns["values"][-1] == 2000
    assert run(shell, "slow.stats()").result["specializations"] == []


def test_compare_times_the_cell_three_ways(shell, capsys):
    result = run(shell, "%%jitvm --compare --jit-threshold 5\ndef tri(n):\n    s = 0\n"
                        "    for i in range(n):\n        s += i\n    return s\n"
                        "print('tri', tri(3000))\nlast = tri(10)")
    out = capsys.readouterr().out
    assert result.success
    assert out.count("tri 4498500") == 1  # the cell's output, once
    assert "outputs: identical" in out
    for row in ("CPython", "jitvm interpreter", "jitvm JIT (threshold 5)"):
        assert row in out
    assert shell.user_ns["last"] == 45  # the names of the JIT run are kept


def test_compare_says_loudly_when_outputs_differ(shell, capsys):
    # The runs share the namespace's objects, so each sees the list one longer.
    run(shell, "runs = []")
    run(shell, "%%jitvm --compare\nruns.append(1)\nprint(len(runs))")
    assert "OUTPUTS DIFFER" in capsys.readouterr().out

"""The library API: `@jitvm.jit`, `run_source`, `run_file`, and what `import jitvm` exports.

Decorated functions are compared with the undecorated originals (`f.__wrapped__`, run by
CPython): same values of the same types, same exceptions.  Tests also check that the JIT
*did* compile (stats, IR), not only that results agree.
"""

import os
import subprocess
import sys
import textwrap
import traceback

import pytest

import jitvm

SCALE = 2


@jitvm.jit(threshold=3)
def fdiv(a, b):
    return a // b


@jitvm.jit(threshold=3)
def arith(a, b):
    return a * b + a % b - (a - b) // 3


@jitvm.jit(threshold=3)
def scaled(a, b=10, c=1):
    return (a + b * SCALE) * c


@jitvm.jit(threshold=3)
def total(n):
    t = 0
    for i in range(n):
        t += scaled(i, 1, 1)
    return t


def plus_one(x):  # a host helper: not decorated
    return x + 1


@jitvm.jit(threshold=3)
def uses_helper(n):
    return plus_one(n) * SCALE


@jitvm.jit(threshold=0)
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


class Shape:
    def __init__(self):
        self.__sides = 4  # name-mangled: _Shape__sides

    @jitvm.jit
    def area(self, w, h=2.0):
        return w * h

    @jitvm.jit
    def sides(self):
        return self.__sides


square = jitvm.jit(lambda x: x * x)

NUMBERS = [0, 1, -1, 7, -7, 3, 2**62, -2**63, 2**63 - 1, 2**63, 2**70 + 5, -2**80]
FLOATS = [0.5, -2.25, 1e300, -0.0, 3.0]


def _same(a, b):
    """Equal values of the same type (so 3 and 3.0, True and 1 differ)."""
    return type(a) is type(b) and (a == b or a != a and b != b)


# -- results are CPython's -----------------------------------------------------------------------


def test_integer_results_match_cpython_including_big_ints_and_negative_floors():
    for a in NUMBERS:
        for b in NUMBERS:
            for f in (fdiv, arith):
                try:
                    expected = f.__wrapped__(a, b)
                except ZeroDivisionError as exc:
                    with pytest.raises(ZeroDivisionError, match=str(exc)):
                        f(a, b)
                    continue
                got = f(a, b)
                assert _same(got, expected), (f.__name__, a, b, got, expected)


def test_float_and_mixed_results_match_cpython():
    for a in FLOATS + [5, -5]:
        for b in FLOATS + [2, -3]:
            for f in (fdiv, arith):
                try:
                    expected = f.__wrapped__(a, b)
                except ZeroDivisionError:
                    with pytest.raises(ZeroDivisionError):
                        f(a, b)
                    continue
                assert _same(f(a, b), expected), (f.__name__, a, b)


def test_zero_division_reaches_the_caller_with_cpythons_message_and_the_users_line():
    for _ in range(5):  # interpreted, then native
        with pytest.raises(ZeroDivisionError, match="^integer division or modulo by zero$") \
                as info:
            fdiv(7, 0)
    last = traceback.extract_tb(info.value.__traceback__)[-1]
    assert last.filename == __file__
    assert last.line == "return a // b"
    assert last.name == "fdiv"
    with pytest.raises(ZeroDivisionError, match="^float floor division by zero$"):
        fdiv(1.5, 0.0)
    with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for //: 'int' and 'str'"):
        fdiv(1, "x")


def test_the_function_is_compiled_once_hot():
    for i in range(10):
        fdiv(100 + i, 7)
    stats = fdiv.stats()
    compiled = [s for s in stats["specializations"] if s["compiled"]]
    assert ("int", "int") in [s["types"] for s in compiled]
    assert stats["native_calls"] > 0
    assert stats["calls"] == stats["native_calls"] + stats["interpreted_calls"]
    assert stats["compile_ms"] > 0
    assert stats["threshold"] == 3
    ir = fdiv.inspect_ir((int, int))
    assert "function fdiv(int, int) -> int" in ir
    assert "ifloordiv" in ir
    assert fdiv.inspect_ir("int,int") == ir
    with pytest.raises(ValueError, match="called with several argument types"):
        fdiv.inspect_ir()  # ints and floats by now: which?
    assert "define" in fdiv.inspect_llvm((int, int))
    assert "define" in fdiv.inspect_llvm((int, int), optimized=False)
    assert fdiv.inspect_asm((int, int)).strip()
    assert "BINARY_FLOOR_DIVIDE" in fdiv.inspect_bytecode()
    assert "function fdiv(float, int)" in fdiv.inspect_ir((float, int))


@jitvm.jit
def keyword_only(a, *, k=1):
    return a + k


def test_what_the_jit_cannot_compile_is_explained_not_raised():
    assert keyword_only(1, k=2) == 3
    assert keyword_only.inspect_ir((int,)).startswith("not compiled: ")


def test_inspecting_bad_types_says_so():
    with pytest.raises(ValueError, match="takes 2 positional arguments"):
        fdiv.inspect_ir((int,))
    with pytest.raises(ValueError, match="unknown argument type"):
        fdiv.inspect_ir((int, str))


def test_keyword_arguments_and_defaults():
    assert scaled(1) == 21
    assert scaled(1, 2) == 5
    assert scaled(1, c=3) == 63
    assert scaled(b=1, a=2) == 4
    assert scaled(1, 2, 3) == 15
    assert Shape().area(3.0) == 6.0
    assert Shape().area(2, h=5) == 10
    assert Shape().sides() == 4  # compiled as a method of Shape: private names are mangled
    for _ in range(10):  # keyword and default calls can run natively too
        scaled(1, c=2)
    assert scaled.stats()["native_calls"] > 0


def test_wrong_calls_raise_cpythons_type_errors():
    original = scaled.__wrapped__
    for args, kwargs in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"d": 1}), ((1,), {"a": 2})]:
        with pytest.raises(TypeError) as expected:
            original(*args, **kwargs)
        with pytest.raises(TypeError) as got:
            scaled(*args, **kwargs)
        assert str(got.value) == str(expected.value)


def test_a_decorated_function_calls_another_natively():
    assert total(10) == sum(i + 2 for i in range(10))
    assert total(10) == 65
    ir = total.inspect_ir((int,))
    assert "call scaled." in ir  # a direct native call, not through the interpreter
    assert total.inspect_ir() == ir  # by default: the types it was called with
    assert any(s["compiled"] for s in total.stats()["specializations"])


def test_host_helpers_and_globals_changed_after_decoration(monkeypatch):
    for n in range(10):
        assert uses_helper(n) == (n + 1) * 2
    monkeypatch.setattr(sys.modules[__name__], "SCALE", 5)
    assert uses_helper(3) == 20
    assert total(10) == sum(i + 5 for i in range(10))  # compiled code sees the new value
    monkeypatch.setattr(sys.modules[__name__], "plus_one", lambda x: x - 1)
    assert uses_helper(3) == 10


def test_deep_recursion_raises_recursion_error():
    assert down(200) == 200
    with pytest.raises(RecursionError):
        down(100_000)
    assert down(10) == 10


def test_lambda_and_metadata():
    assert square(12) == 144
    assert square(2**40) == 2**80
    assert fdiv.__name__ == "fdiv" and fdiv.__qualname__ == "fdiv"
    assert Shape.area.__qualname__ == "Shape.area"
    assert fdiv.__module__ == __name__
    import inspect
    assert str(inspect.signature(scaled)) == "(a, b=10, c=1)"


def test_log_prints_jit_events(capsys):
    @jitvm.jit(threshold=0, log=True)
    def logged(x):
        return x + 1

    assert logged(1) == 2
    assert "[jit] compiled: logged(int) -> int" in capsys.readouterr().err


# -- what is refused, and why ------------------------------------------------------------------


def _make_closure():
    k = 3

    def inner(x):
        return x + k

    return inner


def test_closures_generators_and_async_are_refused_at_decoration():
    with pytest.raises(TypeError, match="closure: it reads k from an enclosing function"):
        jitvm.jit(_make_closure())

    def gen():
        yield 1

    with pytest.raises(TypeError, match="generator function"):
        jitvm.jit(gen)

    async def coro():
        return 1

    with pytest.raises(TypeError, match="async function"):
        jitvm.jit(coro)
    with pytest.raises(TypeError, match="not builtin_function_or_method len"):
        jitvm.jit(len)
    with pytest.raises(TypeError, match=r"write @jitvm.jit\(threshold=5\)"):
        jitvm.jit(5)
    with pytest.raises(ValueError, match="threshold must be an int >= 0"):
        jitvm.jit(threshold=-1)


def test_a_function_without_source_is_refused():
    namespace = {}
    # (a file name of its own: other tests' run_source("...") put "<string>" source in
    # linecache, where inspect would find it)
    exec(compile("def made(x):\n    return x\n", "<made without source>", "exec"), namespace)
    with pytest.raises(TypeError, match="source is not available"):
        jitvm.jit(namespace["made"])


def test_a_nested_function_without_free_variables_is_taken():
    @jitvm.jit(threshold=0)
    def nested(a, b):
        return a - b

    assert nested(10, 3) == 7
    assert nested(-2**63, 1) == -2**63 - 1
    assert nested.stats()["specializations"][0]["compiled"]


# -- run_source and run_file --------------------------------------------------------------------

PROGRAM = """
import sys

def f(n):
    s = 0
    for i in range(n):
        s += i * i
    return s

print(sys.argv[1:], f(100))
result = f(1000)
"""


def test_run_source_with_and_without_the_jit(capsys):
    ns = jitvm.run_source("def f(n):\n    return n * 3\ny = [f(i) for i in range(50)][-1]",
                          jit_threshold=0)
    assert ns["y"] == 147
    assert ns["f"]._vm.jit.stats["compiled"] >= 1  # it did compile
    ns = jitvm.run_source("z = 2 ** 100", jit=False)
    assert ns["z"] == 2**100
    ns = jitvm.run_source("w = v + 1", globals={"v": 41})
    assert ns["w"] == 42


def test_run_source_raises_the_programs_exception_with_its_lines():
    source = "def f(a):\n    return 1 // a\n\nf(0)\n"
    with pytest.raises(ZeroDivisionError) as info:
        jitvm.run_source(source, "prog.py")
    frames = traceback.extract_tb(info.value.__traceback__)
    assert [(f.filename, f.lineno, f.name) for f in frames[-2:]] == \
        [("prog.py", 4, "<module>"), ("prog.py", 2, "f")]
    assert frames[-1].line == "return 1 // a"


def test_traceback_print_exc_in_jitvm_code_shows_the_programs_lines(capsys):
    jitvm.run_source("import traceback\ndef f():\n    return 1 / 0\ntry:\n    f()\n"
                     "except ZeroDivisionError:\n    traceback.print_exc()\n", "shown.py")
    err = capsys.readouterr().err
    assert 'File "shown.py", line 3, in f' in err and "return 1 / 0" in err
    assert err.endswith("ZeroDivisionError: division by zero\n")


def test_run_file_with_argv_and_the_jit(tmp_path, capsys):
    script = tmp_path / "prog.py"
    script.write_text(PROGRAM)
    argv, path, main = sys.argv, sys.path[:], sys.modules["__main__"]
    ns = jitvm.run_file(script, argv=["a", "b"], jit_threshold=10)
    assert capsys.readouterr().out == "['a', 'b'] 328350\n"
    assert ns["result"] == 332833500
    assert ns["f"]._vm.jit.stats["compiled"] >= 1
    assert (sys.argv, sys.path, sys.modules["__main__"]) == (argv, path, main)  # put back


def test_run_file_exceptions_and_exit(tmp_path):
    script = tmp_path / "bad.py"
    script.write_text("x = 1\nraise ValueError('bad value')\n")
    with pytest.raises(ValueError, match="bad value") as info:
        jitvm.run_file(str(script))
    assert traceback.extract_tb(info.value.__traceback__)[-1].lineno == 2
    script.write_text("import sys\nsys.exit(3)\n")
    with pytest.raises(SystemExit) as info:
        jitvm.run_file(str(script))
    assert info.value.code == 3


# -- the package ---------------------------------------------------------------------------------


def test_public_api_is_what_all_says():
    for name in jitvm.__all__:
        assert hasattr(jitvm, name), name
    assert jitvm.DEFAULT_JIT_THRESHOLD == 1000
    from jitvm.jit import JIT  # the JIT package stays importable ...
    assert callable(JIT)
    assert jitvm.jit.__module__ == "jitvm.decorator"  # ... and jitvm.jit is the decorator


def test_import_jitvm_needs_no_ipython():
    code = textwrap.dedent("""
        import sys, jitvm
        import jitvm.jit
        print("IPython" in sys.modules, jitvm.jit.__module__)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(
                             os.path.abspath(jitvm.__file__)))}, check=True).stdout
    assert out == "False jitvm.decorator\n"

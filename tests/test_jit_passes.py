"""The JIT-IR passes, each on IR text: BEFORE → AFTER (the text form is parsed back, so a
test reads like the IR `jitvm ir` prints).  Plus the parser's round trip on real functions
and a verifier run after every pass while real programs compile."""

from __future__ import annotations

import importlib
import textwrap

import pytest

from jitvm.jit.ir import format_function
from jitvm.jit.ir_parse import parse_function
from jitvm.jit.types import JType
from jitvm.passes import PassError
from jitvm.passes.jit import JIT_PIPELINE, manager


def run_pass(name: str, before: str) -> str:
    fn = parse_function(textwrap.dedent(before))
    fn = importlib.import_module(f"jitvm.passes.jit.{name}").run(fn)
    return format_function(fn)


def expect(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def test_pipeline_is_listed_in_order():
    assert JIT_PIPELINE == ["specialize_types", "fold_constants", "eliminate_overflow_checks",
                            "borrow_refs", "store_read_objects", "dead_code"]


# -- the parser -------------------------------------------------------------------------------

FIB = """
    function fib(int) -> int
    entry:                              ; pc 0
        %0:int = arg 0
        store n:int, %0
        enter  [deopt#0 at pc 0]
        jump b0
    b0:                              ; pc 0
        %1:int = load n:int
        %2:int = const int 2
        %3:bool = icmp.lt %1, %2
        br %3, b4, b6
    b4:                              ; pc 4
        %4:int = load n:int
        ret %4
    b6:                              ; pc 6
        guard fib  [deopt#1 at pc 6]
        %5:int = load n:int
        %6:int = const int 1
        %7:int = isub %5, %6  [deopt#2 at pc 9, stack fib, %5, %6]
        %8:int = call fib.int.0, (%7)  [deopt#3 after call at pc 10]
        exit "global 'print' is a builtin"  [deopt#4 at pc 11, stack %8, iter(%5, %6, %7)]
"""


def test_parse_then_format_gives_the_text_back():
    assert format_function(parse_function(textwrap.dedent(FIB))) == expect(FIB)


def test_parsed_ir_has_typed_values_slots_and_deopt_points():
    fn = parse_function(FIB)
    assert fn.argtypes[0].value == "int" and fn.return_type.value == "int"
    isub = fn.blocks[3].ops[3]
    assert isub.opcode == "isub" and isub.result.type.value == "int"
    assert isub.deopt.pc == 9 and [str(v) for v in isub.deopt.values()] == ["%5", "%6"]
    assert ("n", fn.argtypes[0]) in fn.slots
    assert fn.blocks[3].ops[4].deopt.after_call


def test_parse_error_names_the_line():
    with pytest.raises(ValueError, match="line 3"):
        parse_function("function f() -> none\nentry:   ; pc 0\n    %1:int = iadd %0,\n")


@pytest.mark.parametrize("program, function, types", [
    ("bench/programs/fib.py", "fib", "int"),
    ("bench/programs/mandelbrot.py", "mandelbrot", "int"),
    ("bench/programs/loops.py", "loops", "int"),
    ("bench/programs/sieve.py", "count_primes", "int"),
    ("bench/programs/nbody_lists.py", "advance", "list[list[float]],int,float"),
    ("bench/programs/fannkuch.py", "fannkuch", "int"),
])
def test_round_trip_on_real_functions(program, function, types):
    from jitvm.inspect import compile_function_stages
    ((_, text),) = compile_function_stages(program, function, types, "jit-ir", 2)
    for one in text.split("\n\n"):  # the function, then the callees compiled with it
        assert format_function(parse_function(one)) == one


# -- specialize_types -------------------------------------------------------------------------

def test_specialize_int_add_keeps_the_overflow_guard():
    assert run_pass("specialize_types", """
        function f(int, int) -> int
        b0:                              ; pc 0
            %0:int = arg 0
            %1:int = arg 1
            %2:int = py.add %0, %1  [deopt#0 at pc 2, stack %0, %1]
            ret %2
    """) == expect("""
        function f(int, int) -> int
        b0:                              ; pc 0
            %0:int = arg 0
            %1:int = arg 1
            %2:int = iadd %0, %1  [deopt#0 at pc 2, stack %0, %1]
            ret %2
    """)


def test_specialize_mixed_arithmetic_converts_and_drops_the_guard():
    # bool + float: the bool becomes an int, then a float; float addition cannot fail
    assert run_pass("specialize_types", """
        function f(bool, float) -> float
        b0:                              ; pc 0
            %0:bool = arg 0
            %1:float = arg 1
            %2:float = py.add %0, %1  [deopt#0 at pc 2, stack %0, %1]
            ret %2
    """) == expect("""
        function f(bool, float) -> float
        b0:                              ; pc 0
            %0:bool = arg 0
            %1:float = arg 1
            %3:int = btoi %0
            %4:float = itof %3
            %2:float = fadd %4, %1
            ret %2
    """)


def test_specialize_comparisons_and_not():
    # float < int is int > float, compared exactly; `not x` tests x's truth
    assert run_pass("specialize_types", """
        function f(float, int) -> bool
        b0:                              ; pc 0
            %0:float = arg 0
            %1:int = arg 1
            %2:bool = py.lt %0, %1
            %3:bool = py.not %1  [deopt#0 at pc 4, stack %1]
            %4:bool = py.and %2, %3  [deopt#1 at pc 5, stack %2, %3]
            ret %4
    """) == expect("""
        function f(float, int) -> bool
        b0:                              ; pc 0
            %0:float = arg 0
            %1:int = arg 1
            %2:bool = ifcmp.gt %1, %0
            %5:bool = truth.int %1
            %3:bool = not %5
            %4:bool = band %2, %3
            ret %4
    """)


def test_specialize_true_division_of_ints_is_guarded_float_division():
    after = run_pass("specialize_types", """
        function f(int, int) -> float
        b0:                              ; pc 0
            %0:int = arg 0
            %1:int = arg 1
            %2:float = py.truediv %0, %1  [deopt#0 at pc 2, stack %0, %1]
            %3:float = py.floordiv %2, %1  [deopt#1 at pc 3, stack %2, %1]
            ret %3
    """)
    assert "%2:float = itruediv %0, %1  [deopt#0" in after
    assert "%4:float = itof %1\n    %3:float = ffloordiv %2, %4  [deopt#1" in after


def test_typing_rules_refuse_bitwise_on_floats():
    from jitvm.passes.jit.specialize_types import Unsupported, result_type
    from jitvm.jit.types import BOOL, FLOAT, INT
    assert result_type("and", (BOOL, BOOL)) is BOOL
    assert result_type("and", (BOOL, INT)) is INT
    assert result_type("truediv", (INT, INT)) is FLOAT
    with pytest.raises(Unsupported, match="float"):
        result_type("shl", (INT, FLOAT))


# -- fold_constants ---------------------------------------------------------------------------

def test_fold_arithmetic_with_python_semantics():
    assert run_pass("fold_constants", """
        function f() -> int
        b0:                              ; pc 0
            %0:int = const int -7
            %1:int = const int 2
            %2:int = ifloordiv %0, %1  [deopt#0 at pc 2, stack %0, %1]
            %3:int = imod %0, %1  [deopt#1 at pc 3, stack %0, %1]
            %4:int = iadd %2, %3  [deopt#2 at pc 4, stack %2, %3]
            ret %4
    """) == expect("""
        function f() -> int
        b0:                              ; pc 0
            %0:int = const int -7
            %1:int = const int 2
            %2:int = const int -4
            %3:int = const int 1
            %4:int = const int -3
            ret %4
    """)


def test_fold_leaves_what_would_fail_at_run_time():
    before = """
        function f() -> int
        b0:                              ; pc 0
            %0:int = const int 9223372036854775807
            %1:int = const int 1
            %2:int = iadd %0, %1  [deopt#0 at pc 2, stack %0, %1]
            %3:int = const int 0
            %4:int = imod %1, %3  [deopt#1 at pc 3, stack %1, %3]
            %5:float = const float 1.0
            %6:float = const float 0.0
            %7:float = fdiv %5, %6  [deopt#2 at pc 4, stack %5, %6]
            ret %2
    """
    after = run_pass("fold_constants", before)
    assert "iadd %0, %1" in after and "imod %1, %3" in after and "fdiv %5, %6" in after


def test_fold_compares_int_and_float_exactly_and_folds_branches():
    assert run_pass("fold_constants", """
        function f() -> int
        b0:                              ; pc 0
            %0:int = const int 9007199254740993
            %1:float = const float 9007199254740992.0
            %2:bool = ifcmp.eq %0, %1
            br %2, b1, b2
        b1:                              ; pc 1
            ret %0
        b2:                              ; pc 2
            %3:int = const int 0
            guard_nonzero %0  [deopt#0 at pc 2]
            ret %3
    """) == expect("""
        function f() -> int
        b0:                              ; pc 0
            %0:int = const int 9007199254740993
            %1:float = const float 9007199254740992.0
            %2:bool = const bool False
            jump b2
        b1:                              ; pc 1
            ret %0
        b2:                              ; pc 2
            %3:int = const int 0
            ret %3
    """)


def test_fold_reads_a_slot_written_once_with_a_constant():
    # a range's step is stored once; storing back what was just loaded is not a write
    assert run_pass("fold_constants", """
        function f(int) -> none
        b0:                              ; pc 0
            %0:int = const int 1
            store $s0c:int, %0
            jump b1
        b1:                              ; pc 1
            %1:int = load $s0c:int
            store $s0c:int, %1
            %2:int = arg 0
            %3:int = imul %1, %2  [deopt#0 at pc 3, stack %1, %2]
            ret
    """) == expect("""
        function f(int) -> none
        b0:                              ; pc 0
            %0:int = const int 1
            store $s0c:int, %0
            jump b1
        b1:                              ; pc 1
            %1:int = const int 1
            store $s0c:int, %1
            %2:int = arg 0
            %3:int = imul %1, %2  [deopt#0 at pc 3, stack %1, %2]
            ret
    """)


# -- eliminate_overflow_checks ----------------------------------------------------------------

RANGE_LOOP = """
    function f(int) -> int
    entry:                              ; pc 0
        %0:int = arg 0
        store n:int, %0
        %1:int = const int 0
        store $s0a:int, %1
        store total:int, %1
        jump b6
    b6:                              ; pc 6
        %2:int = load $s0a:int
        %3:int = {stop}
        %4:int = const int 1
        %5:bool = range_more %2, %3, %4
        br %5, b6.body, b9
    b6.body:                              ; pc 6
        %6:int = range_value %2, %3, %4
        %7:int = range_next %6, %4  [deopt#0 at pc 6]
        store $s0a:int, %7
        %8:int = iadd %6, %4  [deopt#1 at pc 7, stack %6, %4]
        %9:int = imul %6, %6  [deopt#2 at pc 8, stack %6, %6]
        %10:int = isub %6, %4  [deopt#3 at pc 9, stack %6, %4]
        %11:int = load total:int
        %12:int = iadd %11, %9  [deopt#4 at pc 10, stack %11, %9]
        store total:int, %12
        jump b6
    b9:                              ; pc 9
        %13:int = load total:int
        ret %13
"""


def test_range_counter_and_its_successor_cannot_overflow():
    # for i in range(n): i + 1 fits (i < n <= 2**63 - 1); i * i and the sum may not
    after = run_pass("eliminate_overflow_checks", RANGE_LOOP.format(stop="load n:int"))
    assert "%7:int = range_next.nsw %6, %4\n" in after
    assert "%8:int = iadd.nsw %6, %4\n" in after
    assert "%9:int = imul %6, %6  [deopt#2" in after
    assert "%12:int = iadd %11, %9  [deopt#4" in after
    # i - 1 when i >= 0: fits as well (the counter only grows from 0)
    assert "%10:int = isub.nsw %6, %4\n" in after


def test_constant_bound_makes_products_safe():
    # for i in range(1000): i * i <= 998001
    after = run_pass("eliminate_overflow_checks", RANGE_LOOP.format(stop="const int 1000"))
    assert "%9:int = imul.nsw %6, %6\n" in after
    assert "%12:int = iadd %11, %9  [deopt#4" in after  # the accumulator still may overflow


def test_ranges_of_masks_and_remainders():
    after = run_pass("eliminate_overflow_checks", """
        function f(int) -> int
        b0:                              ; pc 0
            %0:int = arg 0
            %1:int = const int 255
            %2:int = iand %0, %1
            %3:int = const int 10
            %4:int = imod %0, %3  [deopt#0 at pc 3, stack %0, %3]
            %5:int = imul %2, %4  [deopt#1 at pc 4, stack %2, %4]
            %6:int = iadd %0, %2  [deopt#2 at pc 5, stack %0, %2]
            ret %5
    """)
    assert "%5:int = imul.nsw %2, %4\n" in after  # [0, 255] * [0, 9]
    assert "%6:int = iadd %0, %2  [deopt#2" in after  # the argument may be anything


# -- dead_code --------------------------------------------------------------------------------

def test_dead_code_removes_unused_values_unreachable_blocks_and_spill_copies():
    assert run_pass("dead_code", """
        function f(int) -> int
        entry:                              ; pc 0
            %0:int = arg 0
            store x:int, %0
            jump b0
        b0:                              ; pc 0
            %1:int = load x:int
            %2:int = const int 3
            %3:int = iadd.nsw %1, %2
            %4:int = iadd %1, %2  [deopt#0 at pc 3, stack %1, %2]
            %5:int = load $s0:int
            store $s0:int, %5
            store $s1:int, %1
            store x:int, %1
            jump b2
        b1:                              ; pc 1
            ret %1
        b2:                              ; pc 2
            ret %1
    """) == expect("""
        function f(int) -> int
        entry:                              ; pc 0
            %0:int = arg 0
            store x:int, %0
            jump b0
        b0:                              ; pc 0
            %1:int = load x:int
            %2:int = const int 3
            %4:int = iadd %1, %2  [deopt#0 at pc 3, stack %1, %2]
            jump b2
        b2:                              ; pc 2
            ret %1
    """)


def test_dead_code_keeps_what_a_deopt_point_needs():
    after = run_pass("dead_code", """
        function f(int) -> none
        b0:                              ; pc 0
            %0:int = arg 0
            %1:int = const int 7
            check_signals  [deopt#0 at pc 1, stack %1]
            ret
    """)
    assert "%1:int = const int 7" in after


def test_dead_code_keeps_a_spill_store_that_a_release_reads():
    # A boxed spill slot owns its object: the store is what the release gives back.
    after = run_pass("dead_code", """
        function f(list) -> none
        b0:                              ; pc 0
            clear $s0:list
            %0:list = arg 0
            %1:list = newref %0
            store $s0:list, %1
            release $s0:list
            ret
    """)
    assert "store $s0:list, %1" in after and "clear $s0:list" in after


def test_dead_code_drops_an_unread_spill_slot_with_its_clear():
    after = run_pass("dead_code", """
        function f(int) -> none
        b0:                              ; pc 0
            clear $s0:list
            %0:int = arg 0
            store $s1:int, %0
            ret
    """)
    assert after.strip().splitlines()[1:] == ["b0:                              ; pc 0", "    ret"]


# -- borrow_refs -------------------------------------------------------------------------------

ROW_READ = """
    function f(list[list[float]], int) -> float
    b0:                              ; pc 0
        %0:list = load b:list
        %1:int = load k:int
        %2:obj = getitem.list %0, %1  [deopt#0 at pc 4, stack %0, %1]
        guard_type %2, list  [deopt#1 at pc 4, stack %0, %1]
        %3:list = cast %2
        %4:list = newref %3
        %5:int = load j:int
        %6:obj = getitem.list %4, %5  [deopt#2 at pc 6, stack %4, %5]
        guard_type %6, float  [deopt#3 at pc 6, stack %4, %5]
        %7:float = unbox.float %6  [deopt#3 at pc 6, stack %4, %5]
        decref %4
        ret %7
"""


def test_borrow_refs_drops_the_reference_a_nested_read_takes():
    # b[k][j]: the row is only read while its item is; the list b keeps it alive.
    assert run_pass("borrow_refs", ROW_READ) == expect("""
        function f(list[list[float]], int) -> float
        b0:                              ; pc 0
            %0:list = load b:list
            %1:int = load k:int
            %2:obj = getitem.list %0, %1  [deopt#0 at pc 4, stack %0, %1]
            guard_type %2, list  [deopt#1 at pc 4, stack %0, %1]
            %3:list = cast %2
            %5:int = load j:int
            %6:obj = getitem.list %3, %5  [deopt#2 at pc 6, stack %3, %5]
            guard_type %6, float  [deopt#3 at pc 6, stack %3, %5]
            %7:float = unbox.float %6  [deopt#3 at pc 6, stack %3, %5]
            ret %7
    """)


@pytest.mark.parametrize("between", [
    "check_signals  [deopt#4 at pc 6]",  # a signal handler runs Python code
    "decref %0",  # any release may run a finalizer
    "setitem.list %0, %5, %5  [deopt#4 at pc 6]",  # a store releases the old item
    "store $s0:list, %4",  # the slot would own the reference
    "%9:obj = call_object print, (%4)  [deopt#4 after call at pc 6]",
])
def test_borrow_refs_keeps_the_reference_across_what_may_release(between):
    before = ROW_READ.replace("        decref %4\n", f"        {between}\n        decref %4\n")
    after = run_pass("borrow_refs", before)
    assert "%4:list = newref %3" in after and "decref %4" in after


def test_borrow_refs_keeps_a_reference_used_after_its_block_or_release():
    used_later = ROW_READ.replace("        ret %7\n", "        jump b1\n    b1:    ; pc 9\n"
                                  "        %8:int = len.seq %4\n        ret %7\n")
    assert "newref" in run_pass("borrow_refs", used_later)
    in_iterator = ROW_READ.replace("stack %4, %5]\n        guard_type %6",
                                   "stack seqiter(%4, %5)]\n        guard_type %6")
    assert "newref" in run_pass("borrow_refs", in_iterator)


# -- store_read_objects ------------------------------------------------------------------------

COPY_ITEM = """
    function f(list[float], list[float], int) -> none
    b0:                              ; pc 0
        %0:list = load a:list
        %1:int = load i:int
        %2:obj = getitem.list %0, %1  [deopt#0 at pc 4, stack %0, %1]
        guard_type %2, float  [deopt#1 at pc 4, stack %0, %1]
        %3:float = unbox.float %2  [deopt#1 at pc 4, stack %0, %1]
        %4:list = load b:list
        %5:int = load j:int
        setitem.list %4, %5, %3  [deopt#2 at pc 8, stack %3, %4, %5]
        ret
"""


def test_store_read_objects_stores_the_item_read_not_a_new_box():
    # b[j] = a[i] stores a[i]'s object itself; the deopt point keeps the unboxed value.
    after = run_pass("store_read_objects", COPY_ITEM)
    assert "setitem.list %4, %5, %2  [deopt#2 at pc 8, stack %3, %4, %5]" in after


@pytest.mark.parametrize("between", [
    "setitem.list %0, %1, %1  [deopt#3 at pc 6]",  # may release the item read
    "decref %0",
    "check_signals  [deopt#3 at pc 6]",
])
def test_store_read_objects_boxes_again_after_what_may_release_the_item(between):
    before = COPY_ITEM.replace("        %4:list = load b:list\n",
                               f"        {between}\n        %4:list = load b:list\n")
    assert "setitem.list %4, %5, %3" in run_pass("store_read_objects", before)


# -- the whole pipeline, with a verifier, on real code ---------------------------------------

def verify(fn):
    """Every operand is defined once; no generic op is left after specialize_types; every
    block ends in exactly one terminator that names existing blocks; every slot an
    operation or a deopt point names exists."""
    defined = set()
    for op in fn.ops():
        if op.result is not None:
            assert op.result not in defined, f"{op.result} defined twice"
            defined.add(op.result)
    names = {block.name for block in fn.blocks}
    for block in fn.blocks:
        assert block.ops and block.ops[-1].opcode in ("jump", "br", "ret", "exit"), block.name
        for op in block.ops[:-1]:
            assert op.opcode not in ("jump", "br", "ret", "exit"), f"{op} inside {block.name}"
        for op in block.ops:
            for arg in op.args:
                for value in (arg if isinstance(arg, list) else [arg]):
                    if hasattr(value, "id") and hasattr(value, "type"):
                        assert value in defined, f"{value} used but never defined: {op}"
                if isinstance(arg, tuple) and len(arg) == 2 and isinstance(arg[1], JType):
                    assert arg in fn.slots, f"{op} names slot {arg}, which is gone"
            if op.opcode in ("jump", "br"):
                targets = op.args if op.opcode == "jump" else op.args[1:]
                assert set(targets) <= names, f"{op} jumps nowhere"
            if op.deopt is not None:
                for value in op.deopt.values():
                    assert value in defined, f"{value} in {op.deopt} never defined"
                assert set(op.deopt.slots()) <= set(fn.slots), f"{op.deopt}: a slot is gone"
    return fn


def test_pipeline_with_verifier_on_benchmarks(monkeypatch):
    import jitvm.passes.jit as jit_passes
    checked = manager(verify=verify)
    monkeypatch.setattr(jit_passes, "JIT_MANAGER", checked)
    from jitvm.inspect import compile_function_stages
    for program, function, types in [("bench/programs/fib.py", "fib", "int"),
                                     ("bench/programs/mandelbrot.py", "mandelbrot", "int"),
                                     ("bench/programs/loops.py", "loops", "int"),
                                     ("bench/programs/collatz.py", "longest_chain", "int"),
                                     ("bench/programs/sieve.py", "count_primes", "int"),
                                     ("bench/programs/matmul.py", "matmul",
                                      "list[list[float]],list[list[float]],int"),
                                     ("bench/programs/nbody_lists.py", "advance",
                                      "list[list[float]],int,float"),
                                     ("bench/programs/fannkuch.py", "fannkuch", "int"),
                                     ("bench/programs/spectral_norm.py", "mul_av",
                                      "list[float],list[float],int")]:
        ((_, text),) = compile_function_stages(program, function, types, "jit-ir", 2)
        assert "py." not in text and text.startswith("function")
    assert set(checked.timings) == set(JIT_PIPELINE)


def test_pass_errors_name_the_pass():
    broken = manager(verify=lambda fn: (_ for _ in ()).throw(AssertionError("bad")))
    with pytest.raises(PassError, match="after pass 'specialize_types'"):
        broken.run(parse_function(FIB))


def test_cli_prints_the_ir_after_each_pass(monkeypatch):
    from click.testing import CliRunner
    from jitvm.cli import main
    import jitvm.passes.jit as jit_passes
    monkeypatch.setattr(jit_passes, "JIT_MANAGER", jit_passes.JIT_MANAGER)  # the CLI swaps it
    result = CliRunner().invoke(main, ["ir", "bench/programs/loops.py", "loops", "--types",
                                       "int", "--print-after", "all"])
    assert result.exit_code == 0, result.output
    headings = [line for line in result.output.splitlines() if line.startswith("# ")]
    assert headings == ["# before the passes"] + [f"# after {name}" for name in JIT_PIPELINE]
    before, after = result.output.split("# after specialize_types")
    assert "py.mul" in before and "py.mul" not in after
    assert "range_next.nsw" in result.output.split("# after eliminate_overflow_checks")[1]
    listing = CliRunner().invoke(main, ["passes"])
    assert "jit-ir:   specialize_types -> fold_constants" in listing.output

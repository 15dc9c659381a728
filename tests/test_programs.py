"""Differential tests: every program in tests/programs/ must behave the same
under jitvm as under CPython (stdout, exit status, last line of stderr).

Files named helper_*.py and the pkg_demo/ package are modules imported by the
programs, not programs themselves.
"""

import pytest

from difftest import MODES, PROGRAMS_DIR, assert_same, mode_id, program_files

# Command-line arguments for programs that read sys.argv.
PROGRAM_ARGS = {
    "sys_argv.py": ["alpha", "12", "--verbose", "30", "--name=demo", "-7"],
    "sim_todo_cli.py": ["$"],
    "main_guard.py": ["one", "two"],
}

# Expected exit status for programs that do not exit normally.  This is checked
# against CPython too, so a broken program (or a broken expectation) shows up.
EXPECTED_STATUS = {
    "exit_assertion_uncaught.py": 1,
    "exit_attribute_error.py": 1,
    "exit_keyerror_uncaught.py": 1,
    "exit_raise_systemexit.py": 2,
    "exit_sys_exit_3.py": 3,
    "exit_sys_exit_message.py": 1,
    "exit_uncaught_chained.py": 1,
    "exit_uncaught_custom.py": 1,
    "exit_uncaught_valueerror.py": 1,
    "exit_zero_division.py": 1,
    "jit_host_calls.py": 1,
    "exit_uncaught_json_chained.py": 1,
    "exit_uncaught_in_method.py": 1,
    "fused_exit_empty_max.py": 1,
    "fused_exit_stopiteration.py": 1,
    "heldout_uncaught_hot.py": 1,
    "heldout_uncaught_keyerror_method.py": 1,
    "heldout_uncaught_overflow.py": 1,
    "heldout_uncaught_custom_deep.py": 1,
    "heldout_exit_in_hot_loop.py": 3,
    "heldout_uncaught_keyerror_tuple.py": 1,
}

# Programs whose output depends on the *host* interpreter's frames, which jitvm cannot fake:
# they stay in the corpus as documented differences (README, "Known differences") and are
# expected to fail.  Remove an entry when jitvm learns to do it.
KNOWN_DIFFERENCES = {
    "exc_traceback_module.py": "traceback.extract_tb/extract_stack walk host frames",
    "stdlib_logging_callsite.py": "logging's funcName/lineno come from host frames",
}

PROGRAMS = program_files()


def _cases(modes=MODES):
    """(path, options) pairs; the id is the file name, plus the mode for non-default modes."""
    for options in modes:
        for path in PROGRAMS:
            test_id = path.name if not options else f"{path.name}-{mode_id(options)}"
            marks = ()
            if path.name in KNOWN_DIFFERENCES:
                marks = pytest.mark.xfail(reason=KNOWN_DIFFERENCES[path.name], strict=True)
            yield pytest.param(path, options, id=test_id, marks=marks)


def test_corpus_is_complete():
    assert len(PROGRAMS) >= 120, f"only {len(PROGRAMS)} programs in {PROGRAMS_DIR}"
    names = {p.name for p in PROGRAMS}
    for table in (PROGRAM_ARGS, EXPECTED_STATUS, KNOWN_DIFFERENCES):
        missing = set(table) - names
        assert not missing, f"entries for nonexistent programs: {sorted(missing)}"


@pytest.mark.parametrize("path, options", list(_cases()))
def test_program(path, options):
    _check(path, options)


# Small thresholds: functions start interpreted, get compiled after a call or a few loop
# iterations (so on-stack replacement and specialisations made from real feedback are
# exercised).  The whole corpus at both takes ~7 minutes on the 2-CPU machine: slow.
LOW_THRESHOLDS = [("--jit-threshold", "1"), ("--jit-threshold", "5")]


@pytest.mark.slow
@pytest.mark.parametrize("path, options", list(_cases(LOW_THRESHOLDS)))
def test_program_low_threshold(path, options):
    _check(path, options)


def _check(path, options):
    expected = assert_same(path, args=PROGRAM_ARGS.get(path.name, ()), options=options)
    assert expected.returncode == EXPECTED_STATUS.get(path.name, 0), (
        f"CPython exit status {expected.returncode} for {path.name} is not the "
        f"expected one; stderr:\n{expected.stderr}"
    )

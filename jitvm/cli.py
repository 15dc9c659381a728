"""The `jitvm` command.

    jitvm run [OPTIONS] FILE [ARGS]...   run a program (like `python3 FILE ARGS`)
    jitvm dis [--no-opt] FILE            show the bytecode jitvm runs for FILE
    jitvm passes                         list the optimization pipeline

Exit codes follow CPython: 0 on success, 1 for an uncaught exception or a SyntaxError, the
code given to `sys.exit`, 2 when the file cannot be read, 130-by-signal for Ctrl-C; a bug in
jitvm itself says "internal error" and exits 70.
"""

from __future__ import annotations

import gc
import os
import sys
import time

import click

from . import __version__
from .api import DEFAULT_JIT_THRESHOLD  # one default for the CLI, the API and the magic


def _fail_open(path: str, reason: str):
    click.echo(f"jitvm: can't open file {path!r}: {reason}", err=True)
    sys.exit(2)


def _check_readable(path: str):
    if not os.path.exists(path):
        _fail_open(path, "[Errno 2] No such file or directory")
    if os.path.isdir(path):
        _fail_open(path, "is a directory")
    try:
        from .runner import read_source
        read_source(path)
    except (ValueError, UnicodeDecodeError, SyntaxError):
        _fail_open(path, "not a Python source file (binary or undecodable)")
    except OSError as exc:
        _fail_open(path, f"[Errno {exc.errno}] {exc.strerror}")


def _print_user_error(exc: BaseException):
    from .errors import format_exception
    sys.stdout.flush()
    sys.stderr.write(format_exception(exc))
    sys.stderr.flush()


def _system_exit_code(exc: SystemExit) -> int:
    """What CPython's handle_system_exit does with the exit value."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF if code >= 0 else code
    sys.stdout.flush()
    print(code, file=sys.stderr)
    return 1


def _run_guarded(action) -> int:
    """Run `action`, turning every way a program can end into CPython's output and exit code."""
    from .errors import is_user_exception
    try:
        action()
        return 0
    except SystemExit as exc:
        return _system_exit_code(exc)
    except SyntaxError as exc:
        _print_user_error(exc)
        return 1
    except KeyboardInterrupt as exc:
        _print_user_error(exc)
        # Die by SIGINT, as CPython does, so the parent shell sees the interrupt.
        import signal
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        return 130
    except RecursionError as exc:
        if is_user_exception(exc):
            _print_user_error(exc)
            return 1
        raise
    except BaseException as exc:
        # (Only the compiler raises UnsupportedError, and only `jitvm ir`/`show` InspectError,
        # having imported their modules: a run whose bytecode is cached imports neither module
        # just to catch them.)
        compiler = sys.modules.get(f"{__package__}.compiler")
        if compiler is not None and isinstance(exc, compiler.UnsupportedError):
            sys.stdout.flush()
            click.echo(f'  File "{exc.filename}", line {exc.lineno}\n'
                       f"jitvm: {exc.msg}", err=True)
            return 1
        inspect = sys.modules.get(f"{__package__}.inspect")
        if inspect is not None and isinstance(exc, inspect.InspectError):
            click.echo(f"jitvm: {exc}", err=True)
            return 2
        if is_user_exception(exc):
            _print_user_error(exc)
            return 1
        import traceback
        sys.stdout.flush()
        click.echo("jitvm: internal error (a bug in jitvm, not in your program):", err=True)
        traceback.print_exception(exc)
        return 70


def _flush_stdout(code: int) -> int:
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        return code or 120
    return code


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jitvm")
def main():
    """jitvm: a Python virtual machine written in Python.

    Compiles Python source to jitvm's own bytecode, runs it on a stack-based interpreter, and
    compiles hot int/float code to machine code through llvmlite (see `jitvm run --help`).
    """


@main.command(context_settings={"allow_interspersed_args": False})
@click.option("--stats", is_flag=True,
              help="At exit, print instructions executed, the hottest code objects and JIT "
                   "statistics to stderr (counting slows the interpreter).")
@click.option("--stats-json", type=click.Path(dir_okay=False, allow_dash=True),
              help="At exit, write the time split and JIT counters as a JSON object to this "
                   "file ('-': stderr), without counting instructions (for scripts such as "
                   "`jitvm compare`).")
@click.option("--jit-threshold", type=click.IntRange(min=0), default=DEFAULT_JIT_THRESHOLD,
              show_default=True,
              help="Compile a function to machine code once its calls plus loop iterations "
                   "reach this count (0: before its first call).")
@click.option("--no-jit", is_flag=True, help="Never compile: interpret everything.")
@click.option("--jit-background/--jit-sync", default=False, show_default=True,
              help="Make machine code on a second thread while the interpreter goes on (hot "
                   "code runs natively once it is ready; helps when a CPU core is free), or "
                   "stop and compile at once (the default: faster on a busy machine, see "
                   "bench/README.md).  Always at once with --jit-threshold 0 or a dump "
                   "option.")
@click.option("--jit-log", is_flag=True,
              help="Print one line per JIT event (compiled, deopt, not compiled) to stderr.")
@click.option("--opt-level", type=click.IntRange(0, 3), default=2, show_default=True,
              help="LLVM optimization level for compiled code.")
@click.option("--no-jit-cache", is_flag=True,
              help="Always compile with LLVM: neither load machine code from the on-disk "
                   "cache nor store it there (also: JITVM_NO_JIT_CACHE=1).")
@click.option("--dump-jit-ir", is_flag=True, help="Print the JIT IR of each compiled function.")
@click.option("--dump-ir", is_flag=True,
              help="Print the LLVM IR of each compiled module, as built and optimized.")
@click.option("--dump-asm", is_flag=True, help="Print the machine code of each compiled module.")
@click.option("--dump-dir", type=click.Path(file_okay=False),
              help="Write the dumps into this folder (one file per module and stage) instead "
                   "of stderr.")
@click.argument("file", type=click.Path(dir_okay=True))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run(file: str, args: tuple[str, ...], stats: bool, stats_json: str | None,
        jit_threshold: int, no_jit: bool, jit_background: bool, jit_log: bool,
        opt_level: int, no_jit_cache: bool, dump_jit_ir: bool, dump_ir: bool, dump_asm: bool,
        dump_dir: str | None):
    """Run FILE as a program, with ARGS in sys.argv (like `python3 FILE ARGS`)."""
    started = time.perf_counter()
    _check_readable(file)
    from .interpreter import VM
    from .runner import run_path
    vm = VM()
    vm.count_instructions = stats
    if not no_jit:
        from .jit import JIT
        log = (lambda line: print(f"[jit] {line}", file=sys.stderr)) if jit_log else None
        dump = {stage for stage, on in (("jit-ir", dump_jit_ir), ("llvm", dump_ir),
                                         ("opt", dump_ir), ("asm", dump_asm)) if on}
        vm.jit = JIT(vm, threshold=jit_threshold, opt_level=opt_level, log=log,
                     dump=frozenset(dump), dump_dir=dump_dir, background=jit_background,
                     cache=not no_jit_cache, learn_unprofiled=True)
        vm.jit.timed = stats or stats_json is not None
    _share_recursion_limit(vm)
    _share_exc_info(vm)
    from .errors import install_traceback_hook
    install_traceback_hook()
    # What start-up made (jitvm's modules, click's, the standard library's: ~18,000 objects)
    # lives until exit: moved out of the cycle collector's sight, the program's full
    # collections and those at exit skip it (~10 ms less per run).  The program's own objects
    # are collected as under CPython, their finalizers run at exit as before.
    gc.freeze()
    code = _run_guarded(lambda: run_path(file, list(args), vm))
    from .runner import finalize_main
    code = _run_guarded(finalize_main) or code
    if vm.jit is not None:
        vm.jit.close()  # a compilation still under way is finished and dropped
    summary = _time_split(vm, time.perf_counter() - started)
    if stats:
        _print_stats(vm, summary)
    if stats_json is not None:
        _write_stats_json(stats_json, summary)
    sys.exit(_flush_stdout(code))


def _time_split(vm, seconds: float) -> dict:
    """Where the run's wall time went: compiling, in native code, and the rest (interpreting,
    including the host calls interpreted code makes and jitvm's own start-up)."""
    jit = dict(vm.jit.stats) if vm.jit is not None else {
        "compiled": 0, "compile_ms": 0.0, "osr_entries": 0, "deopts": 0, "not_compiled": 0,
        "native_ms": 0.0}
    wall_ms = seconds * 1e3
    jit["wall_ms"] = wall_ms
    jit["interp_ms"] = max(0.0, wall_ms - jit["compile_ms"] - jit["native_ms"])
    jit["jit"] = vm.jit is not None
    jit["llvm_loaded"] = "llvmlite.binding" in sys.modules
    if vm.count_instructions:
        jit["instructions"] = vm.instruction_count
    return jit


def _write_stats_json(path: str, summary: dict):
    import json
    text = json.dumps(summary, indent=2, sort_keys=True)
    if path == "-":
        print(text, file=sys.stderr)
        return
    with open(path, "w") as out:
        out.write(text + "\n")


def _share_recursion_limit(vm):
    """`sys.setrecursionlimit` in the program sets jitvm's limit on jitvm frames; the host's
    own limit is kept high enough for the host frames each jitvm call needs."""
    from .interpreter import HOST_FRAMES_PER_CALL
    host_set = sys.setrecursionlimit

    def setrecursionlimit(limit: int):
        host_set(limit)  # validates the argument as CPython does
        vm.recursion_limit = limit
        host_set(limit * HOST_FRAMES_PER_CALL * 2 + 500)

    def getrecursionlimit() -> int:
        return vm.recursion_limit

    setrecursionlimit(sys.getrecursionlimit())
    sys.setrecursionlimit = setrecursionlimit
    sys.getrecursionlimit = getrecursionlimit


def _share_exc_info(vm):
    """`sys.exc_info()` (used by traceback.print_exc, logging.exception, …) reports the
    exception a jitvm `except` block is handling; host code's own handlers come first."""
    host_exc_info = sys.exc_info

    def exc_info():
        info = host_exc_info()
        exc = vm.thread_state().exc_info
        if info[0] is not None or exc is None:
            return info
        return type(exc), exc, exc.__traceback__

    sys.exc_info = exc_info


def _print_stats(vm, summary: dict):
    err = sys.stderr
    wall = summary["wall_ms"] or 1.0
    print(f"time: {summary['wall_ms']:.1f} ms in all: interpreting {summary['interp_ms']:.1f} ms "
          f"({summary['interp_ms'] / wall:.0%}), native {summary['native_ms']:.1f} ms "
          f"({summary['native_ms'] / wall:.0%}), compiling {summary['compile_ms']:.1f} ms "
          f"({summary['compile_ms'] / wall:.0%})"
          + (f"; {summary['background_ms']:.1f} ms of LLVM on the compiler thread"
             if summary.get("background_ms") else ""), file=err)
    if vm.jit is not None:
        jit = vm.jit.stats
        llvm = "loaded" if "llvmlite.binding" in sys.modules else "not loaded"
        print(f"jit: {jit['compiled']} compiled ({jit['cache_hits']} from the machine-code "
              f"cache, {jit['not_lowered']} of them not lowered; LLVM {llvm}), "
              f"{jit['not_compiled']} not compilable, {jit['osr_entries']} OSR entries, "
              f"{jit['deopts']} deopts ({jit['element_deopts']} on an element type), "
              f"{vm.jit.boxed_calls} calls to Python callables from native code", file=err)
        worst = sorted(vm.jit.deopts_by_guard.items(), key=lambda item: -item[1])[:5]
        for where, count in worst:
            print(f"  {count:>10}  deopt: {where}", file=err)
    print(f"instructions executed: {vm.instruction_count}", file=err)
    hot = sorted(vm.profiles.items(), key=lambda item: -item[1].count)[:10]
    print(f"code objects run: {sum(1 for _, p in vm.profiles.items() if p.count)}", file=err)
    for code, profile in hot:
        print(f"  {profile.count:>10}  {code.qualname} ({os.path.basename(code.filename)}:"
              f"{code.firstlineno})", file=err)


@main.command()
@click.option("--no-opt", is_flag=True, help="Show the bytecode before the optimization passes.")
@click.argument("file", type=click.Path())
def dis(file: str, no_opt: bool):
    """Show the jitvm bytecode of FILE (every code object in it)."""
    _check_readable(file)
    from .compiler import compile_source
    from .dis import disassemble
    from .runner import read_source

    def show():
        code = compile_source(read_source(file), file, optimize=not no_opt)
        click.echo(disassemble(code))

    sys.exit(_run_guarded(show))


@main.command()
@click.argument("file", type=click.Path())
@click.argument("function", required=False)
@click.option("--stage", type=click.Choice(["tokens", "ast", "bytecode", "jit-ir", "llvm", "opt",
                                            "asm", "all"]),
              default="all", show_default=True,
              help="Which stage to print; all: every one in order, under headings.")
@click.option("--types", "types_", metavar="T1,T2,...",
              help="Argument types for the JIT stages (int, float, bool). Default: guessed "
                   "from annotations, defaults and literal arguments in the file, else int.")
@click.option("--opt-level", type=click.IntRange(0, 3), default=2, show_default=True)
@click.option("--color/--no-color", default=None,
              help="Highlight or not (default: only when stdout is a terminal).")
def show(file: str, function: str | None, stage: str, types_: str | None, opt_level: int,
         color: bool | None):
    """Print FILE, or FUNCTION in it, at any stage from source to machine code: tokens, AST,
    bytecode, JIT IR, LLVM IR (as built and optimized), assembly.  Without FUNCTION the JIT
    stages cover every top-level function.  FILE does not run (its top-level imports are
    imported, so that the JIT knows what they are)."""
    _check_readable(file)

    def action():
        from .show import show as show_stages
        show_stages(file, function, stage, types_, opt_level, color)

    sys.exit(_run_guarded(action))


@main.command()
@click.argument("file", type=click.Path())
@click.argument("function")
@click.option("--types", "types_", default="", metavar="T1,T2,...",
              help="Argument types to specialise for, comma-separated: int, float, bool, "
                   "list[ELEM] or tuple[ELEM] (e.g. list[float], list[list[int]]).")
@click.option("--stage", type=click.Choice(["bytecode", "jit-ir", "llvm", "opt", "asm", "all"]),
              default="jit-ir", show_default=True, help="Which form of the code to print.")
@click.option("--opt-level", type=click.IntRange(0, 3), default=2, show_default=True)
@click.option("--print-after", metavar="PASS|all", multiple=True,
              help="Also print the JIT IR as the front end built it and after this JIT-IR "
                   "pass (repeatable; 'all': after every pass; see `jitvm passes`).")
def ir(file: str, function: str, types_: str, stage: str, opt_level: int,
       print_after: tuple[str, ...]):
    """Print FUNCTION (a name or qualified name in FILE) as the JIT compiles it, without
    running the program.  Functions defined at the top of FILE can be called; other globals
    are unknown, and the JIT says so if it needs them."""
    _check_readable(file)
    if print_after:
        from .passes import jit as jit_passes
        unknown = set(print_after) - set(jit_passes.JIT_PIPELINE) - {"all"}
        if unknown:
            raise click.BadParameter(f"no JIT-IR pass {sorted(unknown)[0]!r} (see `jitvm "
                                     f"passes`)", param_hint="--print-after")
        jit_passes.JIT_MANAGER = jit_passes.manager(print_after=set(print_after))
        jit_passes.JIT_MANAGER.out = sys.stdout  # (this command's process only)

    def show():
        from .inspect import compile_function_stages
        for title, text in compile_function_stages(file, function, types_, stage, opt_level):
            if stage == "all":
                click.echo(f"==== {title} ====")
            click.echo(text)

    sys.exit(_run_guarded(show))


def _warmup_options(command):
    """The options of the warm-up view, shared by `jitvm warmup` and `jitvm compare --warmup`."""
    options = [
        click.option("--args", "call_args", default="", metavar="LITERALS",
                     help="FUNCTION's arguments as Python literals, e.g. --args 30 or "
                          "--args \"1000, 2.5\"."),
        click.option("--iterations", type=click.IntRange(min=1), default=40, show_default=True,
                     help="How many calls of FUNCTION to time in each configuration."),
        click.option("--budget", type=click.FloatRange(min=0), default=30.0, show_default=True,
                     help="Stop a configuration's calls once they took this many seconds."),
        click.option("--plot", type=click.Path(dir_okay=False),
                     help="Also draw the warm-up as a PNG file (needs matplotlib: "
                          "pip install 'jitvm[plot]')."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


_COMPARE_ONLY = ("repeat", "with_", "stdin")
_WARMUP_ONLY = ("call_args", "iterations", "budget", "plot")


@main.command(context_settings={"allow_interspersed_args": False})
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="Runs of each configuration (interleaved); the table shows the median and "
                   "the min-max spread.")
@click.option("--jit-threshold", type=click.IntRange(min=0), default=DEFAULT_JIT_THRESHOLD,
              show_default=True, help="The JIT configuration's `jitvm run --jit-threshold`.")
@click.option("--with", "with_", multiple=True, metavar="COMMAND",
              help="An extra row: COMMAND with the program and ARGS appended, e.g. --with pypy3 "
                   "(skipped with a note when PyPy is not installed) or --with \"python3.12 -X "
                   "importtime\". Repeatable.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write the data as JSON to this file ('-': stdout, the table then goes "
                   "to stderr).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a run after this long (it counts as a failure).")
@click.option("--stdin", type=click.Path(dir_okay=False, exists=True),
              help="Feed this file to every run's standard input (otherwise: empty).")
@click.option("--warmup", metavar="FUNCTION",
              help="Instead of whole runs, show FUNCTION warming up call by call (the same as "
                   "`jitvm warmup FILE FUNCTION`; with --args, --iterations, --budget, --plot).")
@_warmup_options
@click.argument("file", type=click.Path())
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def compare(ctx, file: str, args: tuple[str, ...], warmup: str | None, jit_threshold: int,
            json_path: str | None, timeout: float | None, **options):
    """Run FILE with ARGS on host CPython, on the jitvm interpreter and with jitvm's JIT; check
    that all print the same output and exit status, and compare their times.

    Options go before FILE (what follows it is the program's ARGS).  Exit status: 0 when
    every output matched CPython's, 1 when one differed or a run failed, 2 for a usage error.
    """
    _check_readable(file)
    given = {name for name in options
             if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT}
    wrong = given & set(_COMPARE_ONLY if warmup else _WARMUP_ONLY)
    if wrong:
        flags = ", ".join("--" + name.rstrip("_").replace("_", "-") for name in sorted(wrong))
        raise click.UsageError(f"{flags}: only {'without' if warmup else 'with'} --warmup")
    if warmup:
        from .warmup import warmup_command
        sys.exit(warmup_command(file, warmup, list(args), options["call_args"],
                                options["iterations"], jit_threshold, options["budget"],
                                options["plot"], json_path, timeout))
    from .compare import compare_command
    sys.exit(compare_command(file, list(args), options["repeat"], jit_threshold,
                             options["with_"], json_path, timeout, options["stdin"]))


@main.command()
@click.option("--jit-threshold", type=click.IntRange(min=0), default=DEFAULT_JIT_THRESHOLD,
              show_default=True, help="The JIT configuration's `jitvm run --jit-threshold`.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write the timings as JSON to this file ('-': stdout).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a configuration after this long.")
@_warmup_options
@click.argument("file", type=click.Path())
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def warmup(file: str, function: str, args: tuple[str, ...], call_args: str, iterations: int,
           budget: float, plot: str | None, jit_threshold: int, json_path: str | None,
           timeout: float | None):
    """Call FUNCTION of FILE again and again on CPython, the jitvm interpreter and jitvm's
    JIT, and chart the time of each call: the JIT visibly kicks in.

    FILE is loaded as a module (its `if __name__ == "__main__":` block does not run), with
    ARGS in sys.argv (put `--` before ARGS that start with '-').  For example:

    \b
        jitvm warmup prog.py fib --args 20 --iterations 30
    """
    _check_readable(file)
    from .warmup import warmup_command
    sys.exit(warmup_command(file, function, list(args), call_args, iterations, jit_threshold,
                            budget, plot, json_path, timeout))


@main.command()
def passes():
    """List the optimization pipelines, in order."""
    from .passes import BYTECODE_PIPELINE
    from .passes.jit import JIT_PIPELINE
    click.echo("bytecode: " + (" -> ".join(BYTECODE_PIPELINE) or "(none)"))
    click.echo("jit-ir:   " + " -> ".join(JIT_PIPELINE))

"""The `%%jitvm` cell magic for IPython and Jupyter (`%load_ext jitvm`).

In: a notebook cell.  Out: its effects, with the cell run on jitvm (JIT included) in the
notebook's own namespace, so names flow both ways between `%%jitvm` cells and ordinary ones;
the value of a last expression is the cell's result, as in any cell.  Options show the cell's
bytecode (`--dis`), a function's JIT IR or machine code after the cell ran (`--ir FUNC`), or
time the cell on CPython, the jitvm interpreter and the JIT (`--compare`).

IPython is imported here only: `import jitvm` never needs it.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import io
import statistics
import time
from dataclasses import dataclass, field

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from .api import DEFAULT_JIT_THRESHOLD, _new_vm, _program_traceback
from .code import CodeObject
from .compiler import UnsupportedError, compile_source
from .decorator import _runtime, adopt, stage_text
from .dis import disassemble
from .interpreter import VM
from .objects import Function


def load_ipython_extension(ipython) -> None:
    """Register `%%jitvm` (what `%load_ext jitvm` calls)."""
    ipython.register_magics(JitvmMagics)


@dataclass
class _Cell:
    """A cell split as an interactive shell runs it: the statements, then the last one's value
    if it is an expression (its text padded so lines and columns are the cell's own)."""

    filename: str
    body: str
    expression: str | None
    quiet: bool  # a trailing `;` hides the value, as in IPython


def _split(cell: str, filename: str) -> _Cell:
    source = "\n" + cell  # line 1 is the `%%jitvm` line: line numbers match the cell's
    tree = ast.parse(source, filename)
    quiet = source.rstrip().endswith(";")
    last = tree.body[-1] if tree.body else None
    if not isinstance(last, ast.Expr):
        return _Cell(filename, source, None, quiet)
    lines = source.splitlines(keepends=True)
    start, col = last.lineno - 1, last.col_offset
    body = "".join(lines[:start]) + lines[start][:col]
    # An expression must start at column 0 in eval mode: `(` plus spaces keep its columns.
    indent, close = ("(" + " " * (col - 1), ")") if col else ("", "")
    expression = "\n" * start + indent + ast.get_source_segment(source, last) + close
    return _Cell(filename, body, expression, quiet)


@magics_class
class JitvmMagics(Magics):
    """`%%jitvm`: run the cell on jitvm."""

    @magic_arguments()
    @argument("--dis", action="store_true",
              help="Print the cell's jitvm bytecode (every code object in it), then run it.")
    @argument("--ir", metavar="FUNC",
              help="After running the cell, print the JIT IR of the jitvm function FUNC (one "
                   "defined in a %%%%jitvm cell or decorated with @jitvm.jit).")
    @argument("--types", metavar="T1,T2",
              help="Argument types for --ir: int, float or bool, comma-separated (default: "
                   "the types FUNC was called with).")
    @argument("--stage", choices=["jit-ir", "llvm", "opt", "asm"], default="jit-ir",
              help="What --ir prints: the JIT IR (default), the LLVM IR as built or "
                   "optimized, or the machine code.")
    @argument("--compare", action="store_true",
              help="Run the cell on CPython, the jitvm interpreter and the JIT, each in a copy "
                   "of the namespace, check their outputs agree and print a timing table. The "
                   "output is shown once and the JIT run's names are kept.")
    @argument("--repeat", type=int, default=1, metavar="K",
              help="With --compare: runs of each configuration (the table shows the median).")
    @argument("--jit-threshold", type=int, default=DEFAULT_JIT_THRESHOLD, metavar="N",
              help="Compile a function once its calls plus loop iterations reach N (0: at "
                   f"once; default {DEFAULT_JIT_THRESHOLD}).")
    @argument("--no-jit", action="store_true", help="Interpret only.")
    @argument("--opt-level", type=int, default=2, choices=[0, 1, 2, 3],
              help="LLVM optimization level (default 2).")
    @argument("--jit-log", action="store_true",
              help="Print one line per JIT event (compiled, deopt, not compiled) to stderr.")
    @line_cell_magic
    def jitvm(self, line: str, cell: str | None = None):
        """Run the cell on jitvm, in the notebook's namespace.  As a line magic,
        `%jitvm --ir FUNC [--types T] [--stage S]` only shows a function's code."""
        __tracebackhide__ = True  # noqa: F841 (IPython leaves this frame out of tracebacks)
        args = parse_argstring(self.jitvm, line)
        if args.jit_threshold < 0 or args.repeat < 1:
            raise UsageError("--jit-threshold must be >= 0 and --repeat >= 1")
        shell = self.shell
        if cell is None:
            if not args.ir:
                raise UsageError("%jitvm as a line magic shows a function: %jitvm --ir FUNC; "
                                 "to run code on jitvm, start a cell with %%jitvm")
            _show_ir(shell.user_ns, args)
            return None
        # Cached like an ordinary cell's source, for tracebacks and inspect.getsource.
        filename = shell.compile.cache(f"%%jitvm {line}\n{cell}", shell.execution_count)
        try:
            parts = _split(cell, filename)
            codes = _compile(parts)
        except UnsupportedError as exc:
            raise UsageError(f"line {exc.lineno}: {exc.msg}") from None
        if args.dis:
            print("\n\n".join(disassemble(code) for code in codes if code is not None))
        threshold = None if args.no_jit else args.jit_threshold
        try:
            if args.compare:
                value = _compare(shell.user_ns, parts, codes, args)
            else:
                vm = _runtime(threshold, args.opt_level, args.jit_log)
                value = _run(vm, codes, shell.user_ns)
        finally:
            _adopt_functions(shell.user_ns)
        if args.ir:
            _show_ir(shell.user_ns, args)
        return None if parts.quiet else value


# -- running ---------------------------------------------------------------------------------


def _compile(parts: _Cell) -> tuple[CodeObject, CodeObject | None]:
    body = compile_source(parts.body, parts.filename)
    expression = None
    if parts.expression is not None:
        expression = compile_source(parts.expression, parts.filename, mode="eval")
    return body, expression


def _run(vm: VM, codes, namespace: dict):
    """Run the cell's code on `vm` in `namespace`; an exception is raised again with a
    traceback of the cell's lines."""
    __tracebackhide__ = True  # noqa: F841
    body, expression = codes
    try:
        vm.run_module(body, namespace)
        return None if expression is None else vm.run_code(expression, namespace, namespace)
    except BaseException as exc:
        tb = _program_traceback(exc)
        if tb is None:
            raise
        raise exc.with_traceback(tb)


def _adopt_functions(namespace: dict):
    """Functions a cell defined get the decorated functions' inspection methods (f.stats(),
    f.inspect_ir()) and, called from ordinary cells, tracebacks of their own lines."""
    for value in list(namespace.values()):
        if isinstance(value, Function):
            adopt(value)


def _show_ir(namespace: dict, args):
    func = namespace.get(args.ir)
    if not isinstance(func, Function):
        raise UsageError(f"--ir {args.ir}: no jitvm function of that name (define it in a "
                         f"%%jitvm cell or decorate it with @jitvm.jit)")
    try:
        print(stage_text(func, args.types, args.stage, args.opt_level))
    except ValueError as exc:
        raise UsageError(f"--ir {args.ir}: {exc}") from None


# -- --compare -------------------------------------------------------------------------------------


@dataclass
class _Timing:
    name: str
    seconds: list[float] = field(default_factory=list)
    output: str = ""  # what it printed, then the exception line if it raised
    stdout: str = ""
    error: str | None = None  # the exception a run ended with, as its last traceback line
    jit: dict | None = None  # the JIT's statistics for the last run
    namespace: dict | None = None
    value: object = None
    exception: BaseException | None = None


def _compare(user_ns: dict, parts: _Cell, codes, args):
    """Time the cell three ways, each run in its own copy of the namespace with stdout
    captured; print the output once, whether the outputs agree, and the table."""
    host = [compile(parts.body, parts.filename, "exec")]
    if parts.expression is not None:
        host.append(compile(parts.expression, parts.filename, "eval"))
    rows = [_Timing("CPython"), _Timing("jitvm interpreter"),
            _Timing(f"jitvm JIT (threshold {args.jit_threshold})")]
    for _ in range(args.repeat):  # interleaved, so a noisy moment hits every row alike
        _time(rows[0], user_ns, lambda ns: _run_host(host, ns))
        _time(rows[1], user_ns, lambda ns: _run(_new_vm(None), codes, ns))
        vm = _new_vm(args.jit_threshold, args.opt_level)
        _time(rows[2], user_ns, lambda ns: _run(vm, codes, ns))
        rows[2].jit = dict(vm.jit.stats)
    jit_row = rows[2]
    print(jit_row.stdout, end="")
    _print_agreement(rows)
    _print_table(rows)
    for name in set(user_ns) - set(jit_row.namespace):
        del user_ns[name]
    user_ns.update(jit_row.namespace)
    if jit_row.exception is not None:
        raise jit_row.exception
    return jit_row.value


def _run_host(codes, namespace: dict):
    exec(codes[0], namespace)
    return eval(codes[1], namespace) if len(codes) > 1 else None


def _time(row: _Timing, user_ns: dict, run):
    namespace = dict(user_ns)
    out = io.StringIO()
    row.exception = row.error = None
    with contextlib.redirect_stdout(out):
        start = time.perf_counter()
        try:
            row.value = run(namespace)
        except Exception as exc:
            row.exception = exc
            row.error = f"{type(exc).__name__}: {exc}"
        row.seconds.append(time.perf_counter() - start)
    row.stdout = out.getvalue()
    row.output = row.stdout + (f"{row.error}\n" if row.error else "")
    row.namespace = namespace


def _print_agreement(rows: list[_Timing]):
    reference = rows[0]
    differing = [row for row in rows[1:] if row.output != reference.output]
    if not differing:
        print("outputs: identical (CPython, jitvm interpreter, jitvm JIT)")
        return
    for row in differing:
        print(f"!!! OUTPUTS DIFFER: {row.name} printed something else than CPython:")
        diff = difflib.unified_diff(reference.output.splitlines(), row.output.splitlines(),
                                    "CPython", row.name, lineterm="", n=1)
        print("\n".join(list(diff)[:40]))


def _print_table(rows: list[_Timing]):
    median = {row.name: statistics.median(row.seconds) for row in rows}
    cpython, interp = median[rows[0].name], median[rows[1].name]
    header = (f"{'':<28}{'time':>11}{'vs CPython':>12}{'vs interp':>11}{'compiled':>10}"
              f"{'compile ms':>12}{'deopts':>8}")
    print(header)
    for row in rows:
        t = median[row.name]
        line = f"{row.name:<28}{_ms(t):>11}{_ratio(cpython, t):>12}"
        line += f"{_ratio(interp, t):>11}" if row is not rows[0] else f"{'':>11}"
        if row.jit is not None:
            line += (f"{row.jit['compiled']:>10}{row.jit['compile_ms']:>12.1f}"
                     f"{row.jit['deopts']:>8}")
        print(line.rstrip())
    if len(rows[0].seconds) > 1:
        print(f"(median of {len(rows[0].seconds)} runs; speedups are the other row's time "
              f"divided by this one's)")


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(reference: float, seconds: float) -> str:
    return f"{reference / seconds:.2f}x" if seconds > 0 else "-"

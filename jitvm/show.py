"""`jitvm show`: any stage of the path from source to machine code, for a file or one function.

    source ─tokenize─▶ tokens ─ast.parse─▶ AST ─compiler─▶ bytecode ─(interpreter runs it)
           ─JIT frontend─▶ JIT IR ─lower─▶ LLVM IR ─LLVM passes─▶ optimized IR ─▶ machine code

In: a file, optionally a function in it (a name or a qualified name such as `C.method`), the
stages wanted, and for the JIT stages the argument types to specialise for (guessed when not
given: annotations, literal defaults and literal arguments of calls in the file, else int).
Out: text on stdout, highlighted by pygments when stdout is a terminal (or --color), plain
otherwise.  Nothing in the program runs: only its top-level imports are imported, as for
`jitvm ir`.  Where the JIT cannot compile a function the text says why (construct, file:line).
"""

from __future__ import annotations

import ast
import functools
import io
import os
import platform
import sys
import tokenize
from dataclasses import dataclass

import click

from .code import CodeObject
from .dis import disassemble
from .inspect import JIT_STAGES, InspectError, Program, parse_types

STAGES = ("tokens", "ast", "bytecode") + JIT_STAGES

DESCRIPTIONS = {
    "tokens": "the source as CPython's tokenizer splits it (the tokenize module)",
    "ast": "the syntax tree CPython's parser builds from the tokens (ast.parse)",
    "bytecode": "jitvm's bytecode, what the interpreter (jitvm/interpreter.py) executes",
    "jit-ir": "the JIT's typed IR for given argument types, guards included "
              "(jitvm/jit/frontend.py)",
    "llvm": "the JIT IR lowered to LLVM IR (jitvm/jit/lower.py)",
    "opt": "the LLVM IR after LLVM's optimization passes (--opt-level {opt_level})",
    "asm": "machine code for this CPU ({machine}), run instead of the interpreter once the "
           "function is hot",
}

# How each stage's text is highlighted: a pygments lexer name, or one of ours below.
LEXERS = {"tokens": "jitvm-tokens", "ast": "python", "bytecode": "jitvm-bytecode",
          "jit-ir": "jitvm-ir", "llvm": "llvm", "opt": "llvm", "asm": "gas"}
COMMENT = {"jit-ir": ";", "llvm": ";", "opt": ";", "asm": "#"}

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def show(path: str, function: str | None, stage: str, types_text: str | None,
         opt_level: int = 2, color: bool | None = None):
    """Print `stage` (or every stage, under headings, for "all") of `path` or of `function`."""
    if types_text is not None and function is None:
        raise InspectError("--types needs a FUNCTION: each function of the file gets its own "
                           "guess otherwise")
    out = _Output(_want_color(color))
    stages = STAGES if stage == "all" else (stage,)
    source = _Source(path, function, opt_level, types_text)
    try:
        for name in stages:
            if stage == "all":
                about = DESCRIPTIONS[name].format(opt_level=opt_level,
                                                  machine=platform.machine())
                out.heading(f"==== {name}: {about} ====")
            for text, lexer in source.stage(name):
                out.block(text, lexer)
            if stage == "all" and name != stages[-1]:
                out.blank()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as a tool killed by SIGPIPE would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(141)


@dataclass
class _Target:
    code: CodeObject
    node: ast.AST  # its FunctionDef, AsyncFunctionDef or ClassDef

    @property
    def first_line(self) -> int:
        decorators = getattr(self.node, "decorator_list", [])
        return min([d.lineno for d in decorators] + [self.node.lineno])


class _Source:
    """The file, compiled only as far as the stages asked for need."""

    def __init__(self, path: str, function: str | None, opt_level: int, types_text: str | None):
        self.path = path
        self.function = function
        self.opt_level = opt_level
        self.types_text = types_text
        self._specialisations: dict = {}

    @functools.cached_property
    def program(self) -> Program:
        return Program(self.path)

    @functools.cached_property
    def target(self) -> _Target | None:
        return None if self.function is None else self._find(self.function)

    def stage(self, name: str):
        """(text, lexer) pieces of one stage."""
        if name == "tokens":
            yield from self._tokens()
        elif name == "ast":
            node = self.program.tree if self.target is None else self.target.node
            yield ast.dump(node, indent=2), LEXERS[name]
        elif name == "bytecode":
            code = self.program.module if self.target is None else self.target.code
            yield disassemble(code), LEXERS[name]
        else:
            targets = [self.target] if self.target is not None else self._top_level_functions()
            if not targets:
                yield "(no top-level functions in this file)", None
            for index, target in enumerate(targets):
                if index:
                    yield "", None
                yield from self._jit_stage(target, name)

    # -- the stages -------------------------------------------------------------------------

    def _tokens(self):
        """Like `python -m tokenize FILE`: position, token type, string; for a function only
        the tokens that start on its lines.  Yields the table, then raises if the tokenizer
        stopped early (with the parser's SyntaxError when there is one: it says more)."""
        with open(self.path, "rb") as fh:
            data = fh.read()
        lines = None
        if self.target is not None:
            lines = range(self.target.first_line, self.target.node.end_lineno + 1)
        rows, stopped = [], None
        try:
            for tok in tokenize.tokenize(io.BytesIO(data).readline):
                if lines is None or tok.start[0] in lines:
                    where = "%d,%d-%d,%d:" % (tok.start + tok.end)
                    rows.append("%-20s%-15s%-15r" % (where, tokenize.tok_name[tok.type],
                                                     tok.string))
        except tokenize.TokenError as exc:
            stopped = exc.args
        if rows:
            yield "\n".join(row.rstrip() for row in rows), LEXERS["tokens"]
        if stopped is not None:
            ast.parse(data, self.path)
            message, (line, _column) = stopped
            raise InspectError(f"{self.path}:{line}: the tokenizer stopped: {message}")

    def _jit_stage(self, target: _Target, stage: str):
        from .jit.frontend import NotCompilable
        comment = COMMENT[stage]
        if not isinstance(target.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield f"not compiled: {target.code.qualname} is a class; the JIT compiles " \
                  f"functions ({self.path}:{target.node.lineno})", None
            return
        argtypes, header = self._types_for(target)
        yield f"{comment} {header}", LEXERS[stage]
        try:
            specialisation = self._specialise(target.code, argtypes)
        except NotCompilable as exc:
            yield f"not compiled: {exc}", None
            return
        yield specialisation.text(stage).rstrip("\n"), LEXERS[stage]

    def _specialise(self, code: CodeObject, argtypes: tuple):
        from .jit.frontend import NotCompilable
        key = (code, argtypes)
        if key not in self._specialisations:
            try:
                self._specialisations[key] = self.program.specialise(code, argtypes,
                                                                     self.opt_level)
            except NotCompilable as exc:
                self._specialisations[key] = exc.with_traceback(None)
        result = self._specialisations[key]
        if isinstance(result, NotCompilable):
            raise result
        return result

    def _types_for(self, target: _Target) -> tuple[tuple, str]:
        """The argument types to specialise for, and a line saying which and why."""
        names = _parameters(target.node)[:target.code.argcount]
        if self.types_text is not None:
            argtypes = parse_types(self.types_text)
            self.program.check_types(target.code, argtypes)
            return argtypes, _signature(target.code, names, argtypes)
        guesses = guess_types(target.node, self.program.tree)[:target.code.argcount]
        argtypes = tuple(jtype for jtype, _why in guesses)
        header = _signature(target.code, names, argtypes)
        if guesses:
            reasons = ", ".join(f"{name} from {why}" if why else f"{name} int by default"
                                for name, (_t, why) in zip(names, guesses))
            header += f" -- types guessed: {reasons}; choose others with --types"
        return argtypes, header

    # -- finding functions ------------------------------------------------------------------

    def _targets(self) -> list[_Target]:
        """Every def and class of the file with its code object, in source order."""
        nodes = {}
        for node in ast.walk(self.program.tree):
            if isinstance(node, DEFINITIONS):
                nodes[(node.name, node.lineno)] = node
                for decorator in getattr(node, "decorator_list", []):
                    nodes.setdefault((node.name, decorator.lineno), node)
        found = []
        for code in self.program.module.walk():
            node = nodes.get((code.name, code.firstlineno))
            if node is not None and code is not self.program.module:
                found.append(_Target(code, node))
        return sorted(found, key=lambda t: (t.node.lineno, t.node.col_offset))

    def _find(self, name: str) -> _Target:
        targets = self._targets()
        exact = [t for t in targets if t.code.qualname == name]
        matches = exact or [t for t in targets if t.code.name == name]
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = ", ".join(f"{t.code.qualname} (line {t.node.lineno})" for t in matches)
            raise InspectError(f"{name!r} is ambiguous in {self.path}: {listed}; "
                               f"give the qualified name")
        known = ", ".join(t.code.qualname for t in targets) or "none"
        raise InspectError(f"no function {name!r} in {self.path} (it defines: {known})")

    def _top_level_functions(self) -> list[_Target]:
        top = {id(node) for node in self.program.tree.body
               if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        return [t for t in self._targets() if id(t.node) in top]


# -- guessing argument types -------------------------------------------------------------------


def guess_types(node: ast.FunctionDef | ast.AsyncFunctionDef, tree: ast.Module
                ) -> list[tuple]:
    """(JIT kind, why) for each positional parameter of `node`, from the first that says
    something: its annotation (`int`, `float`, `bool`, `list[float]`, `tuple[int, ...]`...);
    its default; a literal passed in the first call `name(...)` in the file that passes one
    (numbers, list and tuple displays, `[0.0] * n`, `list(range(n))`); how the body uses it
    (indexed, iterated or given to `len`: a list, of lists when its items are indexed too,
    of floats when the body does float arithmetic, else of ints); else int (why: None)."""
    from .jit.types import INT
    params = _parameters(node)
    defaults = dict(zip(reversed(params), reversed(node.args.defaults)))
    calls = [call for call in ast.walk(tree) if isinstance(call, ast.Call)
             and isinstance(call.func, ast.Name) and call.func.id == node.name]
    calls.sort(key=lambda call: (call.lineno, call.col_offset))
    guesses = []
    for index, arg in enumerate(node.args.posonlyargs + node.args.args):
        kind = _annotation_kind(arg.annotation)
        if kind is not None:
            guesses.append((kind, "its annotation"))
            continue
        kind = _literal_kind(defaults.get(arg.arg))
        if kind is not None:
            guesses.append((kind, "its default"))
            continue
        for call in calls:
            passed = call.args[index] if index < len(call.args) and not any(
                isinstance(a, ast.Starred) for a in call.args[:index + 1]) else \
                next((k.value for k in call.keywords if k.arg == arg.arg), None)
            kind = _literal_kind(passed)
            if kind is not None:
                guesses.append((kind, f"the call at line {call.lineno}"))
                break
        else:
            kind = _usage_kind(node, arg.arg)
            guesses.append((kind, "how the body uses it") if kind is not None else (INT, None))
    return guesses


def _annotation_kind(annotation):
    """`float`, `"float"`, `list[float]`, `List[float]`, `tuple[int, ...]` as a JIT kind."""
    from .jit.types import BOOL, FLOAT, INT, LIST, TUPLE, Seq
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(annotation, ast.Name):
        return {"int": INT, "float": FLOAT, "bool": BOOL, "list": Seq(LIST),
                "tuple": Seq(TUPLE)}.get(annotation.id)
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        container = {"list": LIST, "List": LIST, "tuple": TUPLE, "Tuple": TUPLE}.get(
            annotation.value.id)
        if container is None:
            return None
        inner = annotation.slice
        if isinstance(inner, ast.Tuple):  # tuple[int, ...] or tuple[float, float]
            inner = inner.elts[0] if inner.elts else None
        return Seq(container, _annotation_kind(inner))
    return None


def _literal_kind(expr, depth: int = 3):
    """The kind of a literal: a number, a list or tuple display (its first item's kind),
    `[x] * n`, `list(range(...))`; None for anything else."""
    from .jit.types import BOOL, FLOAT, INT, LIST, TUPLE, Seq
    if depth == 0 or expr is None:
        return None
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
        expr = expr.operand
    if isinstance(expr, ast.Constant) and type(expr.value) in (int, float, bool):
        return {int: INT, float: FLOAT, bool: BOOL}[type(expr.value)]
    if isinstance(expr, (ast.List, ast.Tuple)):
        container = LIST if isinstance(expr, ast.List) else TUPLE
        return Seq(container, _literal_kind(expr.elts[0], depth - 1) if expr.elts else None)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mult):
        for seq in (expr.left, expr.right):
            if isinstance(seq, ast.List):
                return _literal_kind(seq, depth)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) \
            and expr.func.id == "list" and len(expr.args) == 1 \
            and isinstance(expr.args[0], ast.Call) \
            and isinstance(expr.args[0].func, ast.Name) and expr.args[0].func.id == "range":
        return Seq(LIST, INT)
    return None


def _usage_kind(node, name: str):
    """A parameter the body indexes, iterates or measures is a list: of lists when what it
    holds is indexed too (two levels at most), of floats when the body does float
    arithmetic (a float literal or `/`), else of ints.  None when it is not used so."""
    from .jit.types import FLOAT, INT, LIST, Seq

    def is_param(expr):
        return isinstance(expr, ast.Name) and expr.id == name

    used, nested = False, False
    aliases = set()  # names bound to one of its items: `for row in p`, `row = p[i]`
    for sub in ast.walk(node):
        if isinstance(sub, ast.Subscript) and is_param(sub.value):
            used = True
        elif isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Subscript) \
                and is_param(sub.value.value):
            nested = True
        elif isinstance(sub, (ast.For, ast.comprehension)) and is_param(sub.iter):
            used = True
            if isinstance(sub.target, ast.Name):
                aliases.add(sub.target.id)
        elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) \
                and sub.func.id == "len" and sub.args and is_param(sub.args[0]):
            used = True
        elif isinstance(sub, ast.Assign) and isinstance(sub.value, ast.Subscript) \
                and is_param(sub.value.value):
            aliases.update(t.id for t in sub.targets if isinstance(t, ast.Name))
    if not used:
        return None
    nested = nested or any(isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name)
                           and sub.value.id in aliases for sub in ast.walk(node))
    floats = any(isinstance(sub, ast.Constant) and type(sub.value) is float
                 or isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.Div)
                 for sub in ast.walk(node))
    leaf = FLOAT if floats else INT
    return Seq(LIST, Seq(LIST, leaf) if nested else leaf)


def _parameters(node) -> list[str]:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    return [a.arg for a in node.args.posonlyargs + node.args.args]


def _signature(code: CodeObject, names: list[str], argtypes: tuple) -> str:
    return f"{code.qualname}({', '.join(f'{n}: {t}' for n, t in zip(names, argtypes))})"


# -- output ------------------------------------------------------------------------------------


def _want_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


class _Output:
    def __init__(self, color: bool):
        self.color = color

    def heading(self, text: str):
        click.echo(click.style(text, bold=True) if self.color else text, color=self.color)

    def blank(self):
        click.echo("")

    def block(self, text: str, lexer: str | None):
        if not self.color or not text:
            click.echo(text)
        elif lexer is None:  # our own remarks (not compiled: ...)
            click.echo(click.style(text, fg="yellow"), color=True)
        else:
            import pygments
            from pygments.formatters import TerminalFormatter
            highlighted = pygments.highlight(text, _lexer(lexer), TerminalFormatter(bg="dark"))
            click.echo(highlighted, nl=not highlighted.endswith("\n"), color=True)


@functools.cache
def _lexer(name: str):
    """A pygments lexer: pygments' own for Python, LLVM and GNU assembly; ours, declared with
    pygments' RegexLexer, for the tokenize table, jitvm's bytecode and the JIT IR."""
    from pygments.filter import simplefilter
    from pygments.lexer import RegexLexer, bygroups, using
    from pygments.lexers import PythonLexer, get_lexer_by_name
    from pygments.token import (Comment, Error, Generic, Keyword, Name, Number, Operator,
                                Punctuation, String, Text, Whitespace)

    class TokensLexer(RegexLexer):
        """`python -m tokenize` output: `1,0-1,1:  NAME  'x'`."""
        name = "jitvm-tokens"
        tokens = {"root": [
            (r"(\d+,\d+-\d+,\d+:)( *)([A-Z_]+)( *)(.*)(\n)",
             bygroups(Number, Whitespace, Keyword, Whitespace, using(PythonLexer), Whitespace)),
            (r".*\n", Text),
        ]}

    class BytecodeLexer(RegexLexer):
        """jitvm.dis output: line number, `>>` for jump targets, index, opcode, argument."""
        name = "jitvm-bytecode"
        tokens = {
            "root": [
                (r"Disassembly of .*\n", Generic.Subheading),
                (r"ExceptionTable:\n", Generic.Subheading, "table"),
                (r"^ {0,3}\d+(?= )", Comment),
                (r">>", Operator),
                (r"\b[A-Z][A-Z0-9_]+\b", Keyword),
                (r"\(to \d+\)", Name.Label),
                (r"\(.*\)(?=\n)", String),
                (r"-?\d+", Number),
                (r"\s+", Whitespace),
                (r".", Text),
            ],
            "table": [
                (r"(?=Disassembly of)", Text, "#pop"),
                (r"\d+|\[\d+\]", Number),
                (r"to|->", Operator),
                (r"\s+", Whitespace),
                (r".", Text),
            ],
        }

    class JitIrLexer(RegexLexer):
        """The JIT IR (jitvm/jit/ir.py): `%3 = iadd %1, %2  [deopt#4 at pc 11]`."""
        name = "jitvm-ir"
        tokens = {"root": [
            (r";.*", Comment),
            (r"\[(deopt|OSR)[^\]]*\]", Comment.Special),
            (r"^function\b", Keyword),
            (r"^[\w.$]+(?=:)", Name.Label),
            (r"%\d+", Name.Variable),
            (r"(= )([a-z_][\w.]*)", bygroups(Operator, Name.Builtin)),
            (r"^( +)([a-z_][\w.]*)", bygroups(Whitespace, Name.Builtin)),
            (r"\b(int|float|bool|obj|none)\b", Keyword.Type),
            (r"\b(True|False|None)\b", Keyword.Constant),
            (r"-?\d+(\.\d*)?([eE][+-]?\d+)?|-?inf|nan", Number),
            (r"->|=", Operator),
            (r"[\w$?]+", Name),
            (r"[(),:\[\]]", Punctuation),
            (r"\s+", Whitespace),
            (r".", Text),
        ]}

    @simplefilter
    def unknown_as_text(_self, _lexer, stream, _options):
        # Words a lexer does not know (LLVM's newer attributes such as `captures(none)`) stay
        # uncoloured rather than marked as errors.
        for ttype, value in stream:
            yield (Text if ttype in Error else ttype), value

    ours = {lexer.name: lexer for lexer in (TokensLexer, BytecodeLexer, JitIrLexer)}
    lexer = ours[name](stripnl=False) if name in ours else get_lexer_by_name(name, stripnl=False)
    lexer.add_filter(unknown_as_text())
    return lexer

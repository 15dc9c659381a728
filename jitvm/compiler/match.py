"""The compile side of the `match` statement (PEP 634), as CPython 3.11 compiles it.

Each case's pattern becomes a *pattern descriptor*: a tree of plain tuples (marshal-safe, so it
can live in the bytecode cache) that `jitvm.match_runtime` interprets when MATCH_PATTERN runs.
Everything a pattern needs at run time that is not a literal (the values of value patterns such
as `Color.RED`, the classes of class patterns, mapping keys that are dotted names) is an
expression the compiled code evaluates; the descriptor refers to those by index.

Evaluation order follows CPython exactly: CPython evaluates such expressions in the middle of
matching, and only if matching gets that far (`case [1, Color.RED]` never looks up `Color.RED`
when the subject is not a sequence).  So the expressions a pattern evaluates before its first
test (the class of a top-level class pattern, say) are evaluated up front and passed in the
values tuple; the others are evaluated on demand: MATCH_PATTERN then returns a pending result
(an int subclass: the index of the expression it needs), the code evaluates that expression and
resumes the match with `MATCH_PATTERN 'resume'`.

Compiled shape of one case (the subject stays on the stack between cases):

        DUP_TOP                              [subject, subject]
        <leading values>; BUILD_TUPLE n      [subject, subject, values]
        MATCH_PATTERN <descriptor>           [subject, result]
        (if some values are lazy: JUMP_FORWARD check, then for each lazy value i:
    need_i:                                  [subject, pending]
        <value i>; MATCH_PATTERN 'resume'; JUMP_FORWARD check)
    check:
        DUP_TOP; LOAD_CONST None; IS_OP; POP_JUMP_IF_TRUE fail_pop
        (for each lazy value i: DUP_TOP; LOAD_CONST i; COMPARE_OP ==; POP_JUMP_IF_TRUE need_i)
        UNPACK_SEQUENCE k; STORE each capture [subject]
        <guard: jump to fail if false>
        POP_TOP; <body>; JUMP_FORWARD end
    fail_pop:
        POP_TOP                              [subject]
    fail:
    ... the next case; after the last one: POP_TOP (the subject)
    end:

Literal, `None`/`True`/`False` and value patterns at the top of a case (alone or or-ed together)
compile to plain comparisons instead; `case x:` and `case _:` need no matching at all.

Descriptor nodes (see match_runtime for their meaning):
    ("W",)  wildcard          ("C",)  capture the subject
    ("L", constant)  ==       ("S", constant)  is          ("V", index)  == values[index]
    ("A", node)  node, then capture the subject (an AS pattern)
    ("O", (alternatives...), (permutation per alternative...))
    ("Q", size, star, kind, items)   sequence; kind 0: wildcards only, 1: subscript the
                                     subject (items: (index, node), negative: from the end),
                                     2: unpack it (items: one node per element, the star's too)
    ("M", (key nodes: ("L", c) or ("V", i)...), (nodes...), rest: 0/1)
    ("K", class index, number of positional sub-patterns, (keyword names...), (nodes...))
A whole case's descriptor is (root node, lazy), lazy true when some value is evaluated on demand.
"""

from __future__ import annotations

import ast

from ..code import Label
from .support import _position
from ..opcodes import COMPARE_OPS, Op

WILDCARD = ("W",)
CAPTURE = ("C",)
RESUME = "resume"

_NOT_LITERAL = object()


def _fold(expr: ast.expr):
    """The value of a literal pattern's expression (`-1`, `1+2j`, `"a" "b"`), as CPython's AST
    optimizer folds it; _NOT_LITERAL for anything else (a dotted name)."""
    if isinstance(expr, ast.Constant):
        return expr.value
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
        value = _fold(expr.operand)
        return _NOT_LITERAL if value is _NOT_LITERAL else -value
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Sub)):
        left, right = _fold(expr.left), _fold(expr.right)
        if left is _NOT_LITERAL or right is _NOT_LITERAL:
            return _NOT_LITERAL
        return left + right if isinstance(expr.op, ast.Add) else left - right
    return _NOT_LITERAL


def _is_wildcard(p: ast.pattern) -> bool:
    return isinstance(p, ast.MatchAs) and p.pattern is None and p.name is None


def _is_star_wildcard(p: ast.pattern) -> bool:
    return isinstance(p, ast.MatchStar) and p.name is None


class _Context:
    """CPython's pattern_context: the names captured so far and whether an irrefutable
    pattern is allowed here."""

    def __init__(self, allow_irrefutable: bool):
        self.stores: list[str] = []
        self.allow_irrefutable = allow_irrefutable


class PatternBuilder:
    """Builds one case's descriptor, raising CPython's compile-time SyntaxErrors in the order
    CPython's compiler meets them."""

    def __init__(self, gen):
        self.gen = gen
        self.values: list[ast.expr] = []  # expressions to evaluate, in CPython's order
        self.leading = 0  # how many of them CPython evaluates before the first test
        self.tested = False
        self.loc: ast.AST | None = None  # the pattern entered last

    def error(self, msg: str, node: ast.AST | None = None):
        """A compile-time SyntaxError located at `node`, by default at the pattern entered last
        (CPython's compiler sets its location on entering each pattern and does not restore
        it), with the source line and end position compiler_error gives."""
        raise self.gen.syntax_error(msg, node or self.loc)

    def test(self):
        self.tested = True

    def value(self, expr: ast.expr) -> int:
        self.values.append(expr)
        if not self.tested:
            self.leading += 1
        return len(self.values) - 1

    def store(self, name: str | None, pc: _Context):
        if name is None:
            return WILDCARD
        if name == "__debug__":
            self.error("cannot assign to __debug__")
        if name in pc.stores:
            self.error(f"multiple assignments to name {name!r} in pattern")
        pc.stores.append(name)
        return CAPTURE

    def subpattern(self, p: ast.pattern, pc: _Context):
        allow = pc.allow_irrefutable
        pc.allow_irrefutable = True
        node = self.pattern(p, pc)
        pc.allow_irrefutable = allow
        return node

    def pattern(self, p: ast.pattern, pc: _Context):
        self.loc = p
        method = getattr(self, "pattern_" + type(p).__name__, None)
        if method is None:
            self.gen.unsupported(f"pattern {type(p).__name__}", p)
        return method(p, pc)

    def pattern_MatchValue(self, p: ast.MatchValue, pc: _Context):
        value = _fold(p.value)
        if value is not _NOT_LITERAL:
            self.test()
            return ("L", value)
        if not isinstance(p.value, ast.Attribute):
            self.error("patterns may only match literals and attribute lookups")
        index = self.value(p.value)
        self.test()
        return ("V", index)

    def pattern_MatchSingleton(self, p: ast.MatchSingleton, pc: _Context):
        self.test()
        return ("S", p.value)

    def pattern_MatchAs(self, p: ast.MatchAs, pc: _Context):
        if p.pattern is None:
            if not pc.allow_irrefutable:
                if p.name is not None:
                    self.error(f"name capture {p.name!r} makes remaining patterns unreachable")
                self.error("wildcard makes remaining patterns unreachable")
            return self.store(p.name, pc)
        inner = self.pattern(p.pattern, pc)
        if self.store(p.name, pc) is WILDCARD:
            return inner
        return ("A", inner)

    def pattern_MatchStar(self, p: ast.MatchStar, pc: _Context):
        return self.store(p.name, pc)

    def pattern_MatchSequence(self, p: ast.MatchSequence, pc: _Context):
        patterns = p.patterns
        size = len(patterns)
        star = -1
        only_wildcard = True
        star_wildcard = False
        for i, sub in enumerate(patterns):
            if isinstance(sub, ast.MatchStar):
                if star >= 0:
                    self.error("multiple starred names in sequence pattern")
                star_wildcard = _is_star_wildcard(sub)
                only_wildcard = only_wildcard and star_wildcard
                star = i
                continue
            only_wildcard = only_wildcard and _is_wildcard(sub)
        self.test()
        if only_wildcard:
            return ("Q", size, star, 0, ())
        if star_wildcard:
            items = []
            for i, sub in enumerate(patterns):
                if i == star or _is_wildcard(sub):
                    continue
                items.append((i if i < star else i - size, self.subpattern(sub, pc)))
            return ("Q", size, star, 1, tuple(items))
        items = tuple(self.subpattern(sub, pc) for sub in patterns)
        return ("Q", size, star, 2, items)

    def pattern_MatchMapping(self, p: ast.MatchMapping, pc: _Context):
        self.test()
        keys = []
        seen = set()
        for key in p.keys:
            value = _fold(key)
            if value is not _NOT_LITERAL:
                if value in seen:
                    self.error(f"mapping pattern checks duplicate key ({value!r})")
                seen.add(value)
                keys.append(("L", value))
            elif isinstance(key, ast.Attribute):
                keys.append(("V", self.value(key)))
            else:
                self.error("mapping pattern keys may only match literals and attribute lookups")
        nodes = tuple(self.subpattern(sub, pc) for sub in p.patterns)
        rest = 0
        if p.rest is not None:
            self.store(p.rest, pc)
            rest = 1
        return ("M", tuple(keys), nodes, rest)

    def pattern_MatchClass(self, p: ast.MatchClass, pc: _Context):
        attrs = p.kwd_attrs
        for i, attr in enumerate(attrs):
            if attr == "__debug__":
                self.error("cannot assign to __debug__", p.kwd_patterns[i])
            for j in range(i + 1, len(attrs)):
                if attrs[j] == attr:
                    self.error(f"attribute name repeated in class pattern: {attr}",
                               p.kwd_patterns[j])
        cls = self.value(p.cls)
        self.test()
        nodes = []
        for sub in list(p.patterns) + list(p.kwd_patterns):
            nodes.append(WILDCARD if _is_wildcard(sub) else self.subpattern(sub, pc))
        return ("K", cls, len(p.patterns), tuple(attrs), tuple(nodes))

    def pattern_MatchOr(self, p: ast.MatchOr, pc: _Context):
        outer = pc.stores
        allow = pc.allow_irrefutable
        control = None
        alts, perms = [], []
        for i, alt in enumerate(p.patterns):
            pc.stores = []
            pc.allow_irrefutable = i == len(p.patterns) - 1 and allow
            alts.append(self.pattern(alt, pc))
            if control is None:
                control = pc.stores
            elif sorted(pc.stores) != sorted(control):
                self.error("alternative patterns bind different names")
            # Captures come out in this alternative's order; reorder them as the first's.
            perms.append(tuple(pc.stores.index(name) for name in control))
        pc.stores = outer
        pc.allow_irrefutable = allow
        for name in control:
            if name in pc.stores:
                self.error(f"multiple assignments to name {name!r} in pattern")
            pc.stores.append(name)
        return ("O", tuple(alts), tuple(perms))


def _comparison(node) -> bool:
    """A node that compiles to a plain comparison of the subject."""
    return node[0] in ("L", "S", "V")


def compile_match(gen, node: ast.Match):
    gen.visit(node.subject)  # [subject]
    end = Label()
    cases = node.cases
    saved_pos = gen.pos
    for i, case in enumerate(cases):
        fail = Label()
        pc = _Context(case.guard is not None or i == len(cases) - 1)
        gen.pos = _position(case.pattern)
        builder = PatternBuilder(gen)
        root = builder.pattern(case.pattern, pc)
        tail = None
        if root is CAPTURE or root is WILDCARD:
            if root is CAPTURE:
                gen.emit(Op.DUP_TOP)
                gen.store_name(pc.stores[0])
        elif _comparison(root) or (root[0] == "O" and all(_comparison(a) for a in root[1])):
            _emit_comparisons(gen, root, builder.values, fail)
        else:
            tail = _emit_match(gen, root, builder, pc)
        if case.guard is not None:
            gen.jump_if(case.guard, fail, False)
        gen.pos = _position(case.pattern)
        gen.emit(Op.POP_TOP)  # the subject: the body runs with nothing extra on the stack
        gen.body(case.body)
        gen.emit(Op.JUMP_FORWARD, end)
        if tail is not None:
            gen.pos = _position(case.pattern)
            tail()
        gen.label(fail)
        gen.pos = _position(case.pattern)
    gen.emit(Op.POP_TOP)
    gen.label(end)
    gen.pos = saved_pos


def _emit_comparisons(gen, root, values, fail: Label):
    """`case 1:`, `case None:`, `case Color.RED:`, `case "a" | "b":`: compare a copy of the
    subject with each alternative in turn, as CPython's bytecode does."""
    alts = root[1] if root[0] == "O" else (root,)
    matched = Label()
    for i, alt in enumerate(alts):
        gen.emit(Op.DUP_TOP)
        if alt[0] == "V":
            gen.visit(values[alt[1]])
        else:
            gen.emit(Op.LOAD_CONST, alt[1])
        if alt[0] == "S":
            gen.emit(Op.IS_OP, 0)
        else:
            gen.emit(Op.COMPARE_OP, COMPARE_OPS.index("=="))
        if i < len(alts) - 1:
            gen.emit(Op.POP_JUMP_IF_TRUE, matched)
        else:
            gen.emit(Op.POP_JUMP_IF_FALSE, fail)
    gen.label(matched)


def _emit_match(gen, root, builder: PatternBuilder, pc: _Context):
    """The general case: MATCH_PATTERN, then store the captures.  Returns a function that
    emits the out-of-line failure exit (dropping the None result), to be placed after the case
    body, just before the case's fail label."""
    values = builder.values
    leading = builder.leading
    lazy = len(values) > leading
    check, fail_pop = Label(), Label()
    gen.emit(Op.DUP_TOP)
    if leading:
        for expr in values[:leading]:
            gen.visit(expr)
        gen.emit(Op.BUILD_TUPLE, leading)
    else:
        gen.emit(Op.LOAD_CONST, ())
    gen.emit(Op.MATCH_PATTERN, (root, lazy))  # [subject, result]
    needs = [(index, Label()) for index in range(leading, len(values))]
    if needs:
        # Out of line, before the check, so that no jump goes backwards unconditionally
        # (JUMP_BACKWARD is a loop back-edge for the profiler).
        gen.emit(Op.JUMP_FORWARD, check)
        pattern_pos = gen.pos
        for index, need in needs:  # [subject, pending]
            gen.label(need)
            gen.visit(values[index])
            gen.pos = pattern_pos
            gen.emit(Op.MATCH_PATTERN, RESUME)
            gen.emit(Op.JUMP_FORWARD, check)
    gen.label(check)
    gen.emit(Op.DUP_TOP)
    gen.emit(Op.LOAD_CONST, None)
    gen.emit(Op.IS_OP, 0)
    gen.emit(Op.POP_JUMP_IF_TRUE, fail_pop)
    for index, need in needs:  # a pending result is an int: the index of the value it needs
        gen.emit(Op.DUP_TOP)
        gen.emit(Op.LOAD_CONST, index)
        gen.emit(Op.COMPARE_OP, COMPARE_OPS.index("=="))
        gen.emit(Op.POP_JUMP_IF_TRUE, need)
    if pc.stores:
        gen.emit(Op.UNPACK_SEQUENCE, len(pc.stores))
        for name in pc.stores:
            gen.store_name(name)
    else:
        gen.emit(Op.POP_TOP)

    def tail():
        gen.label(fail_pop)
        gen.emit(Op.POP_TOP)  # [subject]

    return tail

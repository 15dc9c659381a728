"""An expression language: parser, simplifier, evaluator and printer, all by class patterns.

Exercises dataclasses (generated __match_args__), a hand-written __match_args__, nested class
patterns, keyword sub-patterns, value patterns naming enum members, OR patterns over classes,
guards, recursion with return from inside cases, and errors raised from inside a case.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Op(enum.Enum):
    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"
    LT = "<"


@dataclass(frozen=True)
class Num:
    value: int | float


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class BinOp:
    op: Op
    left: object
    right: object


@dataclass(frozen=True)
class Let:
    name: str
    value: object
    body: object


@dataclass(frozen=True)
class If:
    cond: object
    then: object
    orelse: object


@dataclass(frozen=True)
class Lambda:
    param: str
    body: object


@dataclass(frozen=True)
class Call:
    func: object
    arg: object


class Closure:
    __match_args__ = ("param", "body", "env")

    def __init__(self, param, body, env):
        self.param, self.body, self.env = param, body, env

    def __repr__(self):
        return f"<closure {self.param}>"


class EvalError(Exception):
    pass


# -- parsing (s-expressions) ----------------------------------------------------------------------

def tokenize(text: str) -> list[str]:
    return text.replace("(", " ( ").replace(")", " ) ").split()


def read(tokens: list[str]):
    token = tokens.pop(0)
    if token == "(":
        items = []
        while tokens[0] != ")":
            items.append(read(tokens))
        tokens.pop(0)
        return items
    try:
        return int(token)
    except ValueError:
        try:
            return float(token)
        except ValueError:
            return token


def parse(sexpr):
    match sexpr:
        case int() | float() as n:
            return Num(n)
        case str(name):
            return Var(name)
        case ["let", [str(name), value], body]:
            return Let(name, parse(value), parse(body))
        case ["if", cond, then, orelse]:
            return If(parse(cond), parse(then), parse(orelse))
        case ["lambda", [str(param)], body]:
            return Lambda(param, parse(body))
        case [("+" | "-" | "*" | "/" | "<") as sym, left, right]:
            return BinOp(Op(sym), parse(left), parse(right))
        case [("+" | "*") as sym, first, *rest] if rest:
            return BinOp(Op(sym), parse(first), parse([sym, *rest]))
        case [func, arg]:
            return Call(parse(func), parse(arg))
        case _:
            raise SyntaxError(f"cannot parse {sexpr!r}")


# -- simplification -------------------------------------------------------------------------------

def simplify(e):
    match e:
        case BinOp(op, left, right):
            left, right = simplify(left), simplify(right)
            match op, left, right:
                case (Op.ADD, Num(0), x) | (Op.ADD, x, Num(0)):
                    return x
                case (Op.MUL, Num(1), x) | (Op.MUL, x, Num(1)):
                    return x
                case (Op.MUL, Num(0), _) | (Op.MUL, _, Num(0)):
                    return Num(0)
                case Op.SUB, x, y if x == y:
                    return Num(0)
                case (Op.ADD | Op.SUB | Op.MUL) as o, Num(a), Num(b):
                    return Num({Op.ADD: a + b, Op.SUB: a - b, Op.MUL: a * b}[o])
                case _:
                    return BinOp(op, left, right)
        case Let(name, value, body):
            return Let(name, simplify(value), simplify(body))
        case If(Num(0), then=_, orelse=orelse):
            return simplify(orelse)
        case If(Num(), then=then):
            return simplify(then)
        case If(c, t, o):
            return If(simplify(c), simplify(t), simplify(o))
        case Lambda(param=p, body=b):
            return Lambda(p, simplify(b))
        case Call(f, a):
            return Call(simplify(f), simplify(a))
        case _:
            return e


# -- evaluation -----------------------------------------------------------------------------------

def evaluate(e, env):
    match e:
        case Num(value=v):
            return v
        case Var(name) if name in env:
            return env[name]
        case Var(name):
            raise EvalError(f"unbound variable {name}")
        case BinOp(Op.DIV, _, right) if evaluate(right, env) == 0:
            raise EvalError("division by zero")
        case BinOp(op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case Op.ADD:
                    return a + b
                case Op.SUB:
                    return a - b
                case Op.MUL:
                    return a * b
                case Op.DIV:
                    return a / b
                case Op.LT:
                    return int(a < b)
        case Let(name, value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case If(cond, then, orelse):
            return evaluate(then if evaluate(cond, env) else orelse, env)
        case Lambda(param, body):
            return Closure(param, body, env)
        case Call(func, arg):
            match evaluate(func, env):
                case Closure(param, body, closure_env):
                    return evaluate(body, {**closure_env, param: evaluate(arg, env)})
                case other:
                    raise EvalError(f"not a function: {other!r}")
    raise EvalError(f"cannot evaluate {e!r}")


# -- printing -------------------------------------------------------------------------------------

def show(e) -> str:
    match e:
        case Num(v):
            return str(v)
        case Var(n):
            return n
        case BinOp(op, l, r):
            return f"({show(l)} {op.value} {show(r)})"
        case Let(n, v, b):
            return f"let {n} = {show(v)} in {show(b)}"
        case If(c, t, o):
            return f"if {show(c)} then {show(t)} else {show(o)}"
        case Lambda(p, b):
            return f"\\{p}. {show(b)}"
        case Call(f, a):
            return f"{show(f)}({show(a)})"


PROGRAMS = [
    "(+ 1 2 3 4)",
    "(* x 1)",
    "(let (x 5) (* x (+ x 0)))",
    "(let (sq (lambda (n) (* n n))) (sq 7))",
    "(if (< 2 1) 10 20)",
    "(if 0 undefined 3)",
    "(- (+ a b) (+ a b))",
    "(let (x 4) (/ 10 (- x 4)))",
    "(/ 7 2)",
    "(5 3)",
    "(let (y 2) (+ y z))",
    "(let (compose (lambda (f) (lambda (g) (lambda (x) (f (g x)))))) "
    "(((compose (lambda (a) (+ a 1))) (lambda (b) (* b 10))) 4))",
    "(lambda (x))",
]

if __name__ == "__main__":
    for source in PROGRAMS:
        try:
            tree = parse(read(tokenize(source)))
        except SyntaxError as exc:
            print(f"{source}\n  parse error: {exc}")
            continue
        simple = simplify(tree)
        print(source)
        print("  ast:       ", show(tree))
        print("  simplified:", show(simple), "(changed)" if simple != tree else "")
        try:
            print("  value:     ", evaluate(simple, {"a": 1, "b": 2}))
        except EvalError as exc:
            print("  error:     ", exc)
    print(Closure.__match_args__, BinOp.__match_args__)

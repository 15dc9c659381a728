# A tiny expression language: tokenizer, recursive-descent parser to AST, evaluator.
import re

TOKEN_RE = re.compile(r"\s*(?:(\d+\.\d*|\d+)|([A-Za-z_]\w*)|(\*\*|[-+*/%()=,^]))")

def tokenize(src):
    pos, tokens = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise SyntaxError(f"bad character {src[pos]!r} at {pos}")
        num, name, op = m.groups()
        if num:
            tokens.append(("num", float(num) if "." in num else int(num)))
        elif name:
            tokens.append(("name", name))
        else:
            tokens.append(("op", op))
        pos = m.end()
    tokens.append(("eof", None))
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens, self.i = tokens, 0
    def peek(self):
        return self.tokens[self.i]
    def take(self, kind=None, value=None):
        tok = self.tokens[self.i]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise SyntaxError(f"expected {value or kind}, got {tok[1]!r}")
        self.i += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.tokens[self.i + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek() in (("op", "**"), ("op", "^")):
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        kind, val = self.peek()
        if kind == "num":
            self.take()
            return ("num", val)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", val, args)
            return ("var", val)
        self.take("op", "(")
        node = self.expr()
        self.take("op", ")")
        return node

FUNCS = {"max": max, "min": min, "abs": abs}
BINOPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
          "/": lambda a, b: a / b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}

def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        if node[1] not in env:
            raise NameError(f"undefined variable {node[1]!r}")
        return env[node[1]]
    if tag == "neg":
        return -evaluate(node[1], env)
    if tag == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if tag == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    return BINOPS[tag](evaluate(node[1], env), evaluate(node[2], env))

env = {}
program = ["x = 3", "y = x * (2 + 4)", "y - x ** 2", "-2 ** 2", "z = max(x, y, 7) / 4", "10 % 4 + abs(-3.5)",
           "2 ^ 3 ^ 2", "q + 1", "1 / 0", "(1 + 2", "3 $ 4", "min(5, x) * 1.5"]
for line in program:
    try:
        tree = Parser(tokenize(line)).statement()
        print(f"{line:22} => {evaluate(tree, env)!r:8}  {tree}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line:22} !! {type(e).__name__}: {e}")
print(sorted(env.items()))

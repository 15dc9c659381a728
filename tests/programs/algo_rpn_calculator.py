# Shunting-yard conversion to RPN and a stack-based RPN evaluator.
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
RIGHT = {"^"}

def tokenize(expr):
    tokens, num = [], ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(num)
            num = ""
        if ch in PREC or ch in "()":
            tokens.append(ch)
        elif not ch.isspace():
            raise ValueError(f"unexpected {ch!r}")
    if num:
        tokens.append(num)
    return tokens

def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if t in PREC:
            while ops and ops[-1] in PREC and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t not in RIGHT)):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            if not ops:
                raise ValueError("mismatched parentheses")
            ops.pop()
        else:
            out.append(t)
    while ops:
        op = ops.pop()
        if op == "(":
            raise ValueError("mismatched parentheses")
        out.append(op)
    return out

def eval_rpn(rpn):
    stack = []
    for t in rpn:
        if t in PREC:
            if len(stack) < 2:
                raise ValueError("stack underflow")
            b, a = stack.pop(), stack.pop()
            if t == "+": stack.append(a + b)
            elif t == "-": stack.append(a - b)
            elif t == "*": stack.append(a * b)
            elif t == "/": stack.append(a / b)
            else: stack.append(a ** b)
        else:
            stack.append(float(t) if "." in t else int(t))
    if len(stack) != 1:
        raise ValueError(f"leftover stack {stack}")
    return stack[0]

for expr in ["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 - 4 - 3", "1.5 * 4",
             "((2))", "7 / 0", "(1 + 2", "1 + 2)", "4 $ 4", "100 / 8 / 5"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:32} | {' '.join(rpn):28} | {eval_rpn(rpn)}")
    except (ValueError, ZeroDivisionError) as e:
        print(f"{expr:32} | error: {type(e).__name__}: {e}")
print(eval_rpn("5 1 2 + 4 * + 3 -".split()))
try:
    eval_rpn(["1", "+"])
except ValueError as e:
    print("ValueError:", e)

# A tiny stack machine interpreter: dispatch on tuples in a hot loop.
PROGRAM = [
    ("push", 0), ("store", "i"),
    ("push", 0), ("store", "acc"),
    ("load", "i"), ("push", 20000), ("lt", None), ("jz", 19),
    ("load", "acc"), ("load", "i"), ("load", "i"), ("mul", None), ("add", None), ("store", "acc"),
    ("load", "i"), ("push", 1), ("add", None), ("store", "i"),
    ("jmp", 4),
    ("load", "acc"), ("print", None), ("halt", None),
]


def run(program):
    stack = []
    env = {}
    pc = 0
    steps = 0
    out = []
    while True:
        op, arg = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "load":
            stack.append(env[arg])
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "add":
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == "mul":
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == "lt":
            b = stack.pop()
            stack.append(stack.pop() < b)
        elif op == "jz":
            if not stack.pop():
                pc = arg
        elif op == "jmp":
            pc = arg
        elif op == "print":
            out.append(stack.pop())
        elif op == "halt":
            return out, steps, env
        else:
            raise ValueError(op)


print(run(PROGRAM))
bad = PROGRAM[:4] + [("load", "nope")]
try:
    run(bad)
except KeyError as e:
    print("KeyError:", e)
bad2 = [("push", 1), ("frob", None)]
try:
    run(bad2)
except ValueError as e:
    print("ValueError:", e)
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
def rpn(text):
    st = []
    for tok in text.split():
        if tok in OPS:
            b, a = st.pop(), st.pop()
            st.append(OPS[tok](a, b))
        else:
            st.append(float(tok) if "." in tok else int(tok))
    return st[-1]
for e in ("3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2.5 4 *", "1 3 /", "9999999999 9999999999 *"):
    print(e, "=>", rpn(e))

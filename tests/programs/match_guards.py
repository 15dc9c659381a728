# Guards, evaluation order of guards, and a small interpreter using match.
def fizz(n):
    match n % 3, n % 5:
        case 0, 0:
            return "FizzBuzz"
        case 0, _:
            return "Fizz"
        case _, 0:
            return "Buzz"
        case _:
            return str(n)
print(" ".join(fizz(i) for i in range(1, 16)))

log = []
def check(label, result):
    log.append(label)
    return result

def guarded(v):
    match v:
        case int(x) if check(f"guard1({x})", x > 100):
            return "big"
        case int(x) if check(f"guard2({x})", x % 2 == 0):
            return "even"
        case int(x):
            return "odd"
        case _:
            return "not int"
for v in [150, 4, 7, "s"]:
    print(v, guarded(v))
print(log)

def run(program):
    stack, out = [], []
    for instr in program:
        match instr:
            case ("push", value):
                stack.append(value)
            case ("pop",):
                stack.pop()
            case ("add" | "mul" | "sub") as op if len(stack) >= 2:
                b, a = stack.pop(), stack.pop()
                stack.append({"add": a + b, "mul": a * b, "sub": a - b}[op])
            case ("add" | "mul" | "sub"):
                out.append("stack underflow")
            case ("dup",):
                stack.append(stack[-1])
            case ("print",):
                out.append(str(stack[-1]))
            case ("jmp_if_neg", _) if stack and stack[-1] < 0:
                out.append("negative!")
            case ("jmp_if_neg", _):
                pass
            case other:
                out.append(f"bad instruction {other!r}")
    return out

prog = [("push", 3), ("push", 4), "add", ("dup",), "mul", ("print",), ("push", 100), "sub", ("print",),
        ("jmp_if_neg", 0), ("pop",), "add", ("nop",), ("push", 5), ("print",)]
print(run(prog))
def temperature(t):
    match t:
        case float(v) | int(v) if v < 0:
            return "freezing"
        case float(v) | int(v) if v < 20:
            return "cool"
        case float() | int():
            return "warm"
    return "invalid"
print([temperature(t) for t in (-5, 0, 19.5, 25, "hot")])

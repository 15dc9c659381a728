# A tiny stack-based virtual machine with labels, jumps, calls and a compiler from a mini language.
def assemble(src):
    program, labels = [], {}
    for line in src.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(program)
            continue
        op, *args = line.split()
        program.append((op, [int(a) if a.lstrip("-").isdigit() else a for a in args]))
    return [(op, [labels.get(a, a) if isinstance(a, str) else a for a in args]) for op, args in program]

def execute(program, trace=False):
    stack, calls, out, pc, steps = [], [], [], 0, 0
    variables = {}
    while pc < len(program):
        op, args = program[pc]
        pc += 1
        steps += 1
        if op == "push": stack.append(args[0])
        elif op == "load": stack.append(variables[args[0]])
        elif op == "store": variables[args[0]] = stack.pop()
        elif op == "add": b = stack.pop(); stack.append(stack.pop() + b)
        elif op == "sub": b = stack.pop(); stack.append(stack.pop() - b)
        elif op == "mul": b = stack.pop(); stack.append(stack.pop() * b)
        elif op == "mod": b = stack.pop(); stack.append(stack.pop() % b)
        elif op == "dup": stack.append(stack[-1])
        elif op == "jz":
            if stack.pop() == 0: pc = args[0]
        elif op == "jmp": pc = args[0]
        elif op == "call": calls.append(pc); pc = args[0]
        elif op == "ret": pc = calls.pop()
        elif op == "print": out.append(stack.pop())
        elif op == "halt": break
        else: raise ValueError(f"unknown op {op}")
        if trace:
            print(f"    {op:6} {args!s:8} stack={stack}")
    return out, steps

FACT = """
    push 10
    store n
    push 1
    store acc
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""
print(execute(assemble(FACT)))
GCD = """
    push 1071
    store a
    push 462
    store b
    call gcd
    load a
    print
    halt
gcd:            ; while b != 0: a, b = b, a % b
    load b
    jz gcd_end
    load a
    load b
    mod
    load b
    store a
    store b
    jmp gcd
gcd_end:
    ret
"""
print(execute(assemble(GCD)))
print(execute(assemble("push 2\npush 3\nadd\ndup\nmul\nprint"), trace=True))
try:
    execute(assemble("push 1\nfrobnicate"))
except ValueError as e:
    print("ValueError:", e)

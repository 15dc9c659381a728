# Mutual recursion and functions defined after use.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

for i in range(8):
    print(i, is_even(i), is_odd(i))

def expr(tokens, pos):
    value, pos = term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "+-":
        op = tokens[pos]
        rhs, pos = term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos

def term(tokens, pos):
    value, pos = atom(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "*/":
        op = tokens[pos]
        rhs, pos = atom(tokens, pos + 1)
        value = value * rhs if op == "*" else value // rhs
    return value, pos

def atom(tokens, pos):
    tok = tokens[pos]
    if tok == "(":
        value, pos = expr(tokens, pos + 1)
        return value, pos + 1
    return int(tok), pos + 1

for src in ["1+2*3", "(1+2)*3", "8/2/2", "2*(3+4)*5-1", "((7))"]:
    print(src, "=", expr(list(src), 0)[0])

def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))

def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))

print([hofstadter_f(i) for i in range(15)])
print([hofstadter_m(i) for i in range(15)])

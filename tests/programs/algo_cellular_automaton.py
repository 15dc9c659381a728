# Elementary cellular automata (rules 30, 90, 110) and a 1-D sandpile, rendered as text.
def step(cells, rule):
    n = len(cells)
    out = []
    for i in range(n):
        left, mid, right = cells[(i - 1) % n], cells[i], cells[(i + 1) % n]
        idx = left << 2 | mid << 1 | right
        out.append(rule >> idx & 1)
    return out

def run(rule, width=31, gens=12):
    cells = [0] * width
    cells[width // 2] = 1
    print(f"rule {rule} ({rule:08b})")
    history = []
    for _ in range(gens):
        print("".join("#" if c else "." for c in cells))
        history.append(cells)
        cells = step(cells, rule)
    return history

for rule in (30, 90, 110):
    h = run(rule)
    print("live cells per generation:", [sum(r) for r in h])

def sandpile(n, grains):
    pile = [0] * n
    topples = 0
    for g in range(grains):
        pile[n // 2] += 1
        unstable = True
        while unstable:
            unstable = False
            for i in range(n):
                if pile[i] >= 2:
                    pile[i] -= 2
                    topples += 1
                    if i > 0:
                        pile[i - 1] += 1
                    if i < n - 1:
                        pile[i + 1] += 1
                    unstable = True
    return pile, topples
print(sandpile(9, 10), sandpile(7, 25))
center = [row[15] for row in run(30, gens=1)]
print(center)

# Sudoku solver: constraint propagation of singles plus backtracking.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""

def parse(text):
    rows = [r for r in text.split() if r]
    return [[int(c) if c != "." else 0 for c in row] for row in rows]

def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]

stats = {"guesses": 0, "singles": 0}

def solve(grid):
    while True:
        progress = False
        best = None
        for r in range(9):
            for c in range(9):
                if grid[r][c] == 0:
                    cands = candidates(grid, r, c)
                    if not cands:
                        return False
                    if len(cands) == 1:
                        grid[r][c] = cands[0]
                        stats["singles"] += 1
                        progress = True
                    elif best is None or len(cands) < len(best[2]):
                        best = (r, c, cands)
        if not progress:
            break
    if best is None:
        return all(all(row) for row in grid)
    r, c, cands = best
    for d in cands:
        stats["guesses"] += 1
        copy = [row[:] for row in grid]
        copy[r][c] = d
        if solve(copy):
            grid[:] = copy
            return True
    return False

def show(grid):
    for i, row in enumerate(grid):
        if i and i % 3 == 0:
            print("------+-------+------")
        print(" | ".join(" ".join(str(v or ".") for v in row[j:j + 3]) for j in (0, 3, 6)))

g = parse(PUZZLE)
show(g)
print()
print("solved:", solve(g))
show(g)
print(stats)
valid = all(sorted(row) == list(range(1, 10)) for row in g) and all(sorted(col) == list(range(1, 10)) for col in zip(*g))
print("valid:", valid)

def queens(n):
    count = 0
    cols = [0] * n

    def place(row, used_cols, d1, d2):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if not (used_cols >> c) & 1 and not (d1 >> (row + c)) & 1 and not (d2 >> (row - c + n)) & 1:
                cols[row] = c
                place(row + 1, used_cols | (1 << c), d1 | (1 << (row + c)), d2 | (1 << (row - c + n)))

    place(0, 0, 0, 0)
    return count


def solve_sudoku(board):
    def candidates(r, c):
        used = set(board[r]) | {board[i][c] for i in range(9)}
        br, bc = 3 * (r // 3), 3 * (c // 3)
        used |= {board[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
        return [v for v in range(1, 10) if v not in used]

    best = None
    for r in range(9):
        for c in range(9):
            if board[r][c] == 0:
                cand = candidates(r, c)
                if best is None or len(cand) < len(best[2]):
                    best = (r, c, cand)
    if best is None:
        return True
    r, c, cand = best
    for v in cand:
        board[r][c] = v
        if solve_sudoku(board):
            return True
    board[r][c] = 0
    return False


def subsets_with_sum(xs, target):
    out = []

    def go(i, chosen, total):
        if total == target:
            out.append(tuple(chosen))
        if i == len(xs) or total >= target:
            return
        for j in range(i, len(xs)):
            if j > i and xs[j] == xs[j - 1]:
                continue
            chosen.append(xs[j])
            go(j + 1, chosen, total + xs[j])
            chosen.pop()

    go(0, [], 0)
    return out


def permutations(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i in range(len(xs)):
        for rest in permutations(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + rest


print([queens(n) for n in range(1, 7)])
puzzle = [
    "530070000", "600195000", "098000060", "800060003", "400803001",
    "700020006", "060000280", "000419005", "000080079",
]
board = [[int(ch) for ch in row] for row in puzzle]
print(solve_sudoku(board))
for row in board:
    print("".join(map(str, row)))
print(len(subsets_with_sum(sorted([10, 1, 2, 7, 6, 1, 5, 3, 8, 4, 2]), 15)), subsets_with_sum([2, 3, 5], 8))
perms = list(permutations([1, 2, 3, 4, 5]))
print(len(perms), perms[:3], perms[-1], sum(p[0] * p[-1] for p in perms))

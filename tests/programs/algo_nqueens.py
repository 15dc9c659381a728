# N-queens via backtracking: count solutions and print the first board.
def solve(n):
    solutions = []
    cols = [0] * n
    used_cols, diag1, diag2 = set(), set(), set()
    def place(row):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if c in used_cols or row - c in diag1 or row + c in diag2:
                continue
            cols[row] = c
            used_cols.add(c); diag1.add(row - c); diag2.add(row + c)
            place(row + 1)
            used_cols.remove(c); diag1.remove(row - c); diag2.remove(row + c)
    place(0)
    return solutions

for n in range(1, 9):
    sols = solve(n)
    print(f"n={n}: {len(sols)} solutions")

first = solve(8)[0]
for r, c in enumerate(first):
    print(" ".join("Q" if i == c else "." for i in range(8)))
print(first)

def count_bits(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    total = 0
    avail = ~(cols | d1 | d2) & ((1 << n) - 1)
    while avail:
        bit = avail & -avail
        avail ^= bit
        total += count_bits(n, row + 1, cols | bit, ((d1 | bit) << 1) & ((1 << n) - 1), (d2 | bit) >> 1)
    return total
print([count_bits(n) for n in range(1, 9)])

def is_valid(board):
    n = len(board)
    return all(board[i] != board[j] and abs(board[i] - board[j]) != j - i for i in range(n) for j in range(i + 1, n))
print(is_valid(first), is_valid([0, 1, 2, 3]))
def unique_up_to_symmetry(n):
    seen, unique = set(), 0
    for s in solve(n):
        variants = []
        b = s
        for _ in range(4):
            b = [n - 1 - b.index(r) for r in range(n)]  # rotate 90 degrees
            variants.append(tuple(b))
            variants.append(tuple(n - 1 - x for x in b))
        key = min(variants)
        if key not in seen:
            seen.add(key)
            unique += 1
    return unique
print("fundamental solutions for 5, 6, 7:", [unique_up_to_symmetry(n) for n in (5, 6, 7)])

# Tic-tac-toe: winner detection, minimax from mid-game positions, and a scripted game.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

def winner(b):
    for a, c, d in LINES:
        if b[a] != "." and b[a] == b[c] == b[d]:
            return b[a]
    return "draw" if "." not in b else None

nodes = 0
def minimax(b, player):
    global nodes
    nodes += 1
    w = winner(b)
    if w == "X":
        return 1, None
    if w == "O":
        return -1, None
    if w == "draw":
        return 0, None
    best = None
    for i in range(9):
        if b[i] == ".":
            nb = b[:i] + player + b[i + 1:]
            score, _ = minimax(nb, "O" if player == "X" else "X")
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    return best

def show(b):
    return "\n".join(" ".join(b[r * 3:r * 3 + 3]) for r in range(3))

positions = ["XO.X.O...", "XX.OO....", "X.O.X.O..", "XOXOXO...", "OX.XO...."]
for pos in positions:
    to_move = "X" if pos.count("X") == pos.count("O") else "O"
    nodes = 0
    score, move = minimax(pos, to_move)
    print(pos, to_move, "to move: best", move, "score", score, "nodes", nodes)

board = "X...O...."
player = "X"
while winner(board) is None:
    _, move = minimax(board, player)
    board = board[:move] + player + board[move + 1:]
    player = "O" if player == "X" else "X"
print(show(board))
print("result:", winner(board))
print([winner(b) for b in ["XXX......", "O..O..O..", "XOXXOOOXX", "........."]])

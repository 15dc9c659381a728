def knapsack(weights, values, cap):
    dp = [[0] * (cap + 1) for _ in range(len(weights) + 1)]
    for i in range(1, len(weights) + 1):
        w, v = weights[i - 1], values[i - 1]
        row, prev = dp[i], dp[i - 1]
        for c in range(cap + 1):
            row[c] = prev[c]
            if w <= c and prev[c - w] + v > row[c]:
                row[c] = prev[c - w] + v
    return dp[-1][cap]


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def edit_distance(a, b):
    dp = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        prev, dp[0] = dp[0], i
        for j in range(1, len(b) + 1):
            cur = dp[j]
            dp[j] = min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] != b[j - 1]))
            prev = cur
    return dp[-1]


def coin_ways(coins, amount):
    ways = [0] * (amount + 1)
    ways[0] = 1
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]


def lis(xs):
    tails = []
    for x in xs:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) >> 1
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails)


def min_path(grid):
    n, m = len(grid), len(grid[0])
    best = [[float("inf")] * m for _ in range(n)]
    best[0][0] = grid[0][0]
    for i in range(n):
        for j in range(m):
            if i:
                best[i][j] = min(best[i][j], best[i - 1][j] + grid[i][j])
            if j:
                best[i][j] = min(best[i][j], best[i][j - 1] + grid[i][j])
    return best[-1][-1]


ws = [(i * 7) % 23 + 1 for i in range(40)]
vs = [(i * 13) % 37 + 1 for i in range(40)]
print(knapsack(ws, vs, 100))
print(lcs("ACCGGTCGAGTGCGCGGAAGCCGGCCGAA" * 3, "GTCGTTCGGAATGCCGTTGCTCTGTAAA" * 3))
print(edit_distance("kitten sitting on the mat", "sitting kitten on a hat"), edit_distance("", "abc"))
print(coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200), coin_ways([3, 7], 1000), coin_ways(list(range(1, 60)), 300))
print(lis([(i * 7919) % 1000 for i in range(2000)]))
grid = [[(i * 31 + j * 17) % 10 + (0.5 if (i + j) % 7 == 0 else 0) for j in range(40)] for i in range(40)]
print(min_path(grid))
tri = [[(r * 37 + c * 11) % 100 for c in range(r + 1)] for r in range(60)]
for r in range(len(tri) - 2, -1, -1):
    for c in range(r + 1):
        tri[r][c] += max(tri[r + 1][c], tri[r + 1][c + 1])
print(tri[0][0])

def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1] * (i + 1)
        for j in range(1, i):
            row[j] = prev[j - 1] + prev[j]
        rows.append(row)
    return rows

def coin_ways(coins, total):
    ways = [0] * (total + 1)
    ways[0] = 1
    for c in coins:
        for v in range(c, total + 1):
            ways[v] += ways[v - c]
    return ways[total]

def min_coins(coins, total):
    INF = float("inf")
    best = [0] + [INF] * total
    for v in range(1, total + 1):
        for c in coins:
            if c <= v and best[v - c] + 1 < best[v]:
                best[v] = best[v - c] + 1
    return best[total] if best[total] != INF else -1

def lis(xs):
    tails = []
    for x in xs:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails), tails

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]

def main():
    rows = pascal(70)
    print(rows[5], rows[-1][35], sum(rows[-1]) == 2**69, max(rows[-1]))
    print(coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200), coin_ways([3, 7], 1), coin_ways([2], 100))
    print(min_coins([1, 5, 12, 25], 63), min_coins([7, 11], 5), min_coins([2], 0))
    seq = [(i * 7919) % 101 for i in range(200)]
    print(lis(seq)[0], lis([3.5, 1, 2, 2.5, 10**20, 4])[1], lis([]))
    print(edit_distance([1, 2, 3, 4], [1, 3, 4, 5]), edit_distance(list(range(50)), list(range(0, 50, 2))))

main()

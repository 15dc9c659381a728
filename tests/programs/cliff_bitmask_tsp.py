# Travelling salesman by bitmask DP: shifts, masks, a list of lists of ints.
import random
random.seed(6)
N = 9
dist = [[0] * N for _ in range(N)]
for i in range(N):
    for j in range(N):
        if i != j:
            dist[i][j] = random.randint(1, 100)
INF = 10**9
def tsp():
    full = 1 << N
    dp = [[INF] * N for _ in range(full)]
    dp[1][0] = 0
    for mask in range(full):
        if not (mask & 1):
            continue
        row = dp[mask]
        for last in range(N):
            cur = row[last]
            if cur == INF:
                continue
            if not (mask >> last) & 1:
                continue
            dl = dist[last]
            for nxt in range(N):
                if mask & (1 << nxt):
                    continue
                nm = mask | (1 << nxt)
                v = cur + dl[nxt]
                if v < dp[nm][nxt]:
                    dp[nm][nxt] = v
    return min(dp[full - 1][i] + dist[i][0] for i in range(1, N))
print(tsp())

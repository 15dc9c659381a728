# Dijkstra with heapq on random graphs; `dist[v] = nd` with v from tuples.
import heapq
import random
random.seed(8)
N = 300
adj = [[] for _ in range(N)]
for i in range(N):
    for _ in range(8):
        j = random.randrange(N)
        w = random.randint(1, 100)
        adj[i].append((j, w))
        adj[j].append((i, w))

def dijkstra(src):
    dist = [float("inf")] * N
    dist[src] = 0
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist

tot = 0
for s in range(0, 9, 3):
    d = dijkstra(s)
    tot += sum(d)
print(tot)

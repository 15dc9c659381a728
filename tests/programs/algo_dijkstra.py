# Dijkstra's shortest paths with heapq, plus Floyd-Warshall for comparison.
import heapq

roads = {
    "home": {"park": 4, "shop": 2},
    "shop": {"park": 1, "office": 7, "gym": 3},
    "park": {"office": 3},
    "gym": {"office": 2, "pool": 6},
    "office": {"pool": 1},
    "pool": {},
}

def dijkstra(graph, source):
    dist = {node: float("inf") for node in graph}
    prev = {node: None for node in graph}
    dist[source] = 0
    heap = [(0, source)]
    visited = []
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        visited.append(u)
        for v, w in sorted(graph[u].items()):
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev, visited

dist, prev, visited = dijkstra(roads, "home")
print("visit order:", visited)
for node in sorted(dist):
    path, cur = [], node
    while cur is not None:
        path.append(cur)
        cur = prev[cur]
    print(f"{node:7} {dist[node]:>4}  {' -> '.join(reversed(path))}")

def floyd_warshall(graph):
    nodes = sorted(graph)
    INF = float("inf")
    d = {a: {b: (0 if a == b else graph[a].get(b, INF)) for b in nodes} for a in nodes}
    for k in nodes:
        for i in nodes:
            for j in nodes:
                if d[i][k] + d[k][j] < d[i][j]:
                    d[i][j] = d[i][k] + d[k][j]
    return d

fw = floyd_warshall(roads)
print(all(fw["home"][n] == dist[n] for n in roads))
header = "        " + " ".join(f"{n[:5]:>6}" for n in sorted(roads))
print(header)
for a in sorted(roads):
    print(f"{a:7} " + " ".join(f"{fw[a][b]:>6}" for b in sorted(roads)))
unreachable = [n for n in sorted(roads) if fw["pool"][n] == float("inf")]
print("unreachable from pool:", unreachable)

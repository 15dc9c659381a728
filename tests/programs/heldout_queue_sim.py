import heapq
from collections import deque, Counter, defaultdict


def simulate(n_customers, n_tellers, seed):
    events = []
    x = seed
    t = 0.0
    for c in range(n_customers):
        x = (x * 69069 + 1) % 2 ** 32
        t += (x % 1000) / 250.0
        x = (x * 69069 + 1) % 2 ** 32
        service = 1.0 + (x % 900) / 100.0
        heapq.heappush(events, (t, 0, c, service))
    free = n_tellers
    waiting = deque()
    waits = []
    busy_until = []
    served = 0
    now = 0.0
    while events:
        now, kind, c, service = heapq.heappop(events)
        if kind == 0:
            if free:
                free -= 1
                waits.append(0.0)
                heapq.heappush(events, (now + service, 1, c, 0.0))
            else:
                waiting.append((now, c, service))
        else:
            served += 1
            if waiting:
                arrived, c2, s2 = waiting.popleft()
                waits.append(now - arrived)
                heapq.heappush(events, (now + s2, 1, c2, 0.0))
            else:
                free += 1
    return served, round(now, 6), round(sum(waits) / len(waits), 6), round(max(waits), 6)


for tellers in (1, 2, 3, 5):
    print(tellers, simulate(200, tellers, 12345))
words = ("alpha beta gamma delta alpha beta alpha epsilon zeta eta theta alpha " * 50).split()
cnt = Counter(words)
print(cnt.most_common(3), sum(cnt.values()))
groups = defaultdict(list)
for i, w in enumerate(words[:40]):
    groups[len(w)].append(i)
print(sorted((k, len(v)) for k, v in groups.items()))
dq = deque(maxlen=5)
for i in range(23):
    dq.append(i * i)
    if i % 4 == 0:
        dq.appendleft(-i)
print(list(dq), dq[0], dq[-1], len(dq))
dq.rotate(2)
print(list(dq))
h = []
for i in range(200):
    heapq.heappush(h, ((i * 37) % 101, i))
print([heapq.heappop(h) for _ in range(5)], heapq.nsmallest(3, [5, 1, 4, 1, 5]), heapq.nlargest(2, "hello"))
merged = list(heapq.merge([1, 4, 9], [2, 3, 10], [0]))
print(merged)

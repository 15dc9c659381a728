# A queue simulation with several servers, random.expovariate, while loops.
import random
random.seed(123)

def simulate(n_customers, n_servers):
    t = 0.0
    free_at = [0.0] * n_servers
    waits = []
    for c in range(n_customers):
        t += random.expovariate(1.0)
        best = 0
        for s in range(1, n_servers):
            if free_at[s] < free_at[best]:
                best = s
        start = t if free_at[best] < t else free_at[best]
        waits.append(start - t)
        free_at[best] = start + random.expovariate(0.4)
    return sum(waits) / len(waits), max(waits)

for servers in (3, 4, 5):
    avg, mx = simulate(5000, servers)
    print(servers, round(avg, 5), round(mx, 5))

# A discrete-event simulation of a small queueing system, driven by heapq and seeded random.
import heapq
import random

class Simulation:
    def __init__(self, seed, servers):
        self.rng = random.Random(seed)
        self.time = 0.0
        self.events = []
        self.seq = 0
        self.free_servers = servers
        self.queue = []
        self.waits = []
        self.log = []
    def schedule(self, delay, kind, data=None):
        self.seq += 1
        heapq.heappush(self.events, (self.time + delay, self.seq, kind, data))
    def run(self, until):
        while self.events:
            t, _, kind, data = heapq.heappop(self.events)
            if t > until:
                break
            self.time = t
            getattr(self, "on_" + kind)(data)
    def on_arrival(self, cid):
        self.log.append(f"{self.time:6.2f} arrive c{cid}")
        if self.free_servers:
            self.free_servers -= 1
            self.start_service(cid, self.time)
        else:
            self.queue.append((cid, self.time))
        self.schedule(round(self.rng.expovariate(1.0), 3), "arrival", cid + 1)
    def start_service(self, cid, arrived):
        self.waits.append(self.time - arrived)
        self.schedule(round(self.rng.uniform(0.5, 2.5), 3), "departure", cid)
    def on_departure(self, cid):
        self.log.append(f"{self.time:6.2f} leave  c{cid}")
        if self.queue:
            nxt, arrived = self.queue.pop(0)
            self.start_service(nxt, arrived)
        else:
            self.free_servers += 1

for servers in (1, 2):
    sim = Simulation(seed=11, servers=servers)
    sim.schedule(0, "arrival", 1)
    sim.run(until=12)
    print(f"servers={servers}: served {len(sim.waits)}, queue left {len(sim.queue)}, "
          f"avg wait {sum(sim.waits) / len(sim.waits):.3f}, max wait {max(sim.waits):.3f}")
    for line in sim.log[:8]:
        print("  ", line)

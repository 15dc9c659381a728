# Cooperative multitasking with generators: a round-robin scheduler, sleeping tasks and message passing.
from collections import deque

class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleeping = []
        self.time = 0
        self.mailboxes = {}
        self.log = []
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
        self.mailboxes.setdefault(name, deque())
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.time = min(t for t, *_ in self.sleeping)
                woken = [s for s in self.sleeping if s[0] <= self.time]
                self.sleeping = [s for s in self.sleeping if s[0] > self.time]
                for _, name, gen in sorted(woken, key=lambda s: (s[0], s[1])):
                    self.ready.append((name, gen, None))
                continue
            name, gen, value = self.ready.popleft()
            try:
                request = gen.send(value)
            except StopIteration as stop:
                self.log.append(f"t={self.time} {name} finished -> {stop.value!r}")
                continue
            kind, arg = request
            if kind == "sleep":
                self.sleeping.append((self.time + arg, name, gen))
            elif kind == "send":
                target, msg = arg
                self.mailboxes[target].append((name, msg))
                self.ready.append((name, gen, True))
            elif kind == "recv":
                box = self.mailboxes[name]
                self.ready.append((name, gen, box.popleft() if box else None))
            elif kind == "yield":
                self.ready.append((name, gen, None))

def counter(label, n):
    total = 0
    for i in range(n):
        total += i
        print(f"  {label} step {i}")
        yield ("yield", None)
    return total

def sleeper(label, delays):
    for d in delays:
        print(f"  {label} sleeping {d}")
        yield ("sleep", d)
    return "rested"

def producer(items):
    for item in items:
        yield ("send", ("consumer", item))
        yield ("sleep", 1)
    yield ("send", ("consumer", None))
    return len(items)

def consumer():
    received = []
    while True:
        msg = yield ("recv", None)
        if msg is None:
            yield ("sleep", 1)
            continue
        sender, payload = msg
        if payload is None:
            return received
        print(f"  consumer got {payload!r} from {sender}")
        received.append(payload)

s = Scheduler()
s.spawn("A", counter("A", 3))
s.spawn("B", counter("B", 2))
s.spawn("zz", sleeper("zz", [2, 1]))
s.spawn("producer", producer(["x", "y", "z"]))
s.spawn("consumer", consumer())
s.run()
print("\n".join(s.log))
print("final time", s.time)

# Threads with deterministic output: results are collected, joined and printed in a fixed order.
import threading
from concurrent.futures import ThreadPoolExecutor
import queue

def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

with ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(collatz_len, range(1, 30)))
print(results)
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = {n: pool.submit(pow, n, 3) for n in range(6)}
print({n: f.result() for n, f in futures.items()})

counter = 0
lock = threading.Lock()
def add_many(k):
    global counter
    for _ in range(k):
        with lock:
            counter += 1
threads = [threading.Thread(target=add_many, args=(500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)

q = queue.Queue()
out = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.append(item * item)
        q.task_done()
worker = threading.Thread(target=consumer)
worker.start()
for i in range(10):
    q.put(i)
q.put(None)
q.join()
worker.join()
print(out)

local = threading.local()
seen = {}
def record(name):
    local.name = name
    seen[name] = local.name
ts = [threading.Thread(target=record, args=(f"t{i}",)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()), threading.current_thread().name)
def boom():
    raise ValueError("in worker")
with ThreadPoolExecutor(max_workers=1) as pool:
    fut = pool.submit(boom)
    try:
        fut.result()
    except ValueError as e:
        print("future raised:", e)

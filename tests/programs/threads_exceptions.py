import threading
from concurrent.futures import ThreadPoolExecutor
def work(n):
    total = 0
    for i in range(n):
        try:
            if i % 7 == 0:
                raise ValueError(i)
            total += i
        except ValueError as e:
            total -= 1
            try:
                raise
            except ValueError as e2:
                assert e2 is e
    return total
with ThreadPoolExecutor(4) as ex:
    print(list(ex.map(work, [20000, 30000, 40000, 50000])))
lock = threading.Lock()
count = 0
def inc():
    global count
    for _ in range(10000):
        with lock:
            count += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(count)

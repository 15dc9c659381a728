# asyncio basics with deterministic scheduling (only sleep(0) and explicit ordering).
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return f"{name} done"

async def ticker(n):
    for i in range(n):
        yield i * i
        await asyncio.sleep(0)

class Resource:
    async def __aenter__(self):
        print("  acquire")
        return self
    async def __aexit__(self, *exc):
        print("  release", exc[0].__name__ if exc[0] else None)
        return False

async def producer(q, items):
    for item in items:
        await q.put(item)
    await q.put(None)

async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item.upper())

async def fails():
    await asyncio.sleep(0)
    raise ValueError("async failure")

async def main():
    print(await add(2, 3))
    log = []
    results = await asyncio.gather(worker("a", 3, log), worker("b", 2, log), worker("c", 1, log))
    print(results, log)
    print([v async for v in ticker(5)])
    async with Resource() as r:
        print("  inside", type(r).__name__)
    q = asyncio.Queue()
    out = []
    await asyncio.gather(producer(q, ["x", "y", "z"]), consumer(q, out))
    print(out)
    task = asyncio.create_task(add(10, 20))
    print("task created, done?", task.done())
    print(await task, task.done())
    try:
        await fails()
    except ValueError as e:
        print("caught", e)
    res = await asyncio.gather(add(1, 1), fails(), return_exceptions=True)
    print([repr(x) for x in res])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    return "main finished"

print(asyncio.run(main()))
async def compute(x):
    return x * 2
coro = compute(21)
print(type(coro).__name__)
print(asyncio.run(coro))

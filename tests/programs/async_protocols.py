import asyncio
class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await asyncio.sleep(0); print("enter", self.name); return self.name
    async def __aexit__(self, t, e, tb):
        await asyncio.sleep(0); print("exit", self.name, t.__name__ if t else None); return self.suppress
async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("agen finally")
class Counter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1; return self.i
async def early():
    async with CM("a") as a, CM("b") as b:
        return a + b
async def loop_break():
    async for x in agen(10):
        if x == 2: break
        print("x", x)
    else:
        print("no else")
async def suppressed():
    async with CM("s", suppress=True):
        raise KeyError("gone")
    print("after suppressed")
async def main():
    print(await early())
    await loop_break()
    await suppressed()
    print([x async for x in Counter(3)], {x: x * 2 async for x in agen(2)})
    print([await asyncio.sleep(0, result=i) for i in range(3)])
    g = agen(3)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    ge = (x * 10 async for x in Counter(3))
    print([v async for v in ge])
    try:
        await 5
    except TypeError as e:
        print("TypeError", e)
    async for a in Counter(2):
        async with CM(str(a)):
            continue
    r = await asyncio.gather(*(asyncio.sleep(0, result=i) for i in range(3)))
    c = early()
    print(r, type(agen(1)).__name__, type(c).__name__)
    c.close()
    try:
        async with CM("err"):
            1 / 0
    except ZeroDivisionError as e:
        print("caught", e)
asyncio.run(main())

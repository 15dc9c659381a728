import multiprocessing, json, re, os, tempfile, contextlib, io, heapq, statistics, string, textwrap, random
def work(x):
    return x * x
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(work, range(5)))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("captured")
    print(repr(buf.getvalue()))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "f.txt")
        with open(path, "w") as fh:
            fh.write("hello\nworld\n")
        with open(path) as fh:
            print([line.rstrip() for line in fh])
    print(json.dumps({"a": [1, 2, {"b": None}]}, indent=1, sort_keys=True))
    print(re.sub(r"(\w+)@(\w+)", lambda m: m.group(2) + "@" + m.group(1), "joe@site ann@web"))
    random.seed(7); print([random.randint(1, 100) for _ in range(5)], random.choice("abc"))
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    gen = (i for i in range(10) if i % 3)
    print(next(gen), list(gen))
    x = [1, 2, 3]
    x[1:2] = "ab"; print(x, x[::-1], x[-2:])
    print(f"{'nested':{'>'}{10}}|{3.0:.{2}f}|{1234567:,}|{0.25:%}|{255:08b}")
    try:
        raise ExceptionGroup("eg", [ValueError(1)]) if False else KeyError("k")
    except KeyError as e:
        print("KeyError", e)
    def gen2():
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")
    for v in gen2():
        print(v)
        break
    print("after break")
    class A:
        def __init_subclass__(cls, tag="?", **kw):
            super().__init_subclass__(**kw); cls.tag = tag
    class B(A, tag="bee"): pass
    print(B.tag)
    print(sum(i for i in range(100)), any(x > 2 for x in [1, 3]), all([]))
    print(divmod(-7, 2), pow(3, 4, 5), round(2.675, 2), int("0x1f", 16), float("1e-3"))
    print(sorted({3, 1, 2}), {1: "a"} | {2: "b"}, [*"hi"], {**{"a": 1}})

# operator/itertools/json encoders/re callbacks/copy/pickle/contextlib/heapq/fractions together.
import json, re, copy, pickle, io, contextlib, weakref, string, textwrap, heapq, bisect, random
import itertools as it, operator as op, functools
from fractions import Fraction
from decimal import Decimal, getcontext

class Emp:
    def __init__(self, name, dept, sal):
        self.name, self.dept, self.sal = name, dept, sal
    def __repr__(self): return f"Emp({self.name})"
    def raise_(self, pct): self.sal = round(self.sal * (1 + pct / 100), 2)
emps = [Emp("ann", "eng", 100), Emp("bob", "ops", 80), Emp("cy", "eng", 120), Emp("di", "ops", 95)]
print(sorted(emps, key=op.attrgetter("dept", "sal")))
print(list(map(op.methodcaller("raise_", 10), emps[:1])), emps[0].sal)
for dept, grp in it.groupby(sorted(emps, key=op.attrgetter("dept")), key=op.attrgetter("dept")):
    print(dept, [e.name for e in grp])
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=op.itemgetter(1)))
def cmp(a, b): return (a > b) - (a < b) if a % 2 == b % 2 else (a % 2) - (b % 2)
print(sorted(range(10), key=functools.cmp_to_key(cmp)))

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Emp): return {"name": o.name, "sal": o.sal}
        return super().default(o)
print(json.dumps(emps[:2], cls=Enc), json.dumps({"b": 1, "a": [1.5, None, True]}, sort_keys=True, indent=1))
print(json.dumps(Fraction(1, 3), default=str), json.loads('[1, 2.0, "x", null]', parse_float=Decimal))
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.split(r"[,;]\s*", "a, b;c"), bool(re.fullmatch(r"[a-z]+", "abc")), re.compile(r"(?P<k>\w+)=(?P<v>\w+)").match("x=1").groupdict())
class Tree:
    def __init__(self, v, kids=()):
        self.v = v; self.kids = list(kids); self.parent = None
        for k in self.kids: k.parent = self
    def total(self): return self.v + sum(k.total() for k in self.kids)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
t2 = copy.deepcopy(t); t2.kids[0].v = 100
print(t.total(), t2.total(), t2.kids[1].kids[0].parent is t2.kids[1], copy.copy(t).kids is t.kids)
t3 = pickle.loads(pickle.dumps(t)); print(t3.total(), type(t3).__name__)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 42)
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.callback(print, "exit", n)
    print("in stack")
with contextlib.suppress(KeyError, ValueError):
    int("x")
print("suppressed")
class Obj: pass
o = Obj(); r = weakref.ref(o); print(r() is o); del o; print(r())
print(string.Template("$who likes $what").substitute(who="tim", what="py"), string.ascii_lowercase[:5], string.capwords("hello big world"))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("   a\n    b\n"), textwrap.shorten("Hello  world  foo bar baz", 15))
h = []
for w, name in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    heapq.heappush(h, (w, name))
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(2, [5, 1, 9, 3]), heapq.nsmallest(2, "hello"))
sl = [1, 3, 5, 7]; bisect.insort(sl, 4); print(sl, bisect.bisect_left(sl, 5), bisect.bisect_right(sl, 5))
random.seed(42); print(random.randint(1, 100), random.choice("abcdef"), random.sample(range(20), 3), round(random.random(), 6))
lst = list(range(10)); random.shuffle(lst); print(lst)
print(Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"), Fraction(1, 3) * 3 == 1, float(Fraction(7, 8)))
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal("1.10") + Decimal("2.205"), Decimal("3.14159").quantize(Decimal("0.01")))
print(list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2))[:4], list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.islice(it.cycle("ab"), 5)), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee(iter(range(3))); print(list(a), list(b), list(it.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda v: v < 3, [1, 5, 1])))
print(list(it.compress("abcd", [1, 0, 1, 0])), list(it.combinations_with_replacement("ab", 2)), list(it.pairwise([1, 2, 3])))
print(functools.reduce(op.add, [[1], [2], [3]]), list(it.accumulate([3, 1, 4], max)), next(it.count(5, 2)))

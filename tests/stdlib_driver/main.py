import my_textwrap as textwrap, my_fractions as fractions, my_difflib as difflib
import my_statistics as statistics, my_pprint as pprint, my_shlex as shlex
import my_calendar as calendar, my_heapq as heapq, my_bisect as bisect
import my_colorsys as colorsys, my_fnmatch as fnmatch, my_graphlib as graphlib
import my_reprlib as reprlib, my_copy as copy, my__pydecimal as D
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 5, width=30))
print(textwrap.dedent("   a\n   b\n     c"))
F = fractions.Fraction
print(F(3, 4) + F(5, 6), F("1.25") ** 2, F(7, 3).limit_denominator(2), sum(F(1, n) for n in range(1, 20)))
a = "one two three four five six".split(); b = "one 2 three four six seven".split()
print("\n".join(difflib.unified_diff(a, b, lineterm="")))
print(difflib.SequenceMatcher(None, "abcdefg", "abxdefz").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
data = [2.5, 3.25, 5.5, 11.25, 11.75, 1, 2, 2, 3]
print(statistics.mean(data), statistics.median(data), statistics.stdev(data), statistics.mode([1,2,2,3]), statistics.quantiles(data, n=4))
pprint.pprint({"k%d" % i: list(range(i)) for i in range(8)}, width=40)
print(shlex.split('a "b c" d\\ e \'f g\''), shlex.quote("it's"))
print(calendar.month(2024, 2)); print(calendar.isleap(2000), calendar.monthrange(2023, 2))
h = []
for x in [5, 1, 8, 3, 9, 2]: heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(3, [4, 1, 7, 3, 8]), list(heapq.merge([1,4,7],[2,5,8])))
print(bisect.bisect_left([1,2,4,4,5], 4), colorsys.rgb_to_hsv(0.2, 0.4, 0.4), fnmatch.fnmatch("foo.py", "*.py"))
ts = graphlib.TopologicalSorter({"d": {"b", "c"}, "b": {"a"}, "c": {"a"}}); print(list(ts.static_order()))
print(reprlib.repr(list(range(100))), copy.deepcopy({"a": [1, {"b": (2, 3)}]}))
D.getcontext().prec = 30
print(D.Decimal(1) / D.Decimal(7), D.Decimal("1.1") + D.Decimal("2.2"), D.Decimal(2).sqrt())

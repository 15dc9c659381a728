# Word ladder (BFS over implicit graph) and anagram/word utilities.
from collections import deque

WORDS = """cold cord card ward warm word worm wore core care dare bare barn born corn cord
lead load goad gold bold bolt boat coat cost cast case cane lane line fine fire hire here hare""".split()
WORDSET = set(WORDS)

def neighbors(word):
    for i in range(len(word)):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            if ch != word[i]:
                cand = word[:i] + ch + word[i + 1:]
                if cand in WORDSET:
                    yield cand

def ladder(start, goal):
    prev = {start: None}
    q = deque([start])
    while q:
        w = q.popleft()
        if w == goal:
            path = []
            while w:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for n in sorted(neighbors(w)):
            if n not in prev:
                prev[n] = w
                q.append(n)
    return None

for a, b in [("cold", "warm"), ("lead", "gold"), ("boat", "cast"), ("fine", "hare"), ("cold", "fire")]:
    path = ladder(a, b)
    print(f"{a} -> {b}:", " > ".join(path) if path else "no path")

def degree_table():
    table = {}
    for w in sorted(WORDSET):
        table.setdefault(len(list(neighbors(w))), []).append(w)
    return table
for deg, ws in sorted(degree_table().items()):
    print(deg, ws)
def components():
    seen, comps = set(), []
    for w in sorted(WORDSET):
        if w in seen:
            continue
        comp, stack = [], [w]
        seen.add(w)
        while stack:
            cur = stack.pop()
            comp.append(cur)
            for n in neighbors(cur):
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        comps.append(sorted(comp))
    return comps
print([len(c) for c in components()], components()[-1])

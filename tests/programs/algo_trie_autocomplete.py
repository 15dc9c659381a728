# A trie for autocomplete and word counting, with dict-of-dicts and a class-based version.
class TrieNode:
    __slots__ = ("children", "count", "end")
    def __init__(self):
        self.children = {}
        self.count = 0
        self.end = False

class Trie:
    def __init__(self, words=()):
        self.root = TrieNode()
        self.size = 0
        for w in words:
            self.insert(w)
    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
            node.count += 1
        if not node.end:
            node.end = True
            self.size += 1
    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node
    def __contains__(self, word):
        node = self._find(word)
        return bool(node and node.end)
    def complete(self, prefix, limit=5):
        node = self._find(prefix)
        out = []
        def walk(n, path):
            if len(out) >= limit:
                return
            if n.end:
                out.append(prefix + path)
            for ch in sorted(n.children):
                walk(n.children[ch], path + ch)
        if node:
            walk(node, "")
        return out
    def count_prefix(self, prefix):
        node = self._find(prefix)
        return node.count if node else 0
    def __len__(self):
        return self.size

words = "car card care careful cart carbon cat catalog dog dot dote do door zebra car".split()
t = Trie(words)
print(len(t), "car" in t, "ca" in t, "zebra" in t, "zebras" in t)
for p in ["car", "ca", "do", "z", "x", ""]:
    print(repr(p), t.complete(p), t.count_prefix(p))
print(t.complete("", limit=100))

def make_trie(ws):
    root = {}
    for w in ws:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node["$"] = True
    return root
def longest_common_prefix(ws):
    node, prefix = make_trie(ws), ""
    while len(node) == 1 and "$" not in node:
        ch = next(iter(node))
        prefix += ch
        node = node[ch]
    return prefix
print(repr(longest_common_prefix(["flower", "flow", "flight"])), repr(longest_common_prefix(["interview", "internet", "interval"])), repr(longest_common_prefix(["a", "b"])))

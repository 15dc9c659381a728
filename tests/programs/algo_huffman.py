# Huffman compression: build a tree with heapq, encode and decode, with deterministic tie-breaking.
import heapq
from collections import Counter

def build_codes(text):
    freq = Counter(text)
    heap = [(n, i, ch) for i, (ch, n) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    counter = len(heap)
    if len(heap) == 1:
        return {heap[0][2]: "0"}
    while len(heap) > 1:
        n1, _, left = heapq.heappop(heap)
        n2, _, right = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, counter, (left, right)))
        counter += 1
    codes = {}
    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix
        else:
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
    walk(heap[0][2], "")
    return codes

def encode(text, codes):
    return "".join(codes[c] for c in text)

def decode(bits, codes):
    reverse = {v: k for k, v in codes.items()}
    out, cur = [], ""
    for b in bits:
        cur += b
        if cur in reverse:
            out.append(reverse[cur])
            cur = ""
    return "".join(out)

for text in ["abracadabra", "mississippi river", "aaaa", "the quick brown fox jumps over the lazy dog"]:
    codes = build_codes(text)
    bits = encode(text, codes)
    print(repr(text))
    for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
        print(f"   {ch!r}: {codes[ch]}")
    print("   bits:", len(bits), "vs", 8 * len(text), f"ratio={len(bits) / (8 * len(text)):.3f}")
    print("   roundtrip ok:", decode(bits, codes) == text, bits[:32])

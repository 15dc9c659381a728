import heapq


def lzw_compress(data):
    table = {chr(i): i for i in range(256)}
    w = ""
    out = []
    for ch in data:
        wc = w + ch
        if wc in table:
            w = wc
        else:
            out.append(table[w])
            table[wc] = len(table)
            w = ch
    if w:
        out.append(table[w])
    return out


def lzw_decompress(codes):
    table = {i: chr(i) for i in range(256)}
    w = chr(codes[0])
    out = [w]
    for k in codes[1:]:
        if k in table:
            entry = table[k]
        elif k == len(table):
            entry = w + w[0]
        else:
            raise ValueError(f"bad code {k}")
        out.append(entry)
        table[len(table)] = w + entry[0]
        w = entry
    return "".join(out)


def huffman(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap = [[f, i, ch] for i, (ch, f) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    counter = len(heap)
    while len(heap) > 1:
        a = heapq.heappop(heap)
        b = heapq.heappop(heap)
        heapq.heappush(heap, [a[0] + b[0], counter, (a, b)])
        counter += 1
    codes = {}

    def walk(node, prefix):
        payload = node[2]
        if isinstance(payload, str):
            codes[payload] = prefix or "0"
        else:
            walk(payload[0], prefix + "0")
            walk(payload[1], prefix + "1")

    walk(heap[0], "")
    return codes


def bits_to_bytes(bits):
    out = bytearray()
    for i in range(0, len(bits), 8):
        chunk = bits[i:i + 8].ljust(8, "0")
        out.append(int(chunk, 2))
    return bytes(out)


text = ("TOBEORNOTTOBEORTOBEORNOT#" * 8) + "".join(chr(97 + (i * i) % 26) for i in range(600))
codes = lzw_compress(text)
print(len(text), len(codes), codes[:12], max(codes))
print(lzw_decompress(codes) == text)
hc = huffman(text)
encoded = "".join(hc[ch] for ch in text)
print(len(encoded), sorted(hc.items())[:5])
packed = bits_to_bytes(encoded)
print(len(packed), packed[:8].hex(), sum(packed) % 65521)
rev = {v: k for k, v in hc.items()}
cur = ""
dec = []
for b in encoded:
    cur += b
    if cur in rev:
        dec.append(rev[cur])
        cur = ""
print("".join(dec) == text)
try:
    lzw_decompress([65, 66, 999])
except ValueError as e:
    print("ValueError:", e)

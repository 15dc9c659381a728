# struct, array and binary data handling.
import struct
from array import array

packed = struct.pack("<IhB3sf", 1000, -2, 255, b"abc", 1.5)
print(packed, len(packed), struct.calcsize("<IhB3sf"))
print(struct.unpack("<IhB3sf", packed))
print(struct.pack(">H", 0x1234), struct.pack("<H", 0x1234), struct.unpack(">I", b"\x00\x00\x01\x00")[0])
header = struct.Struct("<4sII")
blob = header.pack(b"DATA", 7, 42) + b"payload"
magic, version, size = header.unpack_from(blob)
print(magic, version, size, blob[header.size:])
records = b"".join(struct.pack("<hd", i, i / 4) for i in range(4))
print([r for r in struct.iter_unpack("<hd", records)])
try:
    struct.pack("<B", 300)
except struct.error as e:
    print("struct.error:", e)

a = array("i", [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
print(a, a[2], a[1:3], len(a), a.count(1), a.index(4), sum(a), sorted(a))
a.reverse()
print(a.tolist(), a.itemsize, a.typecode)
d = array("d", (x / 2 for x in range(5)))
print(d, d.tobytes()[:8], array("d", d.tobytes()) == d)
b = array("B", b"hello")
b[0] = ord("j")
print(b.tobytes(), bytes(b), list(b))
try:
    array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
def checksum(data):
    total = 0
    for (word,) in struct.iter_unpack("<H", data + b"\x00" * (len(data) % 2)):
        total = (total + word) & 0xFFFF
    return total
print(checksum(b"some binary payload"), hex(checksum(bytes(range(256)))))
print(int.from_bytes(struct.pack("<q", -1), "little", signed=True), struct.pack("?", True), struct.unpack("<f", struct.pack("<f", 0.1))[0])

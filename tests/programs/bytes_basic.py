# bytes and bytearray basics.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b[::-1], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.decode(), b.decode("ascii"), "héllo".encode("utf-8"), "héllo".encode("latin-1"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b"wor" in b, 104 in b)
print(bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), b"\x00\xff".hex(), bytes.fromhex("48 69"))
print(list(b"abc"), b"a" + b"b", b"ab" * 2, b"abc" < b"abd", b"" == bytes())
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), bytes(ba), ba.decode(), ba.pop(), ba)
ba2 = bytearray(4)
ba2[1:3] = b"xy"
print(ba2, ba2.hex(), b"-".join([b"a", b"b"]), b" pad ".strip())
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(int.from_bytes(b"\x01\x02", "big"), (258).to_bytes(2, "little"), b"%d-%s" % (5, b"x"))
print(repr(b"quote'"), repr(b'dq"'), repr(b"\n\t\\"), str(b"x"), b"abc".isalpha(), b"12".isdigit())
checksum = 0
for byte in "checksum me".encode():
    checksum = (checksum * 31 + byte) % 65521
print(checksum)
print(memoryview(b"abc")[1], bytes(memoryview(b"xyz")[::2]))

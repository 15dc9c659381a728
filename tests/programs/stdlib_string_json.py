# The string and json modules.
import string
import json

print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.punctuation, len(string.printable), string.hexdigits, string.octdigits)
print(string.capwords("hello   big world"))
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="Tim", what="kiwi"), t.safe_substitute(who="Ann"))
def caesar(s, k):
    lo = string.ascii_lowercase
    table = str.maketrans(lo + lo.upper(), lo[k:] + lo[:k] + (lo[k:] + lo[:k]).upper())
    return s.translate(table)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, 23))

data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "stock": None, "active": True, "dims": {"w": 1, "h": 2}}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
back = json.loads(s)
print(back == data, type(back["tags"]).__name__, back["dims"]["h"])
print(json.loads("[1, 2.5, \"x\", null, true, false, {\"k\": []}]"))
print(json.dumps("unicode é ✓"), json.dumps("unicode é", ensure_ascii=False))
print(json.dumps([1, (2, 3)]), json.dumps({1: "int key"}), json.dumps(1e100), json.dumps(-0.0))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
print(json.loads('{"n": 1}', object_hook=lambda d: {k.upper(): v for k, v in d.items()}))
records = json.loads('[{"id": 2, "v": "b"}, {"id": 1, "v": "a"}]')
print(sorted(records, key=lambda r: r["id"]))

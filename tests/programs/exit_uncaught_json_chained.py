# Ends in an uncaught RuntimeError raised from json's ValueError (chained traceback), after hot calls.
import json
def load(s):
    try:
        return json.loads(s)
    except ValueError as e:
        raise RuntimeError("config broken") from e
def get(cfg, *path):
    cur = cfg
    for p in path:
        cur = cur[p]
    return cur
cfg = load('{"a": {"b": [10, 20]}}')
print(get(cfg, "a", "b", 1))
total = 0
for i in range(2000):
    total += get(cfg, "a", "b", i % 2)
print(total)
try:
    get(cfg, "a", "c")
except KeyError as e:
    print("missing", e)
def cleanup():
    try:
        get(cfg, "a", "b", 5)
    finally:
        print("cleanup ran")
try:
    cleanup()
except IndexError as e:
    print("index:", e)
load("{not json")

# Mapping patterns, **rest, and nested structures like parsed JSON events.
events = [
    {"type": "click", "x": 10, "y": 20},
    {"type": "key", "key": "Enter", "mods": ["ctrl"]},
    {"type": "key", "key": "a"},
    {"type": "scroll", "delta": -3, "extra": True, "source": "wheel"},
    {"type": "resize", "size": {"w": 800, "h": 600}},
    {"type": "resize", "size": {"w": 0}},
    {"kind": "unknown"},
    ["not", "a", "mapping"],
]

def handle(event):
    match event:
        case {"type": "click", "x": int(x), "y": int(y)}:
            return f"click at ({x}, {y})"
        case {"type": "key", "key": key, "mods": [*mods]}:
            return f"key {key} with {'+'.join(mods)}"
        case {"type": "key", "key": str(key)}:
            return f"plain key {key}"
        case {"type": "scroll", "delta": d, **rest}:
            return f"scroll {'up' if d > 0 else 'down'} {abs(d)}, rest={sorted(rest)}"
        case {"type": "resize", "size": {"w": w, "h": h}}:
            return f"resize to {w}x{h}"
        case {"type": t}:
            return f"unhandled event type {t!r}"
        case {}:
            return "mapping without type"
        case _:
            return "not an event"

for e in events:
    print(handle(e))

def config_value(cfg):
    match cfg:
        case {"debug": True, **others} if not others:
            return "debug only"
        case {"debug": True}:
            return "debug plus settings"
        case {"level": ("low" | "high") as lvl}:
            return f"level {lvl}"
        case dict(d) if len(d) > 2:
            return f"big config with {len(d)} keys"
    return "default"
for c in [{"debug": True}, {"debug": True, "x": 1}, {"level": "high"}, {"level": "mid"}, {"a": 1, "b": 2, "c": 3}]:
    print(c, "->", config_value(c))
from collections import defaultdict
dd = defaultdict(int, {"present": 1})
match dd:
    case {"missing": _}:
        print("matched missing key (wrong)")
    case {"present": p}:
        print("defaultdict matched present:", p, "missing not created:", "missing" in dd)

"""Processing JSON-like event data with mapping and sequence patterns.

Exercises mapping patterns with extra keys, `**rest`, nested mappings inside sequences, value
patterns naming class constants, builtin class patterns used as type checks (str(), int(),
list(), dict()), OR patterns binding the same names, guards, and a validation pass that reports
shapes it does not recognise.
"""

import json
from collections import Counter, defaultdict

RAW = """
[
  {"type": "user", "id": 1, "name": "ada", "tags": ["admin", "ops"]},
  {"type": "user", "id": 2, "name": "bob", "tags": []},
  {"type": "order", "id": 100, "user": 1, "items": [{"sku": "A1", "qty": 2, "price": 9.5},
                                                  {"sku": "B2", "qty": 1, "price": 20}]},
  {"type": "order", "id": 101, "user": 2, "items": [], "note": "empty"},
  {"type": "order", "id": 102, "user": 9, "items": [{"sku": "A1", "qty": 1, "price": 9.5}]},
  {"type": "refund", "order": 100, "amount": 5},
  {"type": "refund", "order": 100, "amount": "lots"},
  {"type": "event", "kind": "login", "user": 1, "meta": {"ip": "10.0.0.1", "agent": "cli"}},
  {"type": "event", "kind": "logout", "user": 1},
  {"type": "event", "kind": "login", "user": 2, "meta": {"ip": "10.0.0.2"}},
  {"kind": "orphan"},
  ["not", "an", "object"],
  {"type": "user", "id": "3", "name": "eve"},
  null,
  {"type": "batch", "events": [{"type": "user", "id": 4, "name": "dan", "tags": ["x"]},
                               {"type": "refund", "order": 101, "amount": 0}]}
]
"""


class Kind:
    LOGIN = "login"
    LOGOUT = "logout"


class Store:
    def __init__(self):
        self.users = {}
        self.orders = {}
        self.refunds = defaultdict(float)
        self.sessions = Counter()
        self.problems = []

    def ingest(self, record):
        match record:
            case {"type": "user", "id": int(uid), "name": str(name), **extra}:
                tags = extra.get("tags", [])
                self.users[uid] = {"name": name, "tags": tags}
                match tags:
                    case []:
                        role = "nobody"
                    case ["admin", *others]:
                        role = f"admin (+{len(others)})"
                    case [single]:
                        role = f"just {single}"
                    case _:
                        role = "several"
                print(f"user {uid} {name}: {role}")
            case {"type": "order", "id": oid, "user": uid,
                  "items": list(items)} if uid in self.users:
                total = 0.0
                for item in items:
                    match item:
                        case {"sku": sku, "qty": int(qty), "price": int() | float() as price}:
                            total += qty * price
                        case bad:
                            self.problems.append(f"bad item {bad}")
                self.orders[oid] = total
                note = ""
                match record:
                    case {"note": str(text)}:
                        note = f" ({text})"
                print(f"order {oid} for {self.users[uid]['name']}: {total:.2f}{note}")
            case {"type": "order", "id": oid, "user": uid}:
                self.problems.append(f"order {oid} has unknown user {uid}")
            case {"type": "refund", "order": oid,
                  "amount": int(amount) | float(amount)} if amount > 0:
                self.refunds[oid] += amount
                print(f"refund {amount} on order {oid}")
            case {"type": "refund", "order": oid, "amount": 0}:
                print(f"zero refund on order {oid} ignored")
            case {"type": "refund", "amount": amount}:
                self.problems.append(f"refund amount {amount!r} is not a number")
            case {"type": "event", "kind": Kind.LOGIN, "user": uid, "meta": {"ip": ip, **meta}}:
                self.sessions[uid] += 1
                print(f"login user={uid} ip={ip} extra={sorted(meta)}")
            case {"type": "event", "kind": Kind.LOGOUT, "user": uid}:
                self.sessions[uid] -= 1
                print(f"logout user={uid}")
            case {"type": "batch", "events": [*events]}:
                print(f"batch of {len(events)}")
                for event in events:
                    self.ingest(event)
            case {"type": str(kind)}:
                self.problems.append(f"unhandled record type {kind}")
            case dict(other):
                self.problems.append(f"record without a type: {other}")
            case [*words] if all(isinstance(w, str) for w in words):
                self.problems.append(f"a list of words: {' '.join(words)}")
            case None:
                self.problems.append("a null record")

    def report(self):
        print("orders:", {k: round(v, 2) for k, v in sorted(self.orders.items())})
        print("refunds:", dict(self.refunds))
        print("sessions:", dict(self.sessions))
        net = sum(self.orders.values()) - sum(self.refunds.values())
        print(f"net revenue: {net:.2f}")
        for problem in self.problems:
            match problem.split(maxsplit=1):
                case [first, rest]:
                    print(f"  problem [{first}] {rest}")


def summarize(value, depth=0):
    """A type-directed pretty printer for the raw JSON."""
    pad = "  " * depth
    match value:
        case dict() as d if not d:
            return f"{pad}{{}}"
        case {"type": t, **fields}:
            shown = ", ".join(f"{k}={summarize(v).strip()}" for k, v in fields.items())
            return f"{pad}<{t}> {shown}"
        case dict(d):
            return f"{pad}dict of {len(d)}"
        case [] | ():
            return f"{pad}[]"
        case [single]:
            return f"{pad}[{summarize(single).strip()}]"
        case [first, *rest]:
            return f"{pad}[{summarize(first).strip()}, ...{len(rest)} more]"
        case bool(b):
            return f"{pad}{str(b).lower()}"
        case int(n) | float(n):
            return f"{pad}{n}"
        case str(s):
            return f"{pad}{s!r}"
        case None:
            return f"{pad}null"


if __name__ == "__main__":
    data = json.loads(RAW)
    store = Store()
    for record in data:
        store.ingest(record)
    store.report()
    print()
    for record in data[:4] + data[-5:]:
        print(summarize(record, 1))

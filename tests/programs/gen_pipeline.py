# A data-processing pipeline made of generators.
LOG = """2024-01-01 INFO  user=alice action=login
2024-01-01 WARN  user=bob action=failed_login
2024-01-02 INFO  user=alice action=view page=home
2024-01-02 ERROR user=carol action=crash code=500
2024-01-03 INFO  user=bob action=login
2024-01-03 INFO  user=alice action=logout
# comment line
2024-01-04 ERROR user=bob action=crash code=503"""

def lines(text):
    for line in text.splitlines():
        yield line

def non_comments(it):
    for line in it:
        if line.strip() and not line.startswith("#"):
            yield line

def parse(it):
    for line in it:
        date, level, *pairs = line.split()
        record = {"date": date, "level": level}
        for pair in pairs:
            k, v = pair.split("=")
            record[k] = v
        yield record

def where(it, **conds):
    for rec in it:
        if all(rec.get(k) == v for k, v in conds.items()):
            yield rec

records = list(parse(non_comments(lines(LOG))))
print(len(records))
for rec in where(iter(records), level="ERROR"):
    print(rec["date"], rec["user"], rec.get("code"))
for rec in where(iter(records), user="alice"):
    print("alice:", rec["action"])
levels = {}
for rec in records:
    levels[rec["level"]] = levels.get(rec["level"], 0) + 1
print(levels)
by_user = {}
for rec in records:
    by_user.setdefault(rec["user"], []).append(rec["action"])
for user in sorted(by_user):
    print(user, by_user[user])
def running_count(it):
    n = 0
    for rec in it:
        n += 1
        yield n, rec["level"]
print(list(running_count(iter(records))))
dates = sorted({r["date"] for r in records})
print(dates, dates[-1])

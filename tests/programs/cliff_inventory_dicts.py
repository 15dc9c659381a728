# An inventory of dicts of dicts, orders, dict.get accumulators.
import random
random.seed(21)
products = {}
for i in range(200):
    products["p%04d" % i] = {"price": round(random.uniform(1, 100), 2), "qty": random.randint(0, 50), "cat": random.choice("ABCDE")}

orders = []
for _ in range(8000):
    pid = "p%04d" % random.randrange(200)
    orders.append((pid, random.randint(1, 5)))

revenue = 0.0
by_cat = {}
missed = 0
for pid, q in orders:
    p = products[pid]
    if p["qty"] >= q:
        p["qty"] -= q
        amt = p["price"] * q
        revenue += amt
        by_cat[p["cat"]] = by_cat.get(p["cat"], 0.0) + amt
    else:
        missed += 1
print(round(revenue, 2), missed)
for k in sorted(by_cat):
    print(k, round(by_cat[k], 2))
low = [k for k, v in products.items() if v["qty"] == 0]
print(len(low))

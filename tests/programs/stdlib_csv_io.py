# Parsing and writing CSV with csv + io.StringIO, then aggregating.
import csv
import io

DATA = """region,product,units,price
north,widget,10,2.50
south,widget,4,2.50
north,gadget,3,10.00
east,widget,7,2.40
south,gadget,5,9.50
east,"gizmo, deluxe",1,99.99
north,widget,2,2.50
"""

rows = list(csv.DictReader(io.StringIO(DATA)))
print(len(rows), rows[0])
totals = {}
for r in rows:
    revenue = int(r["units"]) * float(r["price"])
    totals.setdefault(r["region"], 0.0)
    totals[r["region"]] += revenue
for region, total in sorted(totals.items(), key=lambda kv: -kv[1]):
    print(f"{region:6} {total:8.2f}")
by_product = {}
for r in rows:
    by_product[r["product"]] = by_product.get(r["product"], 0) + int(r["units"])
print(by_product)

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n")
writer.writerow(["product", "units", "note"])
for product, units in sorted(by_product.items()):
    writer.writerow([product, units, "has, comma" if "," in product else ""])
print(out.getvalue(), end="")
reader = csv.reader(io.StringIO(out.getvalue()))
print([row for row in reader])
buf = io.StringIO()
print("written via print(file=...)", 42, file=buf)
buf.write("second line\n")
print(repr(buf.getvalue()), buf.getvalue().splitlines())
lines = io.StringIO("a\nb\nc\n")
print([line.rstrip("\n") for line in lines], lines.read() == "")
dw = io.StringIO()
w = csv.DictWriter(dw, fieldnames=["k", "v"], lineterminator="\n")
w.writeheader()
w.writerows([{"k": "x", "v": 1}, {"k": "y", "v": "quote\"d"}])
print(dw.getvalue())

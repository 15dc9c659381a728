# Grouping, sorting and reporting over records: the kind of code business scripts are made of.
from collections import defaultdict
from statistics import mean, median
from operator import itemgetter

RAW = """id,name,dept,salary,start,manager
1,Alice,Engineering,125000,2015-03-01,
2,Bob,Engineering,98000,2018-07-15,1
3,Carol,Sales,70000,2019-01-10,6
4,Dan,Engineering,105000,2020-11-01,1
5,Eve,Marketing,82000,2017-05-23,6
6,Frank,Sales,150000,2012-09-30,
7,Grace,Marketing,64000,2021-02-14,5
8,Heidi,Sales,71000,2019-06-01,6
9,Ivan,Engineering,87000,2022-08-08,2"""

header, *rows = RAW.splitlines()
fields = header.split(",")
employees = []
for row in rows:
    rec = dict(zip(fields, row.split(",")))
    rec["id"] = int(rec["id"])
    rec["salary"] = int(rec["salary"])
    rec["year"] = int(rec["start"][:4])
    rec["manager"] = int(rec["manager"]) if rec["manager"] else None
    employees.append(rec)

by_dept = defaultdict(list)
for e in employees:
    by_dept[e["dept"]].append(e)
print(f"{'dept':<12}{'count':>6}{'total':>10}{'mean':>11}{'median':>10}")
for dept in sorted(by_dept):
    sal = [e["salary"] for e in by_dept[dept]]
    print(f"{dept:<12}{len(sal):>6}{sum(sal):>10,}{mean(sal):>11,.1f}{median(sal):>10,}")
top = sorted(employees, key=itemgetter("salary"), reverse=True)[:3]
print("top earners:", [(e["name"], e["salary"]) for e in top])
seniority = sorted(employees, key=lambda e: (e["year"], e["name"]))
print("most senior:", seniority[0]["name"], "| newest:", seniority[-1]["name"])
by_id = {e["id"]: e for e in employees}
def chain_of_command(emp):
    chain = []
    while emp["manager"] is not None:
        emp = by_id[emp["manager"]]
        chain.append(emp["name"])
    return chain
for e in employees:
    print(f"  {e['name']:<6} -> {' -> '.join(chain_of_command(e)) or '(top)'}")
reports = defaultdict(list)
for e in employees:
    if e["manager"]:
        reports[by_id[e["manager"]]["name"]].append(e["name"])
print(dict(sorted(reports.items())))
raise_pct = {"Engineering": 0.05, "Sales": 0.03, "Marketing": 0.04}
new_total = sum(round(e["salary"] * (1 + raise_pct[e["dept"]])) for e in employees)
print("payroll after raises:", f"{new_total:,}", "delta:", f"{new_total - sum(e['salary'] for e in employees):+,}")
hired_per_year = defaultdict(int)
for e in employees:
    hired_per_year[e["year"]] += 1
print(" ".join(f"{y}:{'*' * n}" for y, n in sorted(hired_per_year.items())))

class Employee:
    __slots__ = ("name", "dept", "salary", "age")

    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age

    def __repr__(self):
        return f"{self.name}({self.dept}, {self.salary}, {self.age})"

    def __lt__(self, other):
        return (self.salary, self.name) < (other.salary, other.name)

    def __eq__(self, other):
        return self.name == other.name

    def __hash__(self):
        return hash(self.name)


DEPTS = ["eng", "ops", "sales", "hr"]
staff = []
seed = 7
for i in range(120):
    seed = (seed * 48271) % 2147483647
    staff.append(Employee(f"e{i:03d}", DEPTS[seed % 4], 30000 + seed % 70000, 20 + seed % 45))
print(sorted(staff)[:3])
print(max(staff), min(staff))
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for d in sorted(by_dept):
    members = by_dept[d]
    avg = sum(m.salary for m in members) / len(members)
    oldest = max(members, key=lambda m: (m.age, m.name))
    print(f"{d:6}{len(members):4d}{avg:12.2f} {oldest.name} {sorted(m.age for m in members)[len(members) // 2]}")
raises = 0
for e in staff:
    if e.age > 50:
        e.salary = round(e.salary * 1.05, 2)
        raises += 1
    elif e.dept == "eng":
        e.salary += 1000
print(raises, sum(e.salary for e in staff))
print(len(set(staff)), staff[0] == Employee("e000", "x", 0, 0), staff.index(Employee("e010", "", 0, 0)))
tuples = [(e.dept, -e.age, e.name) for e in staff]
tuples.sort()
print(tuples[:4], tuples[-1])
ranked = sorted(staff, key=lambda e: (e.dept, -e.salary))
print([e.name for e in ranked[:5]])
import operator
print([e.name for e in sorted(staff, key=operator.attrgetter("age", "name"))[:5]])
pairs = sorted(((e.age, e.salary) for e in staff), key=operator.itemgetter(1), reverse=True)
print(pairs[:3])
buckets = [[] for _ in range(5)]
for e in staff:
    buckets[min(e.age // 10 - 2, 4)].append(e.name)
print([len(b) for b in buckets])

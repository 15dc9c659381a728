class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"{field} has invalid value {value!r}")
        self.field = field


def validate(rec):
    if rec["age"] < 0:
        raise ValidationError("age", rec["age"])
    return rec["age"] * 2


def batch(recs):
    s = 0
    for r in recs:
        s += validate(r)
    return s


def run(n):
    recs = [{"age": (i * 7) % 90} for i in range(n)]
    total = batch(recs)
    recs[n // 2]["age"] = -1.5
    try:
        batch(recs)
    except ValidationError as e:
        print("caught:", e, e.field)
    recs[-1]["age"] = -3
    return total + batch(recs)


print(run(400))

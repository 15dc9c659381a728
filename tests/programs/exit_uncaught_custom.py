# Ends with an uncaught custom exception raised from deep in the call stack.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")

def check(record):
    for key in ("id", "name"):
        if key not in record:
            raise ValidationError(key, "missing")
    print("record ok:", record["id"])

def process(records):
    for r in records:
        check(r)

process([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}, {"id": 3}])

# Ends with an uncaught ValueError: exit status 1, traceback on stderr.
def parse_age(text):
    value = int(text)
    if value < 0:
        raise ValueError(f"age cannot be negative: {value}")
    return value

for raw in ["42", "7", "-3"]:
    print("parsing", raw)
    print("age", parse_age(raw))
print("never printed")

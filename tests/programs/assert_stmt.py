# assert with and without messages.
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n

print(check_positive(5))
try:
    check_positive(-2)
except AssertionError as e:
    print("AssertionError:", e, e.args)

try:
    assert 1 == 2
except AssertionError as e:
    print("bare AssertionError args:", e.args, repr(str(e)))

assert True
assert [1], "non-empty list is truthy"
try:
    assert [], "empty list"
except AssertionError as e:
    print("caught:", e)

calls = []
def msg():
    calls.append("msg evaluated")
    return "lazy message"
assert 1, msg()
print("message not evaluated on success:", calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)
try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print(e.args)
def validate(data):
    for k in ("name", "age"):
        assert k in data, "missing " + k
    assert isinstance(data["age"], int), "age must be int"
    return "valid"
for data in [{"name": "x", "age": 3}, {"name": "x"}, {"name": "x", "age": "3"}]:
    try:
        print(validate(data))
    except AssertionError as e:
        print("invalid:", e)
try:
    assert 1 > 2, 42
except AssertionError as e:
    print(type(e.args[0]).__name__, e)

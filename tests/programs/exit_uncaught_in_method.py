# Ends in an uncaught OverflowError raised in a method, after a hot loop of calls to it.
class Validator:
    def __init__(self, limit):
        self.limit = limit
    def check(self, v):
        if v > self.limit:
            raise OverflowError(f"value {v} exceeds {self.limit}")
        return v

def process(items, val):
    out = []
    for it in items:
        out.append(val.check(it * 2))
    return out

def main():
    v = Validator(15)
    print(process([1, 2, 3], v))
    try:
        process([5, 9], v)
    except OverflowError as e:
        print("handled:", e)
    for k in range(3000):
        v.check(k % 15)
    data = {"a": [1, 2, 3]}
    return process(data["a"] + [4, 8], v)

if __name__ == "__main__":
    main()

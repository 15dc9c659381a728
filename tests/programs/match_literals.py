# match with literal patterns, or-patterns, wildcard, None/True/False.
def http_status(code):
    match code:
        case 200:
            return "OK"
        case 201 | 202 | 204:
            return "success-ish"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case 418:
            return "teapot"
        case _:
            return "other"

print([http_status(c) for c in (200, 202, 302, 404, 418, 500)])

def describe(value):
    match value:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0:
            return "zero"
        case "":
            return "empty string"
        case "yes" | "y":
            return "affirmative"
        case 1.5:
            return "one and a half"
        case -1:
            return "minus one"
        case b"raw":
            return "bytes"
        case _:
            return f"something else: {value!r}"

for v in [None, True, False, 0, 0.0, "", "y", 1.5, -1, b"raw", 1, "no", [], 1 + 0j]:
    print(repr(v), "->", describe(v))

def weekday(n):
    match n % 7:
        case 0 | 6:
            kind = "weekend"
        case 1 | 2 | 3 | 4 | 5:
            kind = "weekday"
    return kind
print([weekday(n) for n in range(8)])

def no_match(x):
    match x:
        case 1:
            return "one"
    return "fell through"
print(no_match(1), no_match(2))

# Exceptions inside hot loops: counted, try/finally with break/continue, else clauses.
def parse_all(items):
    ok = bad = zero = 0
    total = 0.0
    for it in items:
        try:
            v = int(it)
            total += 100 / v
        except ValueError:
            bad += 1
        except ZeroDivisionError:
            zero += 1
        else:
            ok += 1
        finally:
            total += 0.5
    return ok, bad, zero, total


items = [str(i % 13 - 3) if i % 7 else "x%d" % i for i in range(3000)]
print(parse_all(items))


def lookup_many(d, keys):
    found = missing = 0
    for k in keys:
        try:
            found += d[k]
        except KeyError as e:
            missing += 1
            last = e.args[0]
    return found, missing, last


d = {i: i * i for i in range(0, 500, 3)}
print(lookup_many(d, range(700)))


def idx_errors(xs, n):
    hits = 0
    errs = 0
    for i in range(-n, n):
        try:
            hits += xs[i * 3]
        except IndexError:
            errs += 1
    return hits, errs


print(idx_errors(list(range(100)), 60))


def finally_break(n):
    log = []
    i = 0
    while True:
        try:
            i += 1
            if i % 5 == 0:
                continue
            if i > n:
                break
            log.append(i)
        finally:
            log.append(-i)
    return log


print(finally_break(12))


def finally_return(xs):
    count = 0
    for x in xs:
        try:
            if x < 0:
                return count, "neg"
            count += x
        finally:
            count += 1000
    return count, "end"


print(finally_return([1, 2, 3]), finally_return([1, -1, 5]))


def nested_handlers(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 4 == 0:
                    raise ValueError(i)
                if i % 4 == 1:
                    raise TypeError("t%d" % i)
                out.append(10 // (i % 4 - 2))
            except ValueError as e:
                out.append(("v", e.args[0]))
                raise KeyError(i) from e
        except TypeError as e:
            out.append(str(e))
        except KeyError as e:
            out.append(("k", e.args[0], type(e.__cause__).__name__))
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


r = nested_handlers(2000)
print(r[:12], len(r))


def for_else(n):
    res = []
    for k in range(2, n):
        for j in range(2, k):
            if k % j == 0:
                break
        else:
            res.append(k)
    return res


print(for_else(200))


def while_else(limit):
    i = 0
    while i < limit:
        i += 3
        if i == 31:
            break
    else:
        return "no break", i
    return "break", i


print(while_else(20), while_else(40))


class Retry(Exception):
    pass


def retrying(n):
    attempts = 0
    done = []
    for job in range(n):
        for attempt in range(5):
            attempts += 1
            try:
                if (job * 31 + attempt * 7) % 5 != 0:
                    raise Retry(job)
                done.append((job, attempt))
                break
            except Retry:
                continue
        else:
            done.append((job, None))
    return attempts, done[:10], len(done)


print(retrying(500))
try:
    for i in range(10):
        try:
            1 / (i - 5)
        finally:
            pass
except ZeroDivisionError as e:
    print("escaped at", i, e)

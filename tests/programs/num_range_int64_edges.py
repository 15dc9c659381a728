M = 2**63 - 1
m = -2**63

def r(a, b, c):
    out = []
    for i in range(a, b, c):
        out.append(i)
        if len(out) > 5:
            break
    return out

def rs(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s

def cnt(a, b, c):
    n = 0
    for i in range(a, b, c):
        n += 1
    return n, len(range(a, b, c))

def main():
    for k in range(3):
        print(r(M - 5, M, 1), r(M - 5, M, 3), r(M - 1, M, 2), r(m + 3, m, -1), r(m + 5, m, -2))
        print(r(0, M, M), r(0, m, m), r(M, m, m), r(-1, M, M), r(m, M, M), r(M, m, -M))
        print(rs(M - 3, M), rs(m, m + 3), rs(-3, 3))
        print(cnt(0, 10, 3), cnt(10, 0, -3), cnt(m, m + 10, 4), cnt(M - 10, M, 4))
        try:
            print(r(0, 10, 0))
        except ValueError as e:
            print("VE", e)
        print(r(0, 2**64, 2**62), r(2**64, 0, -2**63))
    x = 0
    for i in range(M - 2, M):
        x += i
    print(x)
    for i in range(m, m + 2):
        x -= i
    print(x)
main()

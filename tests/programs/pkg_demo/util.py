def normalize(name):
    return "-".join(name.strip().lower().split())


def clamp(v, lo, hi):
    return max(lo, min(hi, v))

import math

PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24

BODIES = {
    "sun": ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
    "jupiter": ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
                [1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS],
                9.54791938424326609e-04 * SOLAR_MASS),
    "saturn": ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
               [-2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS],
               2.85885980666130812e-04 * SOLAR_MASS),
    "uranus": ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
               [2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS],
               4.36624404335156298e-05 * SOLAR_MASS),
    "neptune": ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
                [2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS],
                5.15138902046611451e-05 * SOLAR_MASS),
}
SYSTEM = list(BODIES.values())
PAIRS = [(SYSTEM[i], SYSTEM[j]) for i in range(len(SYSTEM)) for j in range(i + 1, len(SYSTEM))]


def advance(dt, n):
    for _ in range(n):
        for (r1, v1, m1), (r2, v2, m2) in PAIRS:
            dx = r1[0] - r2[0]
            dy = r1[1] - r2[1]
            dz = r1[2] - r2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt * (d2 ** -1.5)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for r, (vx, vy, vz), m in SYSTEM:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def energy():
    e = 0.0
    for (r1, v1, m1), (r2, v2, m2) in PAIRS:
        dx, dy, dz = (a - b for a, b in zip(r1, r2))
        e -= (m1 * m2) / math.sqrt(dx * dx + dy * dy + dz * dz)
    for r, v, m in SYSTEM:
        e += m * sum(c * c for c in v) / 2.
    return e


def offset_momentum():
    px = py = pz = 0.0
    for r, (vx, vy, vz), m in SYSTEM:
        px -= vx * m
        py -= vy * m
        pz -= vz * m
    r, v, m = BODIES["sun"]
    v[:] = [px / m, py / m, pz / m]


offset_momentum()
print(f"{energy():.9f}")
for _ in range(4):
    advance(0.01, 25)
    print(f"{energy():.9f}")
print({k: [round(c, 6) for c in v[0]] for k, v in BODIES.items()}["jupiter"])

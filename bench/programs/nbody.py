"""N-body (benchmarks game): the Jovian planets, with the hot loop written over float locals.

`advance` unpacks the 5 bodies into 35 float local variables (x, y, z, vx, vy, vz, m per body),
runs all steps with the 10 body pairs unrolled, and stores the state back: the hot loop is pure
float arithmetic on locals (the case a JIT can keep in registers).  Energy and momentum, run
once, loop over lists.

Usage: python nbody.py [N]    prints the energy (repr) before and after N steps of 0.01.
"""

import sys

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    """Bodies as lists [x, y, z, vx, vy, vz, mass]: sun, jupiter, saturn, uranus, neptune."""
    sun = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    jupiter = [
        4.84143144246472090e00,
        -1.16032004402742839e00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR,
        7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR,
        9.54791938424326609e-04 * SOLAR_MASS,
    ]
    saturn = [
        8.34336671824457987e00,
        4.12479856412430479e00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR,
        4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR,
        2.85885980666130812e-04 * SOLAR_MASS,
    ]
    uranus = [
        1.28943695621391310e01,
        -1.51111514016986312e01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR,
        2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR,
        4.36624404335156298e-05 * SOLAR_MASS,
    ]
    neptune = [
        1.53796971148509165e01,
        -2.59193146099879641e01,
        1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR,
        1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR,
        5.15138902046611451e-05 * SOLAR_MASS,
    ]
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for i in range(len(bodies)):
        b = bodies[i]
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b1 = bodies[i]
        e += 0.5 * b1[6] * (b1[3] * b1[3] + b1[4] * b1[4] + b1[5] * b1[5])
        for j in range(i + 1, n):
            b2 = bodies[j]
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            e -= b1[6] * b2[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, steps, dt):
    body = bodies[0]
    x0 = body[0]
    y0 = body[1]
    z0 = body[2]
    vx0 = body[3]
    vy0 = body[4]
    vz0 = body[5]
    m0 = body[6]
    body = bodies[1]
    x1 = body[0]
    y1 = body[1]
    z1 = body[2]
    vx1 = body[3]
    vy1 = body[4]
    vz1 = body[5]
    m1 = body[6]
    body = bodies[2]
    x2 = body[0]
    y2 = body[1]
    z2 = body[2]
    vx2 = body[3]
    vy2 = body[4]
    vz2 = body[5]
    m2 = body[6]
    body = bodies[3]
    x3 = body[0]
    y3 = body[1]
    z3 = body[2]
    vx3 = body[3]
    vy3 = body[4]
    vz3 = body[5]
    m3 = body[6]
    body = bodies[4]
    x4 = body[0]
    y4 = body[1]
    z4 = body[2]
    vx4 = body[3]
    vy4 = body[4]
    vz4 = body[5]
    m4 = body[6]
    step = 0
    while step < steps:
        # bodies 0 and 1
        dx = x0 - x1
        dy = y0 - y1
        dz = z0 - z1
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m1 * mag
        vx0 -= dx * b
        vy0 -= dy * b
        vz0 -= dz * b
        b = m0 * mag
        vx1 += dx * b
        vy1 += dy * b
        vz1 += dz * b
        # bodies 0 and 2
        dx = x0 - x2
        dy = y0 - y2
        dz = z0 - z2
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m2 * mag
        vx0 -= dx * b
        vy0 -= dy * b
        vz0 -= dz * b
        b = m0 * mag
        vx2 += dx * b
        vy2 += dy * b
        vz2 += dz * b
        # bodies 0 and 3
        dx = x0 - x3
        dy = y0 - y3
        dz = z0 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m3 * mag
        vx0 -= dx * b
        vy0 -= dy * b
        vz0 -= dz * b
        b = m0 * mag
        vx3 += dx * b
        vy3 += dy * b
        vz3 += dz * b
        # bodies 0 and 4
        dx = x0 - x4
        dy = y0 - y4
        dz = z0 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m4 * mag
        vx0 -= dx * b
        vy0 -= dy * b
        vz0 -= dz * b
        b = m0 * mag
        vx4 += dx * b
        vy4 += dy * b
        vz4 += dz * b
        # bodies 1 and 2
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m2 * mag
        vx1 -= dx * b
        vy1 -= dy * b
        vz1 -= dz * b
        b = m1 * mag
        vx2 += dx * b
        vy2 += dy * b
        vz2 += dz * b
        # bodies 1 and 3
        dx = x1 - x3
        dy = y1 - y3
        dz = z1 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m3 * mag
        vx1 -= dx * b
        vy1 -= dy * b
        vz1 -= dz * b
        b = m1 * mag
        vx3 += dx * b
        vy3 += dy * b
        vz3 += dz * b
        # bodies 1 and 4
        dx = x1 - x4
        dy = y1 - y4
        dz = z1 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m4 * mag
        vx1 -= dx * b
        vy1 -= dy * b
        vz1 -= dz * b
        b = m1 * mag
        vx4 += dx * b
        vy4 += dy * b
        vz4 += dz * b
        # bodies 2 and 3
        dx = x2 - x3
        dy = y2 - y3
        dz = z2 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m3 * mag
        vx2 -= dx * b
        vy2 -= dy * b
        vz2 -= dz * b
        b = m2 * mag
        vx3 += dx * b
        vy3 += dy * b
        vz3 += dz * b
        # bodies 2 and 4
        dx = x2 - x4
        dy = y2 - y4
        dz = z2 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m4 * mag
        vx2 -= dx * b
        vy2 -= dy * b
        vz2 -= dz * b
        b = m2 * mag
        vx4 += dx * b
        vy4 += dy * b
        vz4 += dz * b
        # bodies 3 and 4
        dx = x3 - x4
        dy = y3 - y4
        dz = z3 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        b = m4 * mag
        vx3 -= dx * b
        vy3 -= dy * b
        vz3 -= dz * b
        b = m3 * mag
        vx4 += dx * b
        vy4 += dy * b
        vz4 += dz * b
        # positions
        x0 += dt * vx0
        y0 += dt * vy0
        z0 += dt * vz0
        x1 += dt * vx1
        y1 += dt * vy1
        z1 += dt * vz1
        x2 += dt * vx2
        y2 += dt * vy2
        z2 += dt * vz2
        x3 += dt * vx3
        y3 += dt * vy3
        z3 += dt * vz3
        x4 += dt * vx4
        y4 += dt * vy4
        z4 += dt * vz4
        step += 1
    body = bodies[0]
    body[0] = x0
    body[1] = y0
    body[2] = z0
    body[3] = vx0
    body[4] = vy0
    body[5] = vz0
    body = bodies[1]
    body[0] = x1
    body[1] = y1
    body[2] = z1
    body[3] = vx1
    body[4] = vy1
    body[5] = vz1
    body = bodies[2]
    body[0] = x2
    body[1] = y2
    body[2] = z2
    body[3] = vx2
    body[4] = vy2
    body[5] = vz2
    body = bodies[3]
    body[0] = x3
    body[1] = y3
    body[2] = z3
    body[3] = vx3
    body[4] = vy3
    body[5] = vz3
    body = bodies[4]
    body[0] = x4
    body[1] = y4
    body[2] = z4
    body[3] = vx4
    body[4] = vy4
    body[5] = vz4


def main():
    n = 1000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    bodies = make_bodies()
    offset_momentum(bodies)
    print(repr(energy(bodies)))
    advance(bodies, n, 0.01)
    print(repr(energy(bodies)))


main()

import math

def make_bodies():
    return [
        [0.0, 0.0, 0.0, 0.0, 1000.0],
        [100.0, 0.0, 0.0, 3.1, 1.0],
        [0.0, -150.0, 2.5, 0.0, 2.0],
        [-80.0, 60.0, -1.0, -1.5, 0.5],
    ]

def energy(bodies):
    e = 0.0
    for i, (x, y, vx, vy, m) in enumerate(bodies):
        e += 0.5 * m * (vx * vx + vy * vy)
        for j in range(i + 1, len(bodies)):
            ox, oy = bodies[j][0], bodies[j][1]
            d = math.hypot(x - ox, y - oy)
            e -= m * bodies[j][4] / d
    return e

def step(bodies, dt):
    n = len(bodies)
    for i in range(n):
        bi = bodies[i]
        for j in range(i + 1, n):
            bj = bodies[j]
            dx = bi[0] - bj[0]
            dy = bi[1] - bj[1]
            d2 = dx * dx + dy * dy
            mag = dt / (d2 * math.sqrt(d2))
            bi[2] -= dx * bj[4] * mag
            bi[3] -= dy * bj[4] * mag
            bj[2] += dx * bi[4] * mag
            bj[3] += dy * bi[4] * mag
    for b in bodies:
        b[0] += dt * b[2]
        b[1] += dt * b[3]

def main():
    bodies = make_bodies()
    e0 = energy(bodies)
    print(f"{e0:.9f}")
    for k in range(400):
        step(bodies, 0.01)
        if k % 100 == 0:
            print(k, f"{energy(bodies):.9f}", [round(c, 6) for c in bodies[1][:2]])
    print(f"{energy(bodies):.9f}")
    print(f"{abs(energy(bodies) - e0) / abs(e0):.3e}")
    bodies[2][4] = 3  # an int mass mid-run
    step(bodies, 0.01)
    print([[round(v, 4) for v in b] for b in bodies])

main()

# ASCII Mandelbrot and Julia sets: float arithmetic and complex numbers, small grid.
def mandelbrot(c, limit=30):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit

chars = " .:-=+*#%@"
rows = []
for y in range(-10, 11, 2):
    line = ""
    for x in range(-40, 21, 2):
        n = mandelbrot(complex(x / 20, y / 10))
        line += chars[min(n, 29) * len(chars) // 30]
    rows.append(line)
print("\n".join(rows))

def julia(z, c=complex(-0.8, 0.156), limit=25):
    for i in range(limit):
        if z.real * z.real + z.imag * z.imag > 4:
            return i
        z = z * z + c
    return limit
counts = {}
for y in range(-6, 7):
    for x in range(-15, 16):
        n = julia(complex(x / 10, y / 6))
        counts[n] = counts.get(n, 0) + 1
print(sorted(counts.items())[:8])
inside = sum(1 for y in range(-10, 11) for x in range(-40, 21) if mandelbrot(complex(x / 20, y / 10), 20) == 20)
print("points inside:", inside, "area estimate:", round(inside * (1 / 20) * (1 / 10), 4))

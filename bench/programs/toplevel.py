"""A script with its work at module level, no functions: a linear congruential generator
drives a random walk and a Monte Carlo estimate of pi, the way a quick script is written.
Measures loops whose variables are module globals (they live in a dict)."""
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
seed = 12345
inside = 0
position = 0
farthest = 0
for step in range(N):
    seed = (seed * 1103515245 + 12345) % 2147483648
    x = seed / 2147483648.0
    seed = (seed * 1103515245 + 12345) % 2147483648
    y = seed / 2147483648.0
    if x * x + y * y <= 1.0:
        inside += 1
    position += 1 if seed & 1024 else -1
    if abs(position) > farthest:
        farthest = abs(position)
print("pi ~", 4.0 * inside / N)
print("walk ends at", position, "farthest", farthest)

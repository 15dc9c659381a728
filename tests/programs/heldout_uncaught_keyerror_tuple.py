# Ends with a KeyError whose key is a tuple (the message shows the tuple's repr).
grid = {}
for r in range(30):
    for c in range(30):
        grid[(r, c)] = (r * c) % 7


def neighbours(g, r, c):
    return g[(r - 1, c)] + g[(r + 1, c)] + g[(r, c - 1)] + g[(r, c + 1)]


tot = 0
for r in range(1, 29):
    for c in range(1, 29):
        tot += neighbours(grid, r, c)
print(tot)
print(neighbours(grid, 29, 5))

# Uncaught ZeroDivisionError after some output, with a finally block that still runs.
def average(values):
    return sum(values) / len(values)

datasets = [[1, 2, 3], [10], []]
try:
    for d in datasets:
        print("average of", d, "=", average(d))
finally:
    print("finally runs before the traceback")

# sys.exit with an integer status.
import sys

def main():
    print("doing work")
    for i in range(3):
        print("step", i)
    return 3

try:
    sys.exit(0 if False else main())
finally:
    print("finally runs during SystemExit")

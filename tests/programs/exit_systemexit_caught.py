# SystemExit can be caught; exit status of the program is still 0.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code:", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("string code:", e.code, e.args)
print("exiting normally")

import sys

from . import opcode_reference

if sys.argv[1:] == ["opcodes"]:
    sys.stdout.write(opcode_reference())
else:
    sys.exit("usage: python -m jitvm.tools opcodes")

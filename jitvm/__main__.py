"""`python -m jitvm`: the same as the `jitvm` command."""

from .cli import main

main()

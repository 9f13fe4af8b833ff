"""`python -m orgdesigner`: the same entry point as the `orgdesigner` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

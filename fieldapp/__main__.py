"""``python -m fieldapp``: the same as the ``fieldapp`` command."""

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())

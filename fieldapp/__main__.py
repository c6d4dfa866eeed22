"""``python -m fieldapp``: the core's commands (the window is ``python -m fieldapp_launcher``,
the same as the ``fieldapp`` program)."""

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""``python -m fieldapp_launcher``: the same as the ``fieldapp`` program (window included)."""

import sys

from fieldapp_launcher import main

if __name__ == "__main__":
    sys.exit(main())

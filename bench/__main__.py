"""``python -m bench [NAME...]``: run the benchmarks and print their figures.

Every module in this folder with a ``main()`` is a benchmark; ``startup`` runs first.
Figures are printed, never asserted: compare them with the targets in the issues.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

FIRST = ("startup",)


def discover() -> list[str]:
    here = Path(__file__).resolve().parent
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")]
    return [n for n in FIRST if n in names] + sorted(n for n in names if n not in FIRST)


def main(argv: list[str]) -> int:
    names = argv or discover()
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "main"):
            continue
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        module.main()
        print(f"   ({name}: {time.perf_counter() - started:.1f} s in all)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark: directives parsed per second over the corpus and the synthetic test texts.

Run with ``python -m bench.directive_parse``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import resources
from fieldapp.directives import extract_text, parse_directive

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC = ROOT / "tests" / "core" / "directives" / "data"


def _texts() -> list[str]:
    files = sorted(Path(str(resources.path("demo/directives"))).glob("*.txt"))
    files += sorted(SYNTHETIC.glob("*.txt"))
    return [extract_text(f) for f in files]


def main(rounds: int = 50, runs: int = 7) -> None:
    texts = _texts()
    for t in texts:  # warm the regex caches
        parse_directive(t)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(rounds):
            for t in texts:
                parse_directive(t)
        elapsed = time.perf_counter() - start
        rates.append(rounds * len(texts) / elapsed)
    size = sum(len(t) for t in texts) / len(texts)
    print(
        f"directive_parse: {len(texts)} texts (mean {size:.0f} chars), {runs} runs × {rounds} rounds"
    )
    print(
        f"  median {statistics.median(rates):.0f} directives/s (min {min(rates):.0f}, max {max(rates):.0f})"
    )


if __name__ == "__main__":
    main()

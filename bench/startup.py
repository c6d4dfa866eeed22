"""Start-up: process start to main window shown, beside a bare PySide6 window in the same run.

Both run offscreen as fresh processes; each prints the wall-clock time at which its window
has been shown and painted once, and the parent subtracts the moment it launched it.
Targets: window shown ≤ 2× the bare window's median (issue 2); overview filled ≤ 2.5×
(issue 17). "Overview filled" is the overview painted with every card's figure (from
:mod:`fieldapp.overview_figures`); "database attached" (for information) is when SQLAlchemy is
loaded, the database open and the cards have re-read their figures through it.

The children run as an installed app does: with compiled bytecode (a cache under the run's
temporary folder, filled by the warm-up run), even when this shell says
PYTHONDONTWRITEBYTECODE; otherwise every start would compile fieldapp from source. CPU time
(user+sys of the children) is printed beside the wall time: on a loaded machine it says what
the start-up itself costs.

Then the command line: ``fieldapp --version`` and ``fieldapp info`` as fresh processes (the
installed console script, else ``python -m fieldapp_launcher``), beside the floor of a bare
``python -c pass`` in the same run. Target (issue 17): ``--version`` ≤ 0.2 s.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import resources
from bench import compiled_env

RUNS = 7

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 720); w.show()
def shown():
    app.processEvents(); print(f"shown {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _env(pycache: str | None = None) -> dict[str, str]:
    env = compiled_env(pycache) if pycache else dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        resources.path("offscreen-1366x768.json")
    )
    env["FIELDAPP_EXIT_WHEN_SHOWN"] = "1"
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(cmd: list[str], pycache: str) -> dict[str, float]:
    """Seconds from launch to each stamp the process printed ("shown", "ready", "attached"),
    and the CPU seconds of the whole process ("cpu")."""
    started, cpu = time.time(), _cpu()
    out = subprocess.run(cmd, capture_output=True, text=True, env=_env(pycache), timeout=120)
    stamps = {"cpu": _cpu() - cpu}
    for line in out.stdout.splitlines():
        what, _, when = line.partition(" ")
        if what in ("shown", "ready", "attached"):
            stamps[what] = float(when) - started
    if "shown" not in stamps:
        raise RuntimeError(f"{cmd[:3]} did not show a window: {out.stderr[-500:]}")
    return stamps


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [sys.executable, "-m", "fieldapp", "--data-dir", str(data), "demo"],
            check=True,
            capture_output=True,
        )
        pycache = str(Path(tmp) / "pycache")
        app_cmd = [sys.executable, "-m", "fieldapp_launcher", "--data-dir", str(data), "gui"]
        bare_cmd = [sys.executable, "-c", BARE]
        _time(bare_cmd, pycache), _time(app_cmd, pycache)  # warm the file and bytecode caches
        bare, bare_cpu, shown, ready, attached, app_cpu = [], [], [], [], [], []
        for _ in range(RUNS):  # interleaved, so machine load hits both alike
            stamps = _time(bare_cmd, pycache)
            bare.append(stamps["shown"])
            bare_cpu.append(stamps["cpu"])
            stamps = _time(app_cmd, pycache)
            shown.append(stamps["shown"])
            ready.append(stamps["ready"])
            attached.append(stamps.get("attached", stamps["ready"]))
            app_cpu.append(stamps["cpu"])
    b, s, r, a = (statistics.median(x) for x in (bare, shown, ready, attached))
    bc, ac = statistics.median(bare_cpu), statistics.median(app_cpu)
    print(
        f"bare PySide6 window            median {b * 1000:6.0f} ms  (runs: {RUNS}; "
        f"CPU {bc * 1000:.0f} ms)"
    )
    print(
        f"fieldapp main window shown     median {s * 1000:6.0f} ms  ratio {s / b:.2f} × (target ≤ 2)"
    )
    print(
        f"fieldapp overview filled in    median {r * 1000:6.0f} ms  ratio {r / b:.2f} × "
        "(target ≤ 2.5)"
    )
    print(
        f"fieldapp database attached     median {a * 1000:6.0f} ms  ratio {a / b:.2f} × "
        f"(for information; whole run CPU {ac * 1000:.0f} ms = {ac / bc:.2f} × bare CPU)"
    )
    _bench_cli()


def _wall(cmd: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _bench_cli() -> None:
    script = Path(sys.executable).parent / "fieldapp"
    fieldapp = [str(script)] if script.exists() else [sys.executable, "-m", "fieldapp_launcher"]
    floor_cmd = [sys.executable, "-c", "pass"]
    _wall(floor_cmd, 1), _wall([*fieldapp, "--version"], 1)  # warm the file cache
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        subprocess.run([*fieldapp, "--data-dir", data, "info"], capture_output=True, check=True)
        floor = _wall(floor_cmd)
        version = _wall([*fieldapp, "--version"])
        info = _wall([*fieldapp, "--data-dir", data, "info"])
    print(f"python -c pass (floor)         median {floor * 1000:6.0f} ms")
    print(
        f"fieldapp --version             median {version * 1000:6.0f} ms  "
        f"({version / floor:.1f} × floor; target ≤ 200 ms)"
    )
    print(
        f"fieldapp info (opens the data) median {info * 1000:6.0f} ms  ({info / floor:.1f} × floor)"
    )

"""The split is the architecture: the core never imports Qt nor the window, the sub-CLIs take
their helpers from one module, one module says which lockdown areas are in force, and the
code stays lint-clean. Nothing here writes into the checkout."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

CORE = PROJECT_ROOT / "fieldapp"


def _core_files() -> list[Path]:
    return [p for p in CORE.rglob("*.py") if "migrations" not in p.parts]


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function: (line, module)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def test_importing_every_core_module_loads_no_qt_and_no_window():
    code = (
        "import pkgutil, importlib, sys, fieldapp\n"
        "for m in pkgutil.walk_packages(fieldapp.__path__, 'fieldapp.'):\n"
        "    if '.migrations' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.startswith('PySide6') or n == 'ui'\n"
        "       or n.startswith(('ui.', 'fieldapp_launcher'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_no_core_file_imports_the_window_even_inside_a_function():
    bad = [
        f"{path.relative_to(PROJECT_ROOT)}:{line} imports {module}"
        for path in _core_files()
        for line, module in _imports(path)
        if module.split(".")[0] in ("ui", "fieldapp_launcher", "PySide6")
    ]
    assert bad == []


def test_sub_clis_take_their_helpers_from_cli_support():
    allowed = {CORE / "cli.py", CORE / "__main__.py"}
    bad = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}"
        for path in _core_files()
        if path not in allowed
        for line, module in _imports(path)
        if module == "fieldapp.cli"
    ]
    assert bad == []


def test_the_area_in_force_rule_is_written_once():
    """Reports, sync, worklists and the overview ask fieldapp.households.queries."""
    owner = CORE / "households" / "queries.py"
    copies = [
        str(path.relative_to(PROJECT_ROOT))
        for path in _core_files()
        if path != owner and "LockdownArea.ended_on.is_(None)" in path.read_text("utf-8")
    ]
    assert copies == []
    assert "LockdownArea.ended_on.is_(None)" in owner.read_text("utf-8")


def _ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )


def test_ruff_is_clean():
    result = _ruff(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_bans_qt_and_the_window_in_the_core_without_writing_a_file():
    before = sorted(p.name for p in CORE.iterdir())
    for source in (
        "from PySide6.QtCore import QObject  # noqa: F401\n",
        "from ui.app import run_app  # noqa: F401\n",
        "def f():\n    import ui.main_window  # noqa: F401\n",
    ):
        # The file name places the probe in fieldapp/ for ruff's per-file rules; the source
        # comes from stdin, so nothing is written into the checkout.
        result = _ruff("--stdin-filename", "fieldapp/_probe_for_test.py", "-", stdin=source)
        assert result.returncode != 0, source
        assert "TID251" in result.stdout, source
    # the same import is allowed in the window and in the launcher
    for name in ("ui/_probe_for_test.py", "fieldapp_launcher/_probe_for_test.py"):
        result = _ruff(
            "--stdin-filename", name, "-", stdin="from ui.app import run_app  # noqa: F401\n"
        )
        assert result.returncode == 0, result.stdout
    assert sorted(p.name for p in CORE.iterdir()) == before

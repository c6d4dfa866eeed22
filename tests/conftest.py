"""Shared fixtures. No test touches the real user data folder: HOME and XDG paths point into
a temporary folder for the whole run, and every database is built fresh in ``tmp_path``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="fieldapp-tests-"))
os.environ["HOME"] = str(_SANDBOX / "home")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "xdg-data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "xdg-config")
os.environ.pop("FIELDAPP_DATA_DIR", None)

import pytest  # noqa: E402

import resources  # noqa: E402

# Offscreen, with one screen the size of the commune laptop's.
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
    resources.path("offscreen-1366x768.json")
)

from fieldapp.config import Paths, resolve_paths  # noqa: E402
from fieldapp.db.database import Database, open_database  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: Paths):
    database = open_database(paths)
    yield database
    database.close()


@pytest.fixture
def demo_db(paths: Paths) -> Database:
    from fieldapp.demo import create_demo

    create_demo(paths)
    database = open_database(paths)
    yield database
    database.close()

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
# PDFs in the bundled Liberation Serif even where Times New Roman is installed (a Windows
# laptop), so the font checks of the tests hold on every machine.
os.environ["FIELDAPP_FONT"] = "liberation"

import pytest  # noqa: E402

try:  # Hypothesis keeps its example database and caches in the sandbox, not in the checkout
    from hypothesis import settings as _hypothesis_settings
    from hypothesis.configuration import set_hypothesis_home_dir
    from hypothesis.database import DirectoryBasedExampleDatabase

    set_hypothesis_home_dir(str(_SANDBOX / "hypothesis"))

    _hypothesis_settings.register_profile(
        "fieldapp", database=DirectoryBasedExampleDatabase(str(_SANDBOX / "hypothesis"))
    )
    _hypothesis_settings.load_profile("fieldapp")
except ImportError:
    pass

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


# --- a throwaway PostgreSQL server (the district's central database) -----------------------


def _postgres_bin() -> Path | None:
    import glob
    import shutil

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server of its own, on a Unix socket in a temporary folder, for this run.

    ``./bootstrap --test`` (and so CI) installs the Debian ``postgresql`` package; without
    it these tests are skipped with that reason.
    """
    import shutil
    import subprocess

    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip("no PostgreSQL server installed (./bootstrap --test installs it)")
    base = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    port = "54329"
    subprocess.run(
        [
            *as_postgres,
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-k {base} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        [
            *as_postgres,
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(base / "server.log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield {"host": str(base), "port": port}
    finally:
        subprocess.run(
            [*as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test; its SQLAlchemy URL."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = dict(
        host=pg_server["host"],
        port=pg_server["port"],
        user="postgres",
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@/{name}?host={pg_server['host']}&port={pg_server['port']}"
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

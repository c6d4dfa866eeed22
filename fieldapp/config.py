"""Where fieldapp keeps its data: the one place that decides every path.

The data folder is, in order: the ``--data-dir`` option, the ``FIELDAPP_DATA_DIR``
environment variable, or the platform's user data folder (platformdirs). Everything the app
writes lives under it, so a test or a USB copy only has to point at another folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "fieldapp"
ENV_DATA_DIR = "FIELDAPP_DATA_DIR"
DB_FILENAME = "fieldapp.sqlite3"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Paths:
    """Every location under one data folder."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def documents(self) -> Path:
        """Original files of imported documents, stored by checksum."""
        return self.data_dir / "documents"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """The paths for an explicit folder, else ``FIELDAPP_DATA_DIR``, else the user folder."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or default_data_dir()
    return Paths(Path(chosen).expanduser().resolve())

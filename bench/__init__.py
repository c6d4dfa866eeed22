"""Benchmarks: ``python -m bench NAME`` (see ``bench/__main__.py``)."""

from __future__ import annotations

import os


def compiled_env(pycache: str | os.PathLike[str]) -> dict[str, str]:
    """The environment for a child process that runs as an installed app does: with compiled
    bytecode (cached under ``pycache``, filled by a first run), even when this shell says
    PYTHONDONTWRITEBYTECODE; otherwise every run would compile its modules from source first."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.fspath(pycache)
    return env

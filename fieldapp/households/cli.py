"""Command-line commands of the households register (none yet)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this register's commands to the ``fieldapp`` command line."""

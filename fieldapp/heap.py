"""Bulk work and Python's garbage collector.

A long list (the 4,400 pages of a Resolution 68 support list for 50,000 people) keeps
hundreds of thousands of rows, cells and PDF strings alive while it is made. Python's cyclic
collector then runs full passes over all of them as the heap grows: measured, more than a
quarter of the time of that list. Such work frees what it makes by reference counting when it
ends, so automatic collection waits while it runs (the window's operation runner does the same
for whatever runs off the GUI thread, ``ui/operations.py``), and resumes afterwards.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic cyclic garbage collection off inside the block, as it was after it (nested
    blocks and a pause made by someone else are left as they are)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def bulk(func: Callable[P, T]) -> Callable[P, T]:
    """Run ``func`` with :func:`collection_paused`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with collection_paused():
            return func(*args, **kwargs)

    return wrapper

"""The schema revisions this version of fieldapp knows, newest last.

Kept here, and not only in Alembic's folder, so that opening an up-to-date database needs no
Alembic import (start-up time); a test checks the two lists agree.
"""

REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
    "0019",
    "0020",
    "0021",
)
HEAD = REVISIONS[-1]

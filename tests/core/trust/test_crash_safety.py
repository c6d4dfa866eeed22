"""Kill a process that is writing, at random moments, hundreds of times: nothing committed is
lost and the database is never damaged.

The writer is a forked child (it inherits the imported modules, so each round costs
milliseconds). After every commit returns it reports the commit's number through a pipe;
the parent kills it with SIGKILL at a random moment, then checks that the file passes
``PRAGMA integrity_check``, that the app opens it, that every reported commit is there, and
that the audit chain is whole.
"""

from __future__ import annotations

import os
import random
import select as select_module
import signal
import sqlite3
import time

import pytest

from fieldapp.audit.trail import verify
from fieldapp.db.database import open_database
from fieldapp.db.models import Setting

ROUNDS = 300


def _writer(paths, round_no: int, pipe_w: int) -> None:
    """Child: commit numbered settings (and change older ones) until killed."""
    try:
        db = open_database(paths, integrity=False)
        n = 0
        while True:
            n += 1
            with db.transaction() as s:
                s.add(Setting(key=f"crash.{round_no}.{n}", value="x" * random.randint(10, 6000)))
                if n > 1:
                    s.get(Setting, f"crash.{round_no}.{n - 1}").value = '"đã sửa"'
            os.write(pipe_w, f"{n}\n".encode())
    finally:
        os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_while_writing_loses_no_commit_and_damages_nothing(paths):
    open_database(paths).close()
    rng = random.Random(20211022)
    committed: dict[int, int] = {}
    kill_points = []
    for round_no in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_fd)
            _writer(paths, round_no, write_fd)
        os.close(write_fd)
        data = b""
        if round_no % 10:  # most rounds: kill at a random moment after writing has begun
            ready, _, _ = select_module.select([read_fd], [], [], 10)
            if ready:
                data += os.read(read_fd, 4096)
        delay = rng.uniform(0.0, 0.03)  # (every tenth round may also die while opening)
        kill_points.append(delay)
        deadline = time.monotonic() + delay
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select_module.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 4096)
                if not chunk:
                    break
                data += chunk
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 4096):
            data += chunk
        os.close(read_fd)
        numbers = [int(x) for x in data.decode().split()]
        committed[round_no] = max(numbers, default=0)

        conn = sqlite3.connect(paths.database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), round_no
            keys = {
                row[0]
                for row in conn.execute(
                    "SELECT key FROM setting WHERE key LIKE ?", (f"crash.{round_no}.%",)
                )
            }
        finally:
            conn.close()
        for n in range(1, committed[round_no] + 1):
            assert f"crash.{round_no}.{n}" in keys, (round_no, n)

    db = open_database(paths)  # the app opens it (full quick_check) and the trail is whole
    try:
        report = verify(db)
        assert report.ok
        assert report.entries >= sum(committed.values())
    finally:
        db.close()
    # the kills really fell in the middle of writing, not only before or after it
    assert sum(1 for n in committed.values() if n > 0) > ROUNDS // 2

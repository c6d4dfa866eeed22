"""Files that hold personal data: kept private, and written only when the disk has room.

- :func:`make_private` / :func:`private_dir`: on POSIX, files 0600 and folders 0700 (the
  database, its journal, backups, packages, exports, keys, crash reports). On Windows the data
  folder lives in the user's own profile, which is private already.
- :func:`secure_umask`: the process creates every new file 0600 (called once at start).
- :func:`free_space_check`: refuse plainly (:class:`~fieldapp.errors.NoSpace`) before a write
  that needs room, instead of failing half-way.
- :func:`output_target` / :func:`replacing`: a file the user names (``-o FILE``, Save as) is
  written beside itself and put in place only when whole; a folder, a device (``/dev/null``)
  or a missing folder is refused in plain words, and a failed write leaves what was there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from fieldapp.errors import NoSpace, UserError, UserMistake

# Room kept free beyond what a write needs: SQLite's journal, the audit entries, the OS.
MARGIN_BYTES = 2 * 1024 * 1024
POSIX = os.name == "posix"


def secure_umask() -> None:
    """New files 0600 and folders 0700 from now on (POSIX)."""
    if POSIX:
        os.umask(0o077)


def make_private(path: str | os.PathLike[str]) -> None:
    """Only the owner may read ``path`` (0600 for a file, 0700 for a folder)."""
    if not POSIX:
        return
    p = Path(path)
    with contextlib.suppress(OSError):
        os.chmod(p, 0o700 if p.is_dir() else 0o600)


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700."""
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True)
    make_private(p)
    return p


def make_tree_private(root: str | os.PathLike[str]) -> None:
    """The data folder and everything in it: folders 0700, files 0600 (an older install)."""
    if not POSIX:
        return
    root = Path(root)
    if not root.exists():
        return
    make_private(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            make_private(Path(folder) / name)
        for name in files:
            make_private(Path(folder) / name)


def free_bytes(folder: str | os.PathLike[str]) -> int | None:
    p = Path(folder)
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


def free_space_check(folder: str | os.PathLike[str], needed: int) -> None:
    """Raise :class:`NoSpace` unless ``folder``'s disk has ``needed`` bytes plus a margin."""
    free = free_bytes(folder)
    if free is None:
        return
    if free < needed + MARGIN_BYTES:
        raise NoSpace(no_space_message(folder, needed + MARGIN_BYTES, free))


def no_space_message(folder: str | os.PathLike[str], needed: int | None, free: int | None) -> str:
    need = (
        f" (cần khoảng {_size(needed)}, còn {_size(free)})" if needed and free is not None else ""
    )
    return (
        f"Ổ đĩa chứa {folder} đã gần đầy{need}. Chưa có gì thay đổi. Hãy xóa bớt tệp không "
        "cần, hoặc sao lưu/xuất ra ổ khác (USB)."
    )


def is_no_space(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "disk is full" in text or "no space" in text


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    return f"{max(1, n // 1024)} KB"


def output_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a file to write, or :class:`UserMistake` in plain words when it names a
    folder, something that is not a plain file (a device, a pipe), or sits in no folder."""
    target = Path(path)
    if target.is_dir() or str(path).endswith(("/", os.sep)):
        raise UserMistake(
            f"{target} là một thư mục: hãy ghi cả tên tệp (ví dụ {target / 'ban-in'})."
        )
    if target.exists() and not target.is_file():
        raise UserMistake(f"{target} không phải một tệp thường; hãy chọn tên tệp khác.")
    if not target.parent.is_dir():
        raise UserMistake(f"Không có thư mục {target.parent}.")
    return target


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Write a file the user named: the block writes the partial file it is given, which is
    synced and put in place of ``path`` only if the block ends without error. A write error
    (full disk, no permission, file locked) is told in plain words and leaves ``path`` as
    it was; the partial file is removed."""
    target = output_target(path)
    partial = target.with_name(f".{target.name}.part")
    try:
        yield partial
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if is_no_space(exc):
            raise NoSpace(no_space_message(target.parent, None, free_bytes(target.parent))) from exc
        reason = exc.strerror or "lỗi ghi tệp"
        raise UserError(
            f"Không ghi được tệp {target}: {reason} (tệp đang mở ở chương trình khác, hoặc "
            "thư mục không cho ghi)."
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise

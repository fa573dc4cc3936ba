"""Atomic file writes: a temporary file beside the target, then ``os.replace``.

A reader of the target sees either the old file or the complete new one, never a
partial write; a failed write leaves neither a partial target nor the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On any failure, including KeyboardInterrupt, the temporary file is removed and the
    target is left untouched.
    """
    target = Path(path)
    temp = _create_temp(target)
    try:
        yield temp
        with open(temp, "rb") as written:
            os.fsync(written.fileno())  # the rename must never expose unflushed data
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _create_temp(target: Path) -> Path:
    """Create an empty temporary file next to ``target``; the umask sets its mode."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(f"cannot create a temporary file beside {target}")

"""Tests for timeline.atomic: all or nothing file writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.atomic import atomic_path


def test_success_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp != target
        temp.write_text("new")
        assert target.read_text() == "old"  # nothing visible before the rename
    assert target.read_text() == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_failure_inside_the_block_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(ZeroDivisionError):
        with atomic_path(target) as temp:
            temp.write_text("half")
            1 / 0  # noqa: B018 - the failure under test
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        with atomic_path(tmp_path / "missing" / "out.txt"):
            pass
    assert list(tmp_path.iterdir()) == []

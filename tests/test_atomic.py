"""Tests for timeline.atomic: all or nothing file writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from timeline.atomic import TEMP_NAME, atomic_path, remove_stale

PROJECT_ROOT = Path(__file__).resolve().parents[1]


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


# -- nothing left behind: signals and stale files ----------------------------------------

# A child process that starts a write, says so, and waits for the parent's "go" file.
_CHILD = """
import signal, sys, time
from pathlib import Path
from timeline.atomic import atomic_path

target, go, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if mode == "ignore":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
elif mode == "handler":
    signal.signal(signal.SIGTERM, lambda signum, frame: print("their handler ran", flush=True))
with atomic_path(target) as temp:
    temp.write_text("partial")
    print("writing", flush=True)
    for _ in range(600):
        if go.exists():
            break
        time.sleep(0.05)
    temp.write_text("complete")
print("done", flush=True)
"""


def _start_write(tmp_path: Path, target: Path, mode: str = "") -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(target), str(tmp_path / "go"), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    return child


def _finish(tmp_path: Path, child: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    child.send_signal(signum)
    (tmp_path / "go").touch()  # only a child that survived the signal goes on
    out, _ = child.communicate(timeout=60)
    (tmp_path / "go").unlink()
    return child.returncode, out


def _hidden(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_sigterm_removes_the_temporary_file_and_still_ends_the_process(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "out.csv"
    target.write_text("old")
    child = _start_write(tmp_path, target)
    assert len(_hidden(out_dir)) == 1  # the write is under way
    returncode, out = _finish(tmp_path, child, signal.SIGTERM)
    assert returncode == -signal.SIGTERM  # killed by the signal, as without us
    assert "done" not in out
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.csv"]
    assert target.read_text() == "old"


def test_sigterm_is_handed_on_to_the_previous_handler(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    returncode, out = _finish(tmp_path, _start_write(tmp_path, out_dir / "o.csv", "handler"),
                              signal.SIGTERM)
    assert "their handler ran" in out and "done" not in out
    assert returncode == 128 + signal.SIGTERM
    assert list(out_dir.iterdir()) == []


def test_ignored_sigterm_stays_ignored(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "o.csv"
    returncode, out = _finish(tmp_path, _start_write(tmp_path, target, "ignore"), signal.SIGTERM)
    assert (returncode, out) == (0, "done\n")
    assert list(out_dir.iterdir()) == [target] and target.read_text() == "complete"


def test_file_left_by_sigkill_is_removed_by_the_next_write(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    returncode, _ = _finish(tmp_path, _start_write(tmp_path, out_dir / "out.csv"), signal.SIGKILL)
    assert returncode == -signal.SIGKILL
    [stale] = _hidden(out_dir)
    assert TEMP_NAME.fullmatch(stale) and stale.startswith(".out.csv.")
    with atomic_path(out_dir / "other.csv") as temp:
        temp.write_text("new")
    assert sorted(p.name for p in out_dir.iterdir()) == ["other.csv"]


def test_a_write_in_progress_is_never_taken_for_stale(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "a.csv") as first:
        first.write_text("a")
        assert remove_stale(tmp_path) == []
        with atomic_path(tmp_path / "b.csv") as second:
            second.write_text("b")
        assert first.read_text() == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_other_programs_temporary_files_are_left_alone(tmp_path: Path) -> None:
    theirs = [".out.csv.1234abcd.tmp", ".out.csv.tl-1234.tmp", "out.csv.tl-1234abcd.tmp",
              ".x.tl-1234abcd.tmp.bak", ".swp.tmp"]
    for name in theirs:
        (tmp_path / name).write_text("theirs")
    (tmp_path / ".dir.tl-1234abcd.tmp").mkdir()  # ours by name, but not a file
    ours = tmp_path / ".out.csv.tl-0badcafe.tmp"
    ours.write_text("stale")
    assert remove_stale(tmp_path) == [ours]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*theirs, ".dir.tl-1234abcd.tmp"])


def test_previous_handler_is_back_after_the_write(tmp_path: Path) -> None:
    def theirs(signum: int, frame: object) -> None:
        raise AssertionError("not called")

    before = signal.signal(signal.SIGTERM, theirs)
    try:
        with atomic_path(tmp_path / "t.csv") as temp:
            assert signal.getsignal(signal.SIGTERM) not in (theirs, before)
            temp.write_text("x")
        assert signal.getsignal(signal.SIGTERM) is theirs
        with pytest.raises(ZeroDivisionError), atomic_path(tmp_path / "u.csv"):
            1 / 0  # noqa: B018 - the failure under test
        assert signal.getsignal(signal.SIGTERM) is theirs
    finally:
        signal.signal(signal.SIGTERM, before)


def test_writes_from_other_threads_work(tmp_path: Path) -> None:
    def write(name: str) -> None:
        with atomic_path(tmp_path / name) as temp:
            temp.write_text(name)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, [f"t{i}.csv" for i in range(8)]))
    names = sorted(f"t{i}.csv" for i in range(8))
    assert sorted(p.read_text() for p in tmp_path.iterdir()) == names

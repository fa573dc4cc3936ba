"""Fixtures shared across the test suite.

Expected tables: ``tests/data/expected/NAME.csv`` holds hand-checked output, one row
per row of the frame under test, in a chosen set of columns. A test calls the
``expected_table`` fixture and compares with ``pandas.testing.assert_frame_equal``.
A row whose right value differs from today's output keeps the right value and says
why in a ``known_wrong`` cell; the tests treat those rows apart, as expected failures.

To review a change of output, rewrite the files and read the diff::

    python -m pytest tests/temporal/test_seed.py tests/test_pipeline.py --update-expected
    git diff tests/data/expected/

``--update-expected`` never runs by default. It keeps ``known_wrong`` rows as written;
when a fix makes such a row right, empty its ``known_wrong`` cell by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from timeline.sample import seed_path

EXPECTED_DIR = Path(__file__).parent / "data" / "expected"
KNOWN_WRONG = "known_wrong"
LIST_SEPARATOR = "; "


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected", action="store_true", default=False,
        help="rewrite tests/data/expected/*.csv from today's output (rows marked "
        "known_wrong are kept); review the diff before committing")
    parser.addoption(
        "--update-screenshots", action="store_true", default=False,
        help="the browser tests also rewrite the README's pictures in docs/")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article: Milley meets Zaluzhnyi in Poland, published 2023-01-19.

    Read from the bundled sample corpus, so a clone with nothing beside it runs every
    seed test.
    """
    return seed_path().read_text(encoding="utf-8")


@pytest.fixture
def expected_table(request: pytest.FixtureRequest) -> Callable[[str, pd.DataFrame, str], pd.DataFrame]:
    """``load(name, actual, key)``: the expected table, typed like ``actual``.

    ``key`` names the column that identifies a row (kept when rows are rewritten).
    Under ``--update-expected`` the file is rewritten from ``actual`` and the test skips.
    """
    update = request.config.getoption("--update-expected")

    def load(name: str, actual: pd.DataFrame, key: str) -> pd.DataFrame:
        path = EXPECTED_DIR / f"{name}.csv"
        if update:
            write_expected(path, actual, key)
            pytest.skip(f"rewrote {path.name}; review it with git diff before committing")
        assert path.exists(), f"{path} is missing; create it with --update-expected"
        return read_expected(path, actual)

    return load


def _cell(value: object) -> str:
    """One value as written in an expected table."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if value != value.normalize() else f"{value:%Y-%m-%d}"
    return str(value)


def _raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)


def write_expected(path: Path, actual: pd.DataFrame, key: str) -> None:
    """Write ``actual`` as text cells, keeping the rows an old file marks known_wrong."""
    cells = actual.map(_cell).reset_index(drop=True)
    old = _raw(path) if path.exists() else pd.DataFrame()
    if KNOWN_WRONG in old:
        wrong = old[old[KNOWN_WRONG] != ""].set_index(key)
        cells[KNOWN_WRONG] = ""
        for index, row in cells.iterrows():
            if row[key] in wrong.index:
                cells.loc[index] = wrong.loc[row[key]].reindex(cells.columns).fillna("")
                cells.loc[index, key] = row[key]
    path.parent.mkdir(parents=True, exist_ok=True)
    cells.to_csv(path, index=False, lineterminator="\n")


def _typed(cells: pd.Series, like: pd.Series) -> pd.Series:
    """Text cells cast to the dtype of the frame under test."""
    dtype = like.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return pd.to_datetime(cells.where(cells != ""), format="ISO8601").astype(dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        return cells.where(cells != "").astype(dtype)
    if pd.api.types.is_bool_dtype(dtype):
        return cells.map({"True": True, "False": False}).astype(dtype)
    if pd.api.types.is_numeric_dtype(dtype):
        return pd.to_numeric(cells.where(cells != "")).astype(dtype)
    if dtype == object and like.map(lambda v: isinstance(v, list)).all():
        return cells.map(lambda c: c.split(LIST_SEPARATOR) if c else []).astype(object)
    return cells.astype(dtype)


def read_expected(path: Path, like: pd.DataFrame) -> pd.DataFrame:
    """The table at ``path`` with the columns of ``like`` typed as they are there."""
    raw = _raw(path)
    extra = [c for c in raw.columns if c not in like.columns and c != KNOWN_WRONG]
    missing = [c for c in like.columns if c not in raw.columns]
    assert not extra and not missing, f"{path.name}: extra columns {extra}, missing {missing}"
    out = pd.DataFrame({name: _typed(raw[name], like[name]) for name in like.columns})
    if KNOWN_WRONG in raw:
        out[KNOWN_WRONG] = raw[KNOWN_WRONG]
    return out


@pytest.fixture
def run_bounded() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run(*args, timeout=...)``: this interpreter on ``args`` in a subprocess.

    For inputs that used to block (a FIFO): a hang fails the test instead of the run.
    """
    project = Path(__file__).resolve().parents[1]

    def run(*args: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [str(project), os.environ.get("PYTHONPATH")]))}
        try:
            return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                                  timeout=timeout, env=env, cwd=project,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            message = f"still running after {exc.timeout:.0f} s, blocked on its input"
        # Failed outside the handler, so the report does not repeat the whole command.
        pytest.fail(message)

    return run

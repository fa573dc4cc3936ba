"""Fixtures shared across the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEED_PATH = SHARED / "seed" / "article.txt"
EVAL_DIR = SHARED / "eval"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article: Milley meets Zaluzhnyi in Poland, published 2023-01-19."""
    if not SEED_PATH.exists():
        pytest.skip("seed article not available")
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """The evaluation corpora (TempEval-3, MEANTIME), kept beside the project."""
    if not EVAL_DIR.exists():
        pytest.skip("evaluation corpora not available")
    return EVAL_DIR

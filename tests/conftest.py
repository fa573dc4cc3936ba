"""Fixtures shared across the test suite."""

from __future__ import annotations

import pytest

from timeline.sample import seed_path


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article: Milley meets Zaluzhnyi in Poland, published 2023-01-19.

    Read from the bundled sample corpus, so a clone with nothing beside it runs every
    seed test.
    """
    return seed_path().read_text(encoding="utf-8")


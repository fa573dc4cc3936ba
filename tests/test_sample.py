"""The bundled sample corpus loads completely and keeps the seed's headline list apart."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.sample import load_sample, sample_path, seed_path

#: SHA-256 of the seed article as distributed (3,653 bytes of UTF-8).
SEED_SHA256 = "9d18db8e2801fe567164fcb630e5e92c363937265f0a1744a0437141196d5738"


@pytest.fixture(scope="module")
def sample() -> list[Article]:
    return load_sample()


def test_every_article_has_a_date_a_body_and_a_unique_id(sample: list[Article]) -> None:
    assert len(sample) >= 6, [a.id for a in sample]
    ids = [a.id for a in sample]
    assert len(ids) == len(set(ids)), ids
    for article in sample:
        assert isinstance(article.published, datetime), article.id
        assert article.body.strip(), article.id
        assert article.title.strip(), article.id


def test_written_articles_are_short_wire_stories(sample: list[Article]) -> None:
    for article in sample[1:]:
        words = len(article.body.split())
        assert 150 <= words <= 350, f"{article.id}: {words} words"
        # Wire style: the story opens with a dateline such as "KYIV, Ukraine —".
        dateline, dash, _ = article.body.partition(" — ")
        city = dateline.split(",")[0]
        assert dash and len(dateline) < 40 and city == city.upper(), article.id
        assert not article.trailing, article.id


@pytest.mark.parametrize(
    "phrase",
    ["yesterday", "last month", "Two days earlier", "last Thursday", "on Tuesday",
     "nearly a year after the invasion", "first anniversary of Russia's full-scale invasion",
     "April 4, 1949", "June 23"],
)
def test_sample_exercises_each_kind_of_date(sample: list[Article], phrase: str) -> None:
    # The corpus exists to show relative, weekday, explicit and event-anchored dates.
    assert any(phrase in article.body for article in sample), phrase


def test_seed_is_first_with_its_publication_date(sample: list[Article]) -> None:
    seed = sample[0]
    assert seed.id == "seed-milley-zaluzhnyi"
    assert seed.published == datetime(2023, 1, 19)


def test_seed_trailing_headlines_are_split_off(sample: list[Article]) -> None:
    seed = sample[0]
    assert seed.body.rstrip().endswith("a new offensive on Ukraine in the coming months.")
    assert "Ghislaine Maxwell" not in seed.body
    assert seed.trailing.lstrip().startswith("Anutin’s Bhumjaithai Party Wins Thai Election")
    assert "Bosnian Serb Presidential Rerun" in seed.trailing


def test_seed_file_is_a_verbatim_copy_of_the_seed_article() -> None:
    # The seed tests and expected tables hold values worked out on the original
    # article; its bytes are pinned so an edited copy cannot pass them silently.
    data = seed_path().read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    original = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
    if original.exists():  # the article as distributed, when it lies beside the project
        assert data == original.read_bytes()


def test_manifest_refers_to_the_seed_instead_of_copying_it() -> None:
    rows = [json.loads(line) for line in sample_path().read_text(encoding="utf-8").splitlines()]
    seed_rows = [row for row in rows if row.get("file") == seed_path().name]
    assert len(seed_rows) == 1
    assert all("Milley" not in row.get("text", "") for row in rows)

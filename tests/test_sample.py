"""The bundled sample corpus loads completely and keeps the seed's headline list apart."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.model import Article
from timeline.sample import load_sample, sample_path, seed_path


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


def test_seed_file_is_a_verbatim_copy_of_the_seed_article(seed_text: str) -> None:
    assert seed_path().read_text(encoding="utf-8") == seed_text


def test_manifest_refers_to_the_seed_instead_of_copying_it() -> None:
    rows = [json.loads(line) for line in sample_path().read_text(encoding="utf-8").splitlines()]
    seed_rows = [row for row in rows if row.get("file") == seed_path().name]
    assert len(seed_rows) == 1
    assert all("Milley" not in row.get("text", "") for row in rows)


def _write_manifest(folder: Path, *rows: dict[str, object]) -> Path:
    manifest = folder / "corpus.jsonl"
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return manifest


def test_file_rows_are_read_relative_to_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Rain fell in Oslo on Monday.\n", encoding="utf-8")
    manifest = _write_manifest(
        tmp_path,
        {"id": "a", "published": "2024-03-05", "file": "one.txt", "title": "Rain"},
        {"id": "b", "published": "2024-03-06", "text": "Snow fell in Bergen on Tuesday."},
    )
    first, second = load_sample(manifest)
    assert (first.id, first.title, first.published) == ("a", "Rain", datetime(2024, 3, 5))
    assert first.body == "Rain fell in Oslo on Monday.\n"
    assert (second.id, second.published) == ("b", datetime(2024, 3, 6))


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}], "2: duplicate id 'a'"),
        ([{"id": "a", "text": "x", "file": "x.txt"}], "1: give exactly one of"),
        ([{"id": "a", "file": "../outside.txt"}], "1: 'file' must stay inside"),
        ([{"id": "a", "text": "x", "date": "2024-01-01"}], "1: unknown field(s): date"),
        ([{"text": "x"}], "1: every sample row needs"),
    ],
)
def test_bad_manifest_rows_name_the_line(
    tmp_path: Path, rows: list[dict[str, object]], problem: str
) -> None:
    (tmp_path / "outside.txt").write_text("Outside the folder.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        load_sample(_write_manifest(folder, *rows))
    assert problem in str(caught.value), str(caught.value)

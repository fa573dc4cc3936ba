"""Articles dated vaguely or not at all are reported, never silent (issue 8, point 3)."""

from __future__ import annotations

import warnings
from datetime import datetime

import pytest

from timeline.dating import (LOW_CONFIDENCE, UNDATED, VAGUE_REFERENCE_CONFIDENCE, DatingWarning,
                             note_for, notes_of, summary)
from timeline.model import Article, ReferenceDate
from timeline.pipeline import extract
from timeline.temporal.reference_choice import choose_reference, inferred_reference

UNDATED_TEXT = "Ukrainian troops attacked a village on Tuesday, officials said."
DATED_TEXT = "WASHINGTON, Jan. 19, 2023 (AP) — Milley met Zaluzhnyi in Poland on Tuesday."
# One past-tense date of 2023: written then or years later; the interval is wide.
VAGUE_TEXT = "Milley met Zaluzhnyi in Poland on January 17, 2023."


def _note(doc_id: str, inferred: ReferenceDate):
    # The note is written when the reference is chosen and travels on it.
    return note_for(doc_id, inferred_reference(inferred))


def test_notes_by_hand() -> None:
    assert note_for("a", None) is None
    none = _note("a", ReferenceDate("", None, None, ("no dated evidence (x)",)))
    assert none is not None and none.kind == UNDATED and "no dated evidence" in none.message
    assert none.message.startswith("a: no publication date")
    day = ReferenceDate("2023-01-19", datetime(2023, 1, 19), datetime(2023, 1, 20),
                        confidence=0.9, probability=0.9)
    assert _note("b", day) is None
    wide = ReferenceDate("2023", datetime(2023, 1, 1), datetime(2023, 6, 1), confidence=0.9,
                         probability=0.9)
    vague = _note("c", wide)
    assert vague is not None and vague.kind == LOW_CONFIDENCE and "2023-01-01..2023-05-31" in vague.message
    unlikely = ReferenceDate("2023-01-19", datetime(2023, 1, 19), datetime(2023, 1, 20),
                             confidence=0.4, probability=0.9)
    assert "probability 0.40" in _note("d", unlikely).message  # type: ignore[union-attr]
    assert summary([none, vague, vague]) == "1 article without a date, 2 dated with low confidence"
    assert summary([]) == ""


def test_given_and_own_dates_carry_no_note() -> None:
    own = choose_reference(UNDATED_TEXT, datetime(2023, 1, 19))
    given = choose_reference(UNDATED_TEXT, None, datetime(2023, 1, 19))
    assert (own.note, given.note) == ("", "")
    assert note_for("x", own) is None and note_for("x", given) is None
    assert choose_reference(UNDATED_TEXT).note.startswith("no publication date")


def test_extract_warns_once_per_article_and_keeps_the_notes_on_the_frame() -> None:
    articles = [Article("undated", UNDATED_TEXT), Article("dated", DATED_TEXT),
                Article("vague", VAGUE_TEXT)]
    with pytest.warns(DatingWarning) as caught:
        frame = extract(articles)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2 and messages[0].startswith("undated: no publication date")
    assert messages[1].startswith("vague: publication date inferred with low confidence")
    assert [(n.doc_id, n.kind) for n in notes_of(frame)] == [
        ("undated", UNDATED), ("vague", LOW_CONFIDENCE)]


def test_given_or_own_dates_raise_no_note() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DatingWarning)
        frame = extract([Article("undated", UNDATED_TEXT)], "2023-01-19")
    assert notes_of(frame) == []


@pytest.mark.parametrize(("value", "shown"), [
    ("2023-03-05", "2023-03-05"), ("2023-03", "2023-03"), ("2023-W10", "week 10 of 2023"),
    ("2023", "2023"), ("202", "the 2020s"), ("20", "the years 2000-2099"),
    ("", "1993-02-20..2052-03-02"),
])
def test_inferred_values_are_shown_at_their_granularity(value: str, shown: str) -> None:
    from timeline.dating import readable_value

    ref = ReferenceDate(value=value, start=datetime(1993, 2, 20), end=datetime(2052, 3, 2),
                        most_likely=datetime(2023, 3, 5), probability=0.9, confidence=0.3)
    assert readable_value(ref) == shown


def test_a_vague_inferred_date_never_shows_an_empty_or_raw_value() -> None:
    ref = ReferenceDate(value="", start=datetime(1993, 2, 20), end=datetime(2052, 3, 2),
                        most_likely=datetime(2023, 3, 5), probability=0.9, confidence=0.1)
    reference = inferred_reference(ref)
    assert reference.evidence[0].startswith(
        "inferred publication date within 1993-02-20..2052-03-02 (end exclusive)")
    assert "within 1993-02-20..2052-03-02" in reference.note and "none" not in reference.note
    decade = inferred_reference(ReferenceDate(
        value="202", start=datetime(2020, 1, 1), end=datetime(2030, 1, 1),
        most_likely=datetime(2023, 3, 5), probability=0.9, confidence=0.4))
    assert decade.evidence[0].startswith("inferred publication date the 2020s, 2020-01-01")


# A French report (no English function word among its 40 words of two letters or more): its events come
# from rules that read English, so they are kept at low confidence, and it is named.
FRENCH_TEXT = (
    "Les forces ukrainiennes ont repoussé mardi une nouvelle attaque russe près de "
    "Bakhmout, a annoncé l'état-major. Selon le ministère de la Défense, les combats se "
    "poursuivent dans la région de Donetsk, où plusieurs villages ont été bombardés "
    "pendant la nuit."
)


def test_an_article_not_in_english_is_named_and_its_events_distrusted() -> None:
    from timeline.dating import NOT_ENGLISH, NOT_ENGLISH_CONFIDENCE

    articles = [Article("fr", FRENCH_TEXT), Article("en", DATED_TEXT)]
    with pytest.warns(DatingWarning) as caught:
        frame = extract(articles, "2023-01-19")
    messages = [str(w.message) for w in caught]
    assert messages == [
        "fr: does not look like English (0% of its first 40 words are common English "
        "words such as 'the', 'of', 'and' (English news: about a third)); its events and "
        "dates are likely wrong and get confidence 0.1 at most"]
    assert [(n.doc_id, n.kind) for n in notes_of(frame)] == [("fr", NOT_ENGLISH)]
    french = frame[frame["doc_id"] == "fr"]
    assert (french["confidence"] <= NOT_ENGLISH_CONFIDENCE).all()
    assert (frame[frame["doc_id"] == "en"]["confidence"] > NOT_ENGLISH_CONFIDENCE).any()
    assert summary(notes_of(frame)) == "1 not in English"


def test_short_english_and_name_heavy_notes_are_never_named() -> None:
    from timeline.dating import article_notes

    for text in ("Milley met Zaluzhnyi in Poland on Tuesday.",
                 "On 3 May 2024, Al Shabaab militants clashed with SNA in Ceel Buur town "
                 "(Ceel Buur, Galgaduud)."):
        assert article_notes("x", None, text) == []


def test_events_dated_from_a_vague_inferred_date_are_distrusted() -> None:
    # Only the copyright line dates the story (some day of 2023): "on Saturday" is a
    # Saturday of that year, which one a guess, as is any event given the date itself.
    text = ("ISLAMABAD (AP) - A powerful earthquake struck western Afghanistan on Saturday, "
            "killing at least 320 people, the United Nations said.\n\n"
            "Rescue teams searched the rubble in Zindajan district. Two hours later, "
            "troops arrived.\n\n"
            "Copyright 2023 The Associated Press. All rights reserved.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatingWarning)
        df = extract(text)
    assert [n.kind for n in notes_of(df)] == [LOW_CONFIDENCE]
    assert "absolute" not in set(df["anchor"])  # every date counts from the guess
    assert {"strike", "search", "arrive"} <= set(df["trigger"])
    assert (df["confidence"] <= VAGUE_REFERENCE_CONFIDENCE).all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatingWarning)
        given = extract(text, "2023-10-09")
    assert (given.loc[given["trigger"] == "strike", "confidence"] > VAGUE_REFERENCE_CONFIDENCE).all()

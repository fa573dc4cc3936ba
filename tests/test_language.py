"""Texts that do not read as English are named; English ones, however short or full of
names, never are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.errors import RuleFileError
from timeline.language import english_words, not_english, parse_english_words
from timeline.resource_files import read_bundled

CASES = yaml.safe_load((Path(__file__).parent / "data" / "languages.yaml").read_text("utf-8"))
#: What each reason of languages.yaml reads like in the explanation.
REASONS = {"script": "of its letters are outside the Latin script",
           "words": "are common English words"}


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES["not_english"]])
def test_other_languages_and_debris_are_named(case: dict[str, Any]) -> None:
    why = not_english(case["text"])
    assert REASONS[case["reason"]] in why, f"text={case['text']!r} got={why!r}"


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES["english"]])
def test_english_is_never_named(case: dict[str, Any]) -> None:
    assert not_english(case["text"]) == "", case["text"]


def test_explanations_by_hand() -> None:
    # 25 words, none an English function word: 0% of 25.
    debris = " ".join(["qwer"] * 25)
    assert not_english(debris).startswith("0% of its first 25 words are common English words")
    # 24 such words are too few to judge; the same with one "the" in 26 is 4%, below 5%.
    assert not_english(" ".join(["qwer"] * 24)) == ""
    assert not_english(debris + " the").startswith("4% of its first 26 words")
    # 16 letters, 12 of them Cyrillic (75%): past the half.
    assert not_english("Киев сказал да abcd") == "75% of its letters are outside the Latin script"
    # 10 letters, all Cyrillic: fewer than 12, too few to judge.
    assert not_english("Киев сказал") == ""


def test_only_the_lead_is_read() -> None:
    # The check reads `sample_chars` characters: an English lead decides.
    lead = "The minister said that the talks with the union had failed. " * 80
    assert len(lead) > english_words().thresholds["sample_chars"]
    assert not_english(lead + "asdf qwer zxcv " * 500) == ""


def test_web_addresses_are_no_words() -> None:
    address = "https://www.example.com/news/ukraine-reports-attacks-in-the-last-day.html"
    assert not_english(" ".join(["Kyiv"] * 20) + " " + address) == ""  # 20 words: not judged


@pytest.mark.parametrize(("change", "problem"), [
    ({"function_words": ["The"]}, "lower-case words"),
    ({"shared_words": ["the"]}, "words listed twice: the"),
    ({"thresholds": {"min_words": 25}}, "thresholds needs whole numbers"),
    ({"function_words": [True]}, "quote yes/no/on/off"),
])
def test_bad_word_file_names_the_problem(change: dict[str, Any], problem: str) -> None:
    data = {**read_bundled("english_words.yaml"), **change}
    with pytest.raises(RuleFileError, match=problem):
        parse_english_words(data, "english_words.yaml")

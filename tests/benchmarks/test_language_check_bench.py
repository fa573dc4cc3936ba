"""The false-positive count of the language check, on corpora made by hand."""

from __future__ import annotations

import pytest

from benchmarks import language_check


def test_table_counts_judged_and_named(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    english = "The minister said that the talks with the union had failed. " * 3  # 33 words
    debris = " ".join(["qwer"] * 30)  # 30 words, none English
    monkeypatch.setattr(language_check, "corpora",
                        lambda: iter([("made", [english, debris, "Milley met Zaluzhnyi."])]))
    assert language_check.main(["--show", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["made", "3", "2", "1"]
    assert lines[2].startswith("    0% of its first 30 words")

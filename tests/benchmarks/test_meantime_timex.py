"""benchmarks.meantime_timex on a hand-made CAT XML file, scores worked out by hand.

corpus_tiny/tiny_timex.xml has a title, a dateline (the DCT, 2008-03-01), two annotated
body sentences and a last sentence without markables ("In 2012 it will deliver more.").
Its text is therefore::

    Boeing wins order
    Boeing said on Tuesday it won the order. Deliveries start in 2010 and last three years.

with gold ``Tuesday`` 33..40 DATE 2008-02-26, ``2010`` 79..83 DATE 2010 and
``three years`` 93..104 DURATION P3Y; the DCT and the anchorless TIMEX3 are not gold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import meantime_timex
from benchmarks.tempeval import Counts, Timex

FOLDER = Path(__file__).parent / "data" / "meantime_timex"
TINY = FOLDER / "corpus_tiny" / "tiny_timex.xml"
TEXT = ("Boeing wins order\n"
        "Boeing said on Tuesday it won the order. Deliveries start in 2010 and last three years.")


def _stub_tagger(text: str, dct: str) -> list[Timex]:
    """Right value for Tuesday, wrong value for 2010, 'three years' missed, one spurious."""
    assert dct == "2008-03-01"
    return [
        Timex(33, 40, "Tuesday", "DATE", "2008-02-26"),
        Timex(76, 83, "in 2010", "DATE", "2011"),
        Timex(0, 6, "Boeing", "DATE", "XXXX"),
    ]


def test_reader_rebuilds_annotated_text_dct_and_gold() -> None:
    doc = meantime_timex.read_timex_document(TINY)
    assert doc.text == TEXT
    assert doc.dct == "2008-03-01"
    assert [(t.start, t.end, t.text, t.type, t.value) for t in doc.timexes] == [
        (33, 40, "Tuesday", "DATE", "2008-02-26"),
        (79, 83, "2010", "DATE", "2010"),
        (93, 104, "three years", "DURATION", "P3Y"),
    ]


def test_folder_scores_with_the_tempeval_counts() -> None:
    result = meantime_timex.evaluate_folder(FOLDER / "corpus_tiny", _stub_tagger)
    # gold 3, system 3; relaxed: Tuesday and 2010; strict: Tuesday; value: Tuesday.
    assert result.counts == Counts(gold=3, system=3, relaxed=2, strict=1, value=1, type=2)
    assert result.documents == 1
    kinds = sorted((e.kind, (e.gold or e.system).text) for e in result.errors)
    assert kinds == [("missed", "three years"), ("spurious", "Boeing"), ("value", "2010")]


def test_main_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert meantime_timex.main([str(FOLDER), "--errors", "5"], tagger=_stub_tagger) == 0
    out = capsys.readouterr().out
    assert "== errors in corpus_tiny ==" in out
    row = next(line for line in out.splitlines() if line.startswith("corpus_tiny"))
    # docs gold sys, then relaxed P R F1 = 2/3, strict 1/3, value 1/3, type 100.
    assert row.split()[1:13] == ["1", "3", "3", "66.67", "66.67", "66.67",
                                 "33.33", "33.33", "33.33", "33.33", "33.33", "33.33"]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    assert meantime_timex.main([str(tmp_path / "absent")]) == 2

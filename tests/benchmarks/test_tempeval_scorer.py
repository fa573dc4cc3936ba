"""The TempEval-3 scorer, on a hand-made TimeML file whose scores are worked out by hand.

tiny.tml's text is ``AT&T said on Tuesday it met this week for two days.``::

    on Tuesday   10..20  DATE      2023-01-17
    this week    28..37  DATE      2023-W03
    two days     42..50  DURATION  P2D
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import tempeval
from benchmarks.tempeval import Counts, Timex, match_spans, parse_tml, score_document

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.tml"
PLATINUM = tempeval.EVAL_ROOT / "platinum"

# A made-up system output: one relaxed-only match with the right value, one strict match
# with the wrong value, one spurious expression, and "two days" missed.
SYSTEM = [
    Timex(0, 4, "AT&T", "DATE", "XXXX"),
    Timex(13, 20, "Tuesday", "DATE", "2023-01-17"),
    Timex(28, 37, "this week", "DATE", "2023-W02"),
]


def test_parse_text_offsets_and_entities() -> None:
    doc = parse_tml(TINY)
    assert doc.text == "AT&T said on Tuesday it met this week for two days."
    assert doc.dct == "2023-01-19"
    assert [(t.start, t.end, t.type, t.value) for t in doc.timexes] == [
        (10, 20, "DATE", "2023-01-17"),
        (28, 37, "DATE", "2023-W03"),
        (42, 50, "DURATION", "P2D"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_counts_by_hand() -> None:
    counts, errors = score_document(parse_tml(TINY), SYSTEM)
    assert counts == Counts(gold=3, system=3, relaxed=2, strict=1, value=1, type=2)
    assert counts.prf(counts.relaxed) == pytest.approx((200 / 3, 200 / 3, 200 / 3))
    assert counts.strict_f1 == pytest.approx(100 / 3)
    assert counts.value_f1 == pytest.approx(100 / 3)
    assert counts.type_accuracy == pytest.approx(100.0)
    kinds = sorted((e.kind, (e.gold or e.system).text) for e in errors)
    assert kinds == [
        ("missed", "two days"),
        ("span", "on Tuesday"),
        ("spurious", "AT&T"),
        ("value", "this week"),
    ]


def test_perfect_system_scores_100() -> None:
    doc = parse_tml(TINY)
    counts, errors = score_document(doc, list(doc.timexes))
    assert (counts.relaxed_f1, counts.strict_f1, counts.value_f1) == (100.0, 100.0, 100.0)
    assert errors == []


def test_empty_system_scores_zero() -> None:
    counts, _ = score_document(parse_tml(TINY), [])
    assert counts.prf(counts.relaxed) == (0.0, 0.0, 0.0)


def test_one_long_span_matches_one_gold_only() -> None:
    gold = list(parse_tml(TINY).timexes)
    # 10..37 overlaps "on Tuesday" by 10 characters and "this week" by 9.
    assert match_spans(gold, [Timex(10, 37, "", "DATE", "")]) == [(0, 0)]


def test_counts_add_up() -> None:
    assert Counts(1, 2, 3, 4, 5, 6) + Counts(1, 1, 1, 1, 1, 1) == Counts(2, 3, 4, 5, 6, 7)


def test_malformed_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tml"):
        parse_tml(bad)


def test_main_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "mini"
    corpus.mkdir()
    (corpus / "tiny.tml").write_bytes(TINY.read_bytes())
    seen: list[str] = []

    def tagger(text: str, dct: str) -> list[Timex]:
        seen.append(dct)
        return SYSTEM

    assert tempeval.main([str(corpus), "--errors", "5", "--per-doc"], tagger=tagger) == 0
    out = capsys.readouterr().out
    assert seen == ["2023-01-19"]
    assert "-- missed: 1" in out and "'two days'" in out
    assert "mini" in out.splitlines()[-1] and "66.67" in out.splitlines()[-1]


@pytest.mark.skipif(not PLATINUM.is_dir(), reason="evaluation data not present")
def test_platinum_gold_counts_match_its_readme() -> None:
    docs = [parse_tml(p) for p in sorted(PLATINUM.glob("*.tml"))]
    types = [t.type for d in docs for t in d.timexes]
    assert len(docs) == 20
    assert {k: types.count(k) for k in set(types)} == {
        "DATE": 96, "DURATION": 34, "TIME": 4, "SET": 4
    }
    assert all("<" not in d.text and "&amp;" not in d.text for d in docs)


def test_find_times_on_tiny_file() -> None:
    pytest.importorskip("timeline.temporal.api")
    result = tempeval.evaluate_dir(DATA)
    assert result.counts.value_f1 == pytest.approx(100.0), result.errors


def test_narrative_mode_without_dct(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "wars"
    corpus.mkdir()
    (corpus / "tiny.tml").write_bytes(TINY.read_bytes())
    calls: list[tuple[str, str, str]] = []

    def fake(text: str, dct: str, mode: str = "news") -> list[Timex]:
        calls.append((text[:4], dct, mode))
        return SYSTEM

    monkeypatch.setattr(tempeval, "find_times_tagger", fake)
    monkeypatch.setattr(tempeval, "WIKIWARS", corpus)
    assert tempeval.main(["--corpus", "wikiwars"]) == 0
    assert calls == [("AT&T", "", "narrative")]  # the DCT is withheld
    assert tempeval.main([str(corpus), "--mode", "narrative"]) == 0
    assert calls[-1] == ("AT&T", "2023-01-19", "narrative")
    assert "wars" in capsys.readouterr().out

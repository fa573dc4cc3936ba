"""The reference-date benchmark: tallies and MEANTIME text rebuilding, by hand."""

from __future__ import annotations

from pathlib import Path

from benchmarks.reference_dates import format_row, meantime_text, score

CAT = """<Document doc_name="x">
<token t_id="1" sentence="0">Generals</token><token t_id="2" sentence="0">meet</token>
<token t_id="3" sentence="1">January</token><token t_id="4" sentence="1">19</token>
<token t_id="5" sentence="1">,</token><token t_id="6" sentence="1">2023</token>
<token t_id="7" sentence="2">They</token><token t_id="8" sentence="2">met</token>
<token t_id="9" sentence="2">(</token><token t_id="10" sentence="2">again</token>
<token t_id="11" sentence="2">)</token><token t_id="12" sentence="2">.</token>
<Markables><TIMEX3 m_id="1" functionInDocument="CREATION_TIME" value="2023-01-19"/></Markables>
</Document>"""


def test_meantime_text_keeps_title_and_date_line(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(CAT, encoding="utf-8")
    assert meantime_text(path) == ("Generals meet\nJanuary 19, 2023\nThey met (again).", "2023-01-19")


def test_score_counts_hits_misses_and_nothing() -> None:
    docs = [
        ("hit", "Generals meet\nJanuary 19, 2023\nThey met.", "2023-01-19"),
        ("miss", "Generals meet\nJanuary 19, 2023\nThey met.", "2023-02-01T10:00"),
        ("none", "They met on Tuesday.", "2023-01-19"),
    ]
    tally = score(docs)
    assert (tally.hit, tally.miss, tally.none, tally.widths) == (1, 1, 1, [1])
    assert tally.misses[0].startswith("miss: DCT 2023-02-01, inferred 2023-01-19")
    assert format_row("mini", tally).split() == ["mini", "3", "1", "1", "1", "50.0", "1"]

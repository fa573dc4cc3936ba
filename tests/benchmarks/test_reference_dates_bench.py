"""The reference-date benchmark: tallies and MEANTIME text rebuilding, by hand."""

from __future__ import annotations

from pathlib import Path

from benchmarks.reference_dates import Doc, format_calibration, format_row, meantime_text, score, strip_date_lines

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


def test_score_counts_dated_inside_and_exact() -> None:
    docs = [
        Doc("hit", "Generals meet\nJanuary 19, 2023\nThey met.", "2023-01-19"),
        Doc("miss", "Generals meet\nJanuary 19, 2023\nThey met.", "2023-02-01T10:00"),
        Doc("none", "They met on Tuesday.", "2023-01-19"),
    ]
    tally = score(docs, misses=5)
    assert (tally.docs, tally.dated, tally.inside, tally.exact, tally.widths) == (3, 2, 1, 1, [1, 1])
    # The date line names 2023-01-19: the hit's day; 2023-02-01 is 13 days later.
    assert tally.near == 1
    assert tally.misses == ["miss: DCT 2023-02-01, inferred 2023-01-19..2023-01-19"]
    assert format_row("mini", "as scraped", tally).split() == [
        "mini", "as", "scraped", "3", "66.7", "50.0", "50.0", "1"]
    # Every stated level held the truth for the one hit and missed the other.
    assert format_calibration([tally]).splitlines()[3].split() == ["90%", "50.0%"]


def test_strip_date_lines_removes_date_lines_and_datelines() -> None:
    text = "Generals meet\nJanuary 19, 2023\nKYIV, Jan 19 (Reuters) - They met.\nMore."
    assert strip_date_lines(text) == "Generals meet\n\nThey met.\nMore."


def test_ucdp_headlines_are_documents_dated_by_their_outlet(tmp_path: Path) -> None:
    import json

    from benchmarks.reference_dates import ucdp_docs

    path = tmp_path / "ucdp.jsonl"
    rows = [{"sources": [{"outlet": "AFP", "date": "2014-01-22", "headline": "Shots in Kiev"},
                         {"outlet": "AFP", "date": "2014-01-22", "headline": "Shots in Kiev"},
                         {"outlet": "AFP", "date": "", "headline": "Undated"}]},
            {"sources": [{"outlet": "BBC", "date": "2014-01-25", "headline": "Shots in Kiev"}]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [(d.text, d.dct) for d in ucdp_docs(path)] == [
        ("Shots in Kiev", "2014-01-22"), ("Shots in Kiev", "2014-01-25")]


def test_undated_documents_are_split_by_the_evidence_they_hold() -> None:
    docs = [
        Doc("nothing", "They met again.", "2023-01-19"),
        Doc("weekday", "They met on Tuesday.", "2023-01-19"),
        # A past month-day without a year: written in the days after it, in June.
        Doc("month-day", "They met on June 15 in Kyiv.", "2023-06-17"),
        Doc("wrong month", "They met on June 15 in Kyiv.", "2023-09-01"),
    ]
    tally = score(docs)
    assert tally.dated == 0
    assert tally.undated == {"no cue": 1, "year-less": 3, "month right": 1}


def test_near_counts_a_day_cue_within_a_week_of_the_truth() -> None:
    # "June 15" (no year) is 3 days before 2009-06-18 and 9 days after 2009-06-06;
    # "June 15, 2009" is 10 days after 2009-06-05; a year names no day.
    docs = [
        Doc("month-day near", "Deliveries begin in 2011 under a deal signed on June 15.", "2009-06-18"),
        Doc("month-day far", "Deliveries begin in 2011 under a deal signed on June 15.", "2009-06-06"),
        Doc("full far", "They met on June 15, 2009.", "2009-06-05"),
        Doc("year only", "Deliveries begin in 2011.", "2009-06-18"),
    ]
    tally = score(docs)
    assert (tally.dated, tally.near) == (4, 1)

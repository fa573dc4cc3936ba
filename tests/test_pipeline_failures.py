"""One article never stops a corpus: failures are reported with file, line and reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.errors import InputError
from timeline.model import Article
from timeline.pipeline import extract

GOOD = "General Mark Milley met Valerii Zaluzhnyi in Poland on Tuesday."
BAD = "The BOOM summit opened in Davos on Wednesday."


@pytest.fixture
def boom(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the event step fail on any text holding BOOM, as an unforeseen bug would."""
    import timeline.events.clause_events as clause_events

    real = clause_events.extract_events

    def failing(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise KeyError("unexpected token")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(clause_events, "extract_events", failing)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": "one", "text": GOOD}, {"id": "bad", "text": BAD}, {"id": "two", "text": GOOD}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_failing_article_is_reported_and_the_rest_extracted(boom, corpus: Path) -> None:
    problems: list[InputError] = []
    frame = extract(str(corpus), "2023-01-19", on_error=problems.append)
    assert sorted(set(frame["doc_id"])) == ["one", "two"]
    [problem] = problems
    assert (problem.source, problem.line) == (str(corpus), 2)
    assert problem.problem == "article 'bad' could not be processed: KeyError: 'unexpected token'"


def test_without_on_error_the_failure_is_raised_naming_the_article(boom) -> None:
    expected = "article 'text-2' could not be processed: KeyError"
    with pytest.raises(InputError, match=expected) as info:
        extract([GOOD, BAD], "2023-01-19")
    assert isinstance(info.value.__cause__, KeyError)


def test_worker_processes_report_failures_too(boom) -> None:
    articles = [Article(id=f"a{n}", body=BAD if n == 5 else GOOD, source=f"in.jsonl:{n}")
                for n in range(40)]
    problems: list[InputError] = []
    frame = extract(articles, "2023-01-19", n_process=2, on_error=problems.append)
    assert len(set(frame["doc_id"])) == 39
    assert [(p.source, p.line) for p in problems] == [("in.jsonl", 5)]


def test_cli_warns_counts_and_exits_1(boom, corpus: Path, tmp_path: Path) -> None:
    from timeline.cli.extract import extract as command
    from timeline.export import read_timeline

    out = tmp_path / "out.csv"
    result = CliRunner().invoke(command, [str(corpus), "--published", "2023-01-19",
                                          "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    assert (f"warning: failed {corpus}:2: article 'bad' could not be processed: KeyError"
            in result.stderr)
    assert result.stderr.strip().splitlines()[-1].startswith(
        "3 articles read, 0 skipped, 1 failed, ")
    assert sorted(set(read_timeline(out)["doc_id"])) == ["one", "two"]


def test_dashboard_loading_lists_the_failure(boom, corpus: Path) -> None:
    from dashboards.loading import load_source

    source = load_source((str(corpus),))
    assert sorted(set(source.events["doc_id"])) == ["one", "two"]
    failures = [p for p in source.problems if "could not be processed" in p]
    assert failures == [
        "corpus.jsonl:2: article 'bad' could not be processed: KeyError: 'unexpected token'"]
    # The other two are extracted but name no date: each is said so, never silently.
    assert sorted(p.split(":")[0] for p in source.problems if p not in failures) == ["one", "two"]


@pytest.mark.parametrize(("published", "values"), [
    # Year 0 has no "last year" and no Feb 29: the publication date stands in.
    (date(1, 1, 1), ["0001-01-01", "0001-01-01", "0001-W02"]),
    # 9999-12-31 cannot stand in (its end is off the calendar), nor can next week; the
    # present-tense "they meet" takes no date from the sentence before.
    ("9999-12-31", ["", "9998", ""]),
])
def test_reference_at_the_calendar_edges_gives_rows(published, values) -> None:
    text = "Milley met Zaluzhnyi in Poland. Last year they met on Feb 29. Next week they meet."
    assert extract(text, published)["time_value"].tolist() == values


def test_impossible_date_in_an_article_is_undated_not_fatal() -> None:
    frame = extract("Milley met Zaluzhnyi on Feb 29, 2023.", "2023-01-19")
    assert frame["time_value"].tolist() == ["2023-01-19"]  # falls back on the publication date


def test_text_over_spacys_max_length_is_extracted_with_offsets_into_it() -> None:
    from timeline.events.nlp import load_nlp

    nlp = load_nlp()
    saved = nlp.max_length
    nlp.max_length = 2_000
    text = "\n\n".join([GOOD] * 100)  # 6,500 characters
    try:
        frame = extract(text, "2023-01-19")
    finally:
        nlp.max_length = saved
    assert len(frame) == 100
    starts = frame["trigger_start"].tolist()
    assert all(text[s:s + 3] == "met" for s in starts)
    assert len(set(starts)) == 100

"""Tests for the shared CLI options in timeline.cli.options."""

from __future__ import annotations

import click
import pandas as pd
import pytest
from click.testing import CliRunner

from timeline.cli.options import output_options, published_option
from timeline.export import registry


@click.command()
@published_option
@output_options("times", default="table")
def show(published: pd.Timestamp | None, output: str | None, fmt: str) -> None:
    click.echo(f"{published!r} {output!r} {fmt}")


@click.command()
@output_options("events", default="csv")
def events(output: str | None, fmt: str) -> None:
    click.echo(f"{output!r} {fmt}")


def run(*args: str) -> str:
    result = CliRunner().invoke(show, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "None None table"),
        (("-o", "out.csv"), "None 'out.csv' csv"),
        (("--output", "out.PARQUET"), "None 'out.PARQUET' parquet"),
        (("-o", "out.ndjson"), "None 'out.ndjson' jsonl"),
        (("-o", "out.txt"), "None 'out.txt' table"),
        (("-o", "out"), "None 'out' table"),  # no suffix: the default
        (("-o", "out.CSV", "--format", "csv"), "None 'out.CSV' csv"),
        (("-o", "out.data", "--format", "csv"), "None 'out.data' csv"),  # suffix of no format
        (("-o", "-", "--format", "csv"), "None None csv"),  # "-" is standard output
    ],
)
def test_output_and_format(args: tuple[str, ...], expected: str) -> None:
    assert run(*args) == expected


def _refused(command: click.Command, *args: str) -> str:
    result = CliRunner().invoke(command, list(args))
    assert result.exit_code == 2, result.output
    return result.stderr


def test_unknown_suffix_is_a_usage_error_naming_the_formats() -> None:
    # It used to be written as the default format without a word.
    message = _refused(show, "-o", "out.docx")
    assert "out.docx" in message and "'.docx'" in message
    for name in registry.names("times"):
        assert name in message


def test_suffix_of_a_format_the_command_does_not_write_is_refused() -> None:
    message = _refused(events, "-o", "events.tml")
    assert "does not write timeml" in message and "csv (.csv)" in message


@pytest.mark.parametrize(("output", "fmt", "said"), [("out.xlsx", "CSV", "xlsx"),
                                                      ("out.csv", "parquet", "csv"),
                                                      ("out.timesketch.csv", "json", "timesketch")])
def test_format_contradicting_the_suffix_is_refused(output: str, fmt: str, said: str) -> None:
    # CSV text used to be written silently into out.xlsx.
    message = _refused(events, "-o", output, "--format", fmt)
    assert output in message and f"--format says {fmt.lower()}" in message
    assert f"suffix says {said}" in message


def test_a_compound_suffix_agrees_with_the_format_of_its_last_part() -> None:
    result = CliRunner().invoke(events, ["-o", "x.timesketch.csv", "--format", "csv"])
    assert result.stdout.strip() == "'x.timesketch.csv' csv"


def test_binary_format_to_standard_output_is_refused() -> None:
    assert "-o/--output" in _refused(show, "--format", "parquet")
    assert "-o/--output" in _refused(events, "-o", "-", "--format", "parquet")


def test_choices_come_from_the_registry() -> None:
    [choice] = [p for p in events.params if p.name == "fmt"]
    assert tuple(choice.type.choices) == registry.names("events")  # type: ignore[attr-defined]


def test_published_becomes_a_timestamp() -> None:
    assert run("--published", "19 January 2023") == "Timestamp('2023-01-19 00:00:00') None table"


def test_bad_published_is_a_usage_error_naming_the_value() -> None:
    result = CliRunner().invoke(show, ["--published", "someday"])
    assert result.exit_code == 2
    assert "someday" in result.stderr


def test_unknown_format_is_refused_naming_the_formats() -> None:
    message = _refused(show, "--format", "docx")
    assert "docx" in message and "table" in message and "jsonl" in message


def test_default_must_be_offered() -> None:
    with pytest.raises(ValueError):
        output_options("events", default="timeml")


@pytest.mark.parametrize("word", ["yesterday", "today", "now", "2 days ago"])
def test_relative_published_is_a_usage_error_asking_for_a_date(word: str) -> None:
    result = CliRunner().invoke(show, ["--published", word])
    assert result.exit_code == 2
    assert repr(word) in result.stderr and "give a date" in result.stderr

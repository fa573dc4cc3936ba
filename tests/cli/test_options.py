"""Tests for the shared CLI options in timeline.cli.options."""

from __future__ import annotations

import click
import pandas as pd
import pytest
from click.testing import CliRunner

from timeline.cli.options import output_options, published_option


@click.command()
@published_option
@output_options(("table", "csv", "parquet"), default="table")
def show(published: pd.Timestamp | None, output: str | None, fmt: str) -> None:
    click.echo(f"{published!r} {output!r} {fmt}")


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
        (("-o", "out.jsonl"), "None 'out.jsonl' table"),  # not offered here: the default
        (("-o", "out.csv", "--format", "parquet"), "None 'out.csv' parquet"),  # explicit wins
        (("-o", "-", "--format", "csv"), "None None csv"),  # "-" is standard output
    ],
)
def test_output_and_format(args: tuple[str, ...], expected: str) -> None:
    assert run(*args) == expected


def test_published_becomes_a_timestamp() -> None:
    assert run("--published", "19 January 2023") == "Timestamp('2023-01-19 00:00:00') None table"


def test_bad_published_is_a_usage_error_naming_the_value() -> None:
    result = CliRunner().invoke(show, ["--published", "someday"])
    assert result.exit_code == 2
    assert "someday" in result.stderr


def test_unknown_format_is_refused() -> None:
    result = CliRunner().invoke(show, ["--format", "xlsx"])
    assert result.exit_code == 2


def test_default_must_be_offered() -> None:
    with pytest.raises(ValueError):
        output_options(("csv",), default="table")


@pytest.mark.parametrize("word", ["yesterday", "today", "now", "2 days ago"])
def test_relative_published_is_a_usage_error_asking_for_a_date(word: str) -> None:
    result = CliRunner().invoke(show, ["--published", word])
    assert result.exit_code == 2
    assert repr(word) in result.stderr and "give a date" in result.stderr

"""``timeline times``: the time expressions of one article, resolved onto the calendar."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from timeline.cli.options import output_options, published_option
from timeline.vocab import MODES, Mode

if TYPE_CHECKING:
    import pandas as pd



@click.command(no_args_is_help=True)
@click.argument("file", metavar="FILE")
@published_option
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default=Mode.NEWS.value,
    show_default=True,
    help="news: dates without a year and relative expressions count from the publication "
    "date; narrative: from the last date mentioned.",
)
@click.option(
    "--events",
    "events_file",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="PATH",
    help="YAML or CSV file of extra reference events ('day 300 of the war'), added to "
    "the bundled ones.",
)
@output_options("times", default="table")
def times(
    file: str,
    published: pd.Timestamp | None,
    mode: str,
    events_file: str | None,
    output: str | None,
    fmt: str,
) -> None:
    """Find the time expressions in FILE and resolve them onto the calendar.

    FILE is a UTF-8 text file (a regular file, never a FIFO or device), or - for
    standard input. An HTML page, or a JSON Lines or CSV file of one article, is
    read as extract reads it: its body (offsets count in it) and its own
    publication date. One row per expression: text, character offsets, TIMEX3 type
    and value, calendar interval, granularity, what it was resolved against
    (anchor), the rule that fired and a confidence.
    Without --published, the publication date is inferred from the text and the
    evidence for it is printed on standard error.

    \b
    Examples:
      timeline times article.txt --published 2023-01-19
      timeline times article.txt --format csv -o times.csv
      timeline times story.txt --mode narrative
      timeline times article.txt --events my_events.yaml --format json
      cat article.txt | timeline times -
    """
    from timeline.errors import InputError, ResourceError

    try:
        text, own = read_article(file)
        frame = _find(text, own or published, mode, events_file)
    except (InputError, ResourceError) as exc:
        raise click.ClickException(str(exc)) from exc
    from timeline.export import write_frame

    try:
        write_frame(frame, output, fmt)
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from exc


def read_article(file: str) -> tuple[str, pd.Timestamp | None]:
    """The text ``times`` reads from ``file`` and the article's own publication date.

    A page or a corpus (``.html``, ``.jsonl``, ``.csv``) is read as ``extract`` reads
    it, its markup or fields never taken for the text; it must hold one article.
    """
    from pathlib import Path

    from timeline.articles import SUPPORTED_SUFFIXES, TEXT_SUFFIXES, read_articles
    from timeline.errors import InputError

    suffix = Path(file).suffix.lower()
    if file == "-" or suffix in TEXT_SUFFIXES or suffix not in SUPPORTED_SUFFIXES:
        return read_text(file), None
    articles = read_articles(file)
    if len(articles) != 1:
        raise InputError(file, f"holds {len(articles)} articles; times reads one "
                               "(timeline extract reads a corpus)")
    [article] = articles
    if article.published is not None:
        click.echo(f"the article's own publication date: {article.published:%Y-%m-%d}",
                   err=True)
    return article.body, article.published


def read_text(file: str) -> str:
    """The text of ``file`` (``-`` is standard input); ``InputError`` names the file."""
    from timeline.articles import not_utf8_text
    from timeline.errors import InputError, NotRegularFileError
    from timeline.files import read_regular

    name = "<stdin>" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else read_regular(file)
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "is a directory, not a text file") from exc
    except NotRegularFileError as exc:
        raise InputError(name, str(exc)) from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    problem = not_utf8_text(data)
    if problem:
        raise InputError(name, problem)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Worded as extract words it (timeline.articles), with the line of the byte.
        problem = f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise InputError(name, problem, data.count(b"\n", 0, exc.start) + 1) from exc
    if not text.strip():  # blank beyond ASCII too, as `extract` refuses it
        raise InputError(name, "empty file")
    return text


def _find(text: str, published: Any, mode: str, events_file: str | None) -> pd.DataFrame:
    """Run ``find_times``; say on stderr what an inferred reference date rests on."""
    from timeline.temporal.api import find_times
    from timeline.temporal.knowledge import load_events
    from timeline.temporal.reference_choice import choose_reference

    events = load_events(events_file) if events_file else None
    if published is not None or not text.strip():
        return find_times(text, published, mode=mode, events=events)
    reference = choose_reference(text, given=None, events=events)  # inferred, once
    for number, reason in enumerate(reference.evidence):
        click.echo(f"{reason}, because:" if number == 0 else f"  - {reason}", err=True)
    return find_times(text, reference, mode=mode, events=events)

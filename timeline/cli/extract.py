"""``timeline extract``: articles in, event timeline out."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click

from timeline.cli.options import gazetteer_option, output_options, published_option

if TYPE_CHECKING:
    import pandas as pd

    from timeline.errors import InputError
    from timeline.model import Article

#: Exit status when some input was skipped or no event was extracted.
EXIT_INCOMPLETE = 1


@click.command(no_args_is_help=True)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@published_option
@output_options("events", default="csv")
@click.option(
    "-j",
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for large corpora (each loads the spaCy model once).",
)
@gazetteer_option
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show a progress bar on standard error when there is more than one article.",
)
def extract(
    paths: tuple[str, ...],
    published: pd.Timestamp | None,
    output: str | None,
    fmt: str,
    processes: int,
    gazetteers: tuple[str, ...],
    progress: bool,
) -> None:
    """Extract an event timeline (who did what, where and when) from articles.

    PATH is a .txt, .html, .jsonl or .csv file, a directory (searched recursively),
    or - for standard input. JSON Lines and CSV corpora need a "text" column and may
    have "id", "title", "url" and "published".

    Files or rows that cannot be read (binary, invalid UTF-8, empty, malformed) are
    skipped with a warning naming the file and line, and so is an article whose
    extraction fails (the warning gives the reason); the rest is still processed. A
    summary goes to standard error. The exit status is 1 when anything was skipped or
    failed, or no event was found. With -o, the file is written atomically and only when there
    are events; a failed run leaves no partial file.

    \b
    Examples:
      timeline extract article.txt --published 2023-01-19
      timeline extract corpus/ -o timeline.csv
      timeline extract big-corpus/ -j 2 -o timeline.csv
      timeline extract news.jsonl -o timeline.parquet
      timeline extract reports/ --gazetteer SO.txt -o somalia.csv
      cat article.txt | timeline extract - --format jsonl
    """
    _check_output_dir(output)
    skipped: list[InputError] = []
    failed: list[InputError] = []
    articles = _read(paths, skipped)
    frame = _extract(articles, published, progress, processes, failed, gazetteers)
    if len(frame):
        _write(frame, output, fmt)
    _summarise(len(articles), len(skipped), len(failed), frame, output)
    if skipped or failed or not len(frame):
        click.get_current_context().exit(EXIT_INCOMPLETE)


def _check_output_dir(output: str | None) -> None:
    """Fail before the slow part when the output directory does not exist."""
    if output is None:
        return
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"directory {folder!r} does not exist", param_hint="-o/--output")


def _read(paths: Iterable[str], skipped: list[InputError]) -> list[Article]:
    """Read every article, warning about (and collecting) each input that is skipped."""
    from timeline.articles import read_articles

    def skip(problem: InputError) -> None:
        skipped.append(problem)
        click.echo(f"warning: skipped {problem}", err=True)

    return read_articles(paths, on_error=skip)


def _extract(
    articles: list[Article], published: Any, progress: bool, processes: int,
    failed: list[InputError],
    gazetteers: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Run the extraction pipeline over ``articles``, with a progress bar for several.

    Each article whose extraction fails is warned about and added to ``failed``.
    """
    if not articles:
        from timeline.schema import empty_frame

        return empty_frame()
    from tqdm import tqdm

    from timeline.errors import TimelineError
    from timeline.pipeline import extract as extract_frame  # loads spaCy: only when run

    bar = tqdm(
        total=len(articles),
        desc="extracting",
        unit="article",
        file=sys.stderr,
        disable=not progress or len(articles) < 2,
    )
    from timeline.dating import DatingWarning, notes_of

    def fail(problem: InputError) -> None:
        failed.append(problem)
        bar.write(f"warning: failed {problem}", file=sys.stderr)

    try:
        with bar, warnings.catch_warnings():
            warnings.simplefilter("ignore", DatingWarning)  # printed below, one line each
            frame = extract_frame(
                articles, published=published, n_process=processes, progress=bar.update,
                on_error=fail,
                gazetteers=gazetteers,
            )
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from exc
    for note in notes_of(frame):
        click.echo(f"warning: {note.message}", err=True)
    return frame


def _write(frame: pd.DataFrame, output: str | None, fmt: str) -> None:
    """Write the timeline, turning file-system errors into a clean message."""
    from timeline.export import write_frame

    try:
        write_frame(frame, output, fmt)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do, and keep
        # Python from complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(EXIT_INCOMPLETE) from None
    except OSError as exc:
        raise click.FileError(output or "<stdout>", hint=exc.strerror or str(exc)) from exc


def _summarise(read: int, skipped: int, failed: int, frame: pd.DataFrame,
               output: str | None) -> None:
    """One line on standard error: what was read, skipped, failed, extracted and left
    undated."""
    from timeline.dating import notes_of, summary

    plural = "" if read == 1 else "s"
    failures = f"{failed} failed, " if failed else ""
    events = len(frame)
    line = (f"{read} article{plural} read, {skipped} skipped, {failures}{events} "
            f"event{'' if events == 1 else 's'} extracted")
    undated = int(frame["date"].isna().sum()) if events else 0
    if undated:
        line += f" ({undated} without a date)"
    dating = summary(notes_of(frame))
    if dating:
        line += f"; {dating}"
    if not events:
        line += "; nothing written"
    elif output is not None:
        line += f"; written to {output}"
    click.echo(line, err=True)

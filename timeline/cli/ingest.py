"""``timeline ingest``: add articles to an event store, incrementally."""

from __future__ import annotations

import sys
from typing import Any

import click

from timeline.cli.options import gazetteer_option, published_option, store_option

#: Exit status when some input could not be read or extracted.
EXIT_INCOMPLETE = 1


@click.command(no_args_is_help=True)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@store_option(must_exist=False)
@published_option
@click.option("-j", "--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes on this machine (each loads the spaCy model once).")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Extract on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786) instead of on this machine.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles committed together; an interrupted run redoes at most one batch.")
@gazetteer_option
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar (rate and time left) on standard error.")
def ingest(paths: tuple[str, ...], store: str, published: Any, processes: int,
           dask_address: str | None, batch_size: int, gazetteers: tuple[str, ...],
           progress: bool) -> None:
    """Add articles to an event store; articles already there are skipped.

    PATH is anything `timeline extract` reads. An article whose id and content are
    already in the store is skipped; one whose content changed has its events
    replaced. Work is committed in batches: if the run is interrupted, even killed,
    running the same command again finishes the job with nothing lost or duplicated.
    Events reported by several articles are merged into stories at the end.

    \b
    Examples:
      timeline ingest news/ --store corpus.duckdb
      timeline ingest today.jsonl --store corpus.duckdb -j 2
      timeline ingest archive/ --store corpus.duckdb --dask tcp://scheduler:8786
      timeline ingest reports/ --store somalia.duckdb --gazetteer SO.txt
    """
    from tqdm import tqdm

    from timeline.errors import TimelineError
    from timeline.store import Store

    def warn(line: str) -> None:
        click.echo(f"warning: {line}", err=True)

    client = _client(dask_address)
    bar = tqdm(desc="ingesting", unit="article", file=sys.stderr, disable=not progress)

    def start(total: int) -> None:
        bar.reset(total=total)

    try:
        with bar:
            summary = Store(store).ingest(list(paths), published, processes=processes,
                                          client=client, batch_size=batch_size,
                                          progress=bar.update, on_error=warn, on_start=start,
                                          on_note=lambda line: bar.write(f"warning: {line}",
                                                                         file=sys.stderr),
                                          gazetteers=gazetteers)
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if client is not None:
            client.close()
    click.echo(summary.line(), err=True)
    if summary.failed:
        click.get_current_context().exit(EXIT_INCOMPLETE)


def _client(address: str | None) -> Any:
    if address is None:
        return None
    from timeline.store.distributed import connect

    try:
        return connect(address)
    except (OSError, TimeoutError) as exc:
        raise click.ClickException(f"cannot reach the Dask scheduler at {address}: {exc}") from exc

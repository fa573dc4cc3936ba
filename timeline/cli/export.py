"""``timeline export``: events or stories out of an event store, filtered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from timeline.cli.options import output_options, store_option

_SINGULAR = {"events": "event", "stories": "story"}


@click.command(no_args_is_help=True)
@store_option(must_exist=True)
@output_options("events", default="csv")
@click.option("--stories", "what", flag_value="stories",
              help="One row per story (events merged across articles).")
@click.option("--events", "what", flag_value="events", default=True,
              help="One row per event [default].")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Keep events whose interval ends after this day (YYYY-MM-DD).")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Keep events whose interval starts before this day (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, help="Keep this event type (repeatable; any case).")
@click.option("--actor", "actors", multiple=True, help="Keep events with an actor of this name, or whole words of it "
                   "('Blinken' finds 'Antony Blinken'; any case; repeatable).")
@click.option("--place", "places", multiple=True, help="Keep events at this place (any case; repeatable).")
@click.option("--country", "countries", multiple=True,
              help="Keep events in this country, by name or ISO code "
                   "('Ukraine', 'UA'; any case; repeatable).")
@click.option("--search", default="", help="Keep events whose sentence, title or actors contain this text.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Keep events at least this confident.")
@click.option("--without-wrong", is_flag=True,
              help="Leave out events an analyst marked wrong (by default they stay, flagged).")
def export(store: str, output: str | None, fmt: str, what: str, start: datetime | None,
           end: datetime | None, types: tuple[str, ...], actors: tuple[str, ...],
           places: tuple[str, ...], countries: tuple[str, ...], search: str,
           min_confidence: float, without_wrong: bool) -> None:
    """Write the events (or stories) of an event store, filtered, in any export format.

    \b
    Examples:
      timeline export --store corpus.duckdb -o timeline.csv
      timeline export --store corpus.duckdb --stories -o stories.jsonl
      timeline export --store corpus.duckdb --type attack --from 2024-01-01 -o attacks.parquet
    """
    from timeline.errors import TimelineError
    from timeline.export import write_frame
    from timeline.store import EventFilter, Store

    if start is not None and end is not None and start > end:
        raise click.BadParameter(f"--from {start:%Y-%m-%d} is after --to {end:%Y-%m-%d}",
                                 param_hint="'--from' / '--to'")
    where = EventFilter(start=start, end=end, types=types, actors=actors, places=places,
                        countries=countries, text=search, min_confidence=min_confidence)
    try:
        db = Store(store, read_only=True).verify()
        _check_types(types, db)
        frame = db.stories(where) if what == "stories" else db.events(where, edits=not without_wrong)
        write_frame(frame, output, fmt)
    except TimelineError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.FileError(output or "<stdout>", hint=exc.strerror or str(exc)) from exc
    noun = what if len(frame) != 1 else _SINGULAR[what]
    click.echo(f"{len(frame)} {noun} written" + (f" to {output}" if output else ""), err=True)


def _check_types(types: tuple[str, ...], db: Any) -> None:
    """Refuse an event type that is neither in the taxonomy nor in the store."""
    if not types:
        return
    from timeline.events.lexicon import load_event_lexicon

    known = {t.id for t in load_event_lexicon().types} | {"other"}
    known |= set(db.query("SELECT DISTINCT event_type FROM events "
                          "WHERE event_type IS NOT NULL")["event_type"])
    unknown = [t for t in types if t.lower() not in {k.lower() for k in known}]
    if unknown:
        raise click.BadParameter(f"unknown event type {', '.join(map(repr, unknown))}; "
                                 f"known types: {', '.join(sorted(known))}",
                                 param_hint="'--type'")

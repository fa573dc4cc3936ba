"""Options shared by several commands, each defined once as a decorator."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

# The registry imports pandas only inside its functions, so --help stays fast.
from timeline.export import registry

F = TypeVar("F", bound=Callable[..., Any])


def output_options(frame: registry.Frame, default: str) -> Callable[[F], F]:
    """Add ``-o/--output PATH`` and ``--format`` to a command writing ``frame``.

    The ``--format`` choices are the registered formats that can hold ``frame``. The
    command receives ``output`` (a path, or None for standard output) and ``fmt``:
    ``--format``, else the format the suffix of ``--output`` names, else ``default``.
    An unknown suffix, or a binary format bound for standard output, is a usage error
    naming the formats.
    """
    formats = registry.names(frame)
    if default not in formats:
        raise ValueError(f"default format {default!r} is not one of {formats}")

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def resolved(*args: Any, output: str | None, fmt: str | None, **kwargs: Any) -> Any:
            if output == "-":
                output = None
            try:
                fmt = registry.choose(output, fmt, frame, default).name
            except ValueError as exc:
                raise click.UsageError(str(exc)) from exc
            return command(*args, output=output, fmt=fmt, **kwargs)

        resolved = click.option(
            "--format",
            "fmt",
            type=click.Choice(formats, case_sensitive=False),
            default=None,
            help=f"Output format [default: from the --output suffix, else {default}].",
        )(resolved)
        resolved = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True, allow_dash=True),
            default=None,
            help="Write to this file (atomically) instead of standard output.",
        )(resolved)
        return resolved  # type: ignore[return-value]

    return decorate


def _parse_published(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """Turn ``--published`` into a Timestamp, or report a usage error naming the value."""
    if value is None:
        return None
    from timeline.published import parse_published  # imports pandas; only when used

    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


def published_option(command: F) -> F:
    """Add ``--published DATE``: the publication date, as a pandas Timestamp or None."""
    return click.option(
        "--published",
        metavar="DATE",
        default=None,
        callback=_parse_published,
        help="Publication date with day, month and year (e.g. 2023-01-19) for input "
        "that carries none: the reference for relative dates such as 'on Tuesday'. "
        "Words such as 'yesterday' are refused: the clock is never read. Without it, "
        "the date is inferred from the text.",
    )(command)


def store_option(*, must_exist: bool) -> Callable[[F], F]:
    """Add ``--store DB``: the event store (a DuckDB file), created unless ``must_exist``."""

    def decorate(command: F) -> F:
        return click.option(
            "--store",
            metavar="DB",
            required=True,
            type=click.Path(dir_okay=False, exists=must_exist),
            help="The event store, a DuckDB file"
            + ("." if must_exist else " (created when missing)."),
        )(command)

    return decorate


def gazetteer_option(command: F) -> F:
    """Add ``--gazetteer PATH`` (repeatable): user gazetteers, as ``gazetteers``."""
    return click.option(
        "--gazetteer",
        "gazetteers",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra places: a GeoNames text file (e.g. UA.txt from the GeoNames country "
        "dumps) or a CSV with name, latitude, longitude [, country, admin1, admin2]; "
        "searched before the bundled gazetteer. Repeatable.",
    )(command)

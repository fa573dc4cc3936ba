"""Options shared by several commands, each defined once as a decorator."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

# export imports pandas only inside its functions, so --help stays fast.
from timeline.export import SUFFIX_FORMATS

F = TypeVar("F", bound=Callable[..., Any])



def output_options(formats: tuple[str, ...], default: str) -> Callable[[F], F]:
    """Add ``-o/--output PATH`` and ``--format`` to a command.

    The command receives ``output`` (a path, or None for standard output) and ``fmt``.
    Without ``--format``, the format comes from the suffix of ``--output`` when that
    is one of ``formats``, else it is ``default``.
    """
    if default not in formats:
        raise ValueError(f"default format {default!r} is not one of {formats}")

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def resolved(*args: Any, output: str | None, fmt: str | None, **kwargs: Any) -> Any:
            if output == "-":
                output = None
            fmt = fmt or _format_for(output, formats, default)
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


def _format_for(output: str | None, formats: tuple[str, ...], default: str) -> str:
    if output is None:
        return default
    fmt = SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower(), default)
    return fmt if fmt in formats else default


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
        help="Publication date (e.g. 2023-01-19) for input that carries none: the "
        "reference for relative dates such as 'on Tuesday'. Without it, the date is "
        "inferred from the text.",
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

"""Command-line interface: thin commands over the library.

Each command lives in its own module and is imported only when it is invoked, so
``timeline --help`` does not pay for spaCy or Panel.
"""

from __future__ import annotations

from importlib import import_module

import click

_COMMANDS: dict[str, tuple[str, str]] = {
    "times": ("timeline.cli.times", "Find time expressions in an article and resolve them."),
    "extract": ("timeline.cli.extract", "Extract an event timeline from articles."),
    "serve": ("timeline.cli.serve", "Serve the interactive dashboard."),
    "ingest": ("timeline.cli.ingest", "Add articles to an event store, incrementally."),
    "export": ("timeline.cli.export", "Write the events or stories of an event store."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = _COMMANDS.get(name)
        if entry is None:
            return None
        return getattr(import_module(entry[0]), name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in sorted(_COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="timeline")
def main() -> None:
    """Turn news articles into an event timeline: who did what, where and when.

    \b
    Examples:
      timeline times article.txt --published 2023-01-19
      timeline extract corpus/ -o timeline.csv
      timeline serve
    """

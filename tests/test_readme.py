"""The README is the front door: every CLI option and every output column is in it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from timeline import schema
from timeline.cli import main
from timeline.export import registry
from timeline.temporal.frame import to_frame

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _options(name: str) -> list[str]:
    command = main.get_command(click.Context(main), name)
    assert command is not None, name
    return [
        flag
        for param in command.params
        if isinstance(param, click.Option) and param.name != "help"
        for flag in (*param.opts, *param.secondary_opts)
        if flag.startswith("--")
    ]


@pytest.mark.parametrize("command", ["times", "extract", "serve"])
def test_every_cli_option_is_documented(command: str) -> None:
    missing = [flag for flag in _options(command) if flag not in README]
    assert not missing, f"timeline {command}: {missing} not in README.md"


def test_every_event_column_is_documented() -> None:
    missing = [c for c in schema.EVENT_COLUMNS if f"| `{c}` |" not in README]
    assert not missing, f"event columns missing from README.md: {missing}"


def test_every_time_expression_column_is_documented() -> None:
    missing = [c for c in to_frame([]).columns if f"`{c}`" not in README]
    assert not missing, f"find_times columns missing from README.md: {missing}"


def test_quick_start_commands_come_first() -> None:
    first_block = README.split("```")[1]
    assert "make serve" in first_block and "make test" in first_block


def _format_row(fmt: registry.Format) -> str:
    suffixes = ", ".join(f"`{suffix}`" for suffix in fmt.suffixes)
    kind = "binary" if fmt.binary else "text"
    read = "yes" if fmt.read is not None else "no"
    holds = ", ".join(sorted(fmt.frames))
    return f"| `{fmt.name}` | {suffixes} | {fmt.label} | {kind} | {read} | {holds} |"


def test_every_registered_format_is_documented() -> None:
    section = README.split("### Output formats", 1)[1].split("\n#", 1)[0]
    table = section.split("| --- |", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert rows == [_format_row(fmt) for fmt in registry.FORMATS.values()]


@pytest.mark.parametrize(("command", "frame"), [("times", "times"), ("extract", "events")])
def test_synopsis_lists_each_commands_formats(command: str, frame: registry.Frame) -> None:
    assert f"[--format {'|'.join(registry.names(frame))}]" in README

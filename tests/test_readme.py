"""The README is the front door: its synopsis and schema tables match the code.

Each check reads the README's own structure (the synopsis block under "Command line",
the tables under "Output schema"), so a name mentioned elsewhere in the prose does
not count as documented.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from timeline import schema
from timeline.cli import main
from timeline.export import registry
from timeline.temporal.frame import to_frame

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = ("times", "extract", "serve")


def section(heading: str, text: str = README) -> str:
    """The lines after the heading that starts with ``heading``, up to the next heading."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(heading)]
    assert len(starts) == 1, f"expected one heading {heading!r} in README.md, found {len(starts)}"
    body: list[str] = []
    for line in lines[starts[0] + 1:]:
        if re.match(r"#{1,6} ", line):
            break
        body.append(line)
    return "\n".join(body)


def table_rows(text: str) -> list[list[str]]:
    """Cells of the first markdown table in ``text``, without its header and rule."""
    rows = [line for line in text.splitlines() if line.lstrip().startswith("|")]
    assert len(rows) > 2, f"no markdown table in:\n{text}"
    cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows]
    assert set("".join(cells[1])) <= set("-: "), f"second row is not a table rule: {rows[1]}"
    return cells[2:]


def documented(text: str) -> dict[str, list[str]]:
    """Column name -> the other cells of its row; a first cell may name several columns."""
    out: dict[str, list[str]] = {}
    for first, *rest in table_rows(text):
        for name in re.findall(r"`([^`]+)`", first):
            assert name not in out, f"column {name!r} documented twice"
            out[name] = rest
    return out


def synopsis(command: str) -> str:
    """The usage lines for ``timeline COMMAND`` in the Command line section's code block."""
    block = section("## Command line").split("```")[1]
    usage: list[str] = []
    current = None
    for line in block.splitlines():
        if line.startswith("timeline "):
            current = line.split()[1]
        if current == command and line.strip():
            usage.append(line.strip())
    assert usage, f"no synopsis for 'timeline {command}' in README.md"
    return " ".join(usage)


def options(command: str) -> dict[str, click.Option]:
    found = main.get_command(click.Context(main), command)
    assert found is not None, command
    return {
        flag: param
        for param in found.params
        if isinstance(param, click.Option) and param.name != "help"
        for flag in (*param.opts, *param.secondary_opts)
        if flag.startswith("--")
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_synopsis_lists_every_option_of_the_command(command: str) -> None:
    usage = synopsis(command)
    flags = set(re.findall(r"--[a-z][a-z-]*", usage))
    expected = set(options(command))
    assert flags == expected, (
        f"timeline {command}: missing from the README synopsis {sorted(expected - flags)}, "
        f"documented but not an option {sorted(flags - expected)}")


@pytest.mark.parametrize("command", COMMANDS)
def test_synopsis_choices_match_the_command(command: str) -> None:
    usage = synopsis(command)
    for flag, option in options(command).items():
        if isinstance(option.type, click.Choice):
            written = re.search(re.escape(flag) + r" ([\w|-]+)", usage)
            assert written, f"timeline {command}: {flag} shows no choices in the README"
            assert written.group(1).split("|") == list(option.type.choices), flag


def test_event_table_matches_the_schema() -> None:
    table = documented(section("### Events"))
    columns = list(schema.EVENT_COLUMNS)
    assert set(table) == set(columns), (
        f"missing from the README table: {sorted(set(columns) - set(table))}, "
        f"not columns: {sorted(set(table) - set(columns))}")
    assert list(table) == columns, "the README lists the event columns in another order"
    wrong = {name: (cells[0], schema.EVENT_DTYPES[name])
             for name, cells in table.items() if cells[0] != schema.EVENT_DTYPES[name]}
    assert not wrong, f"README dtype differs from the schema (README, schema): {wrong}"


def test_time_expression_table_matches_the_frame() -> None:
    table = documented(section("### Time expressions"))
    columns = list(to_frame([]).columns)
    assert set(table) == set(columns), (
        f"missing from the README table: {sorted(set(columns) - set(table))}, "
        f"not columns: {sorted(set(table) - set(columns))}")
    assert list(table) == columns, "the README lists the columns in another order"


def test_deleting_a_table_fails_the_check() -> None:
    # The check must read the table, not find the names anywhere in the README.
    events = section("### Events")
    without = README.replace(events, "\nThe event table is described elsewhere.\n")
    with pytest.raises(AssertionError, match="no markdown table"):
        documented(section("### Events", without))


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


def test_taxonomy_table_matches_the_rules() -> None:
    from timeline.events.lexicon import load_event_lexicon

    start = README.index("| our type | sub-types | ACLED event type |")
    table = README[start:README.index("\n\n", start)]
    rows = {line.split("|")[1].strip(" `"): [c.strip() for c in line.split("|")[2:-1]]
            for line in table.splitlines()[2:]}
    for entry in load_event_lexicon().types:
        assert entry.id in rows, f"type {entry.id!r} missing from the README taxonomy table"
        _, acled_type, acled_subs, cameo, plover = rows[entry.id]
        # A sub-type ACLED codes apart is named after the type's own ("– (combatants
        # killed: Battles)").
        assert acled_type.split(" (")[0] == (entry.acled_type or "–"), entry.id
        assert (entry.acled_sub_type or "–") in acled_subs, entry.id
        for sub in entry.sub_types:
            assert f"{sub.id}: {sub.acled_type}" in acled_type or not sub.acled_type, sub.id
            assert sub.acled_sub_type in acled_subs, sub.id
        assert (entry.cameo or "–") in cameo.split(", ") or entry.cameo is None, entry.id
        assert plover == (entry.plover or "–"), entry.id


def test_make_lab_installs_jupyterlab_and_opens_the_notebooks() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    assert any(req.startswith("jupyterlab") for req in extras["lab"])
    makefile = (root / "Makefile").read_text()
    target = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "jupyter lab notebooks/" in target
    assert '".[dev,lab]"' in makefile and "make lab" in README.split("```")[1]

"""The reference-event knowledge base: bundled events, aliases, user files and errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.errors import ResourceError
from timeline.temporal.event_mentions import find_event_mentions
from timeline.temporal.knowledge import ReferenceEvent, load_events, resolve_events

EVENTS = load_events()
EXAMPLES = [(event.id, example) for event in EVENTS for example in event.examples]


def _named(text: str, events: tuple[ReferenceEvent, ...] = EVENTS) -> list[str]:
    return [m.event.id for m in find_event_mentions(text, events)]


def test_bundled_events_cite_a_source() -> None:
    # Ids and examples are checked by the loader; a source is this file's own rule.
    assert len(EVENTS) >= 25
    for event in EVENTS:
        assert event.source, event.id


@pytest.mark.parametrize(("event_id", "text"), EXAMPLES, ids=[f"{i}:{t}" for i, t in EXAMPLES])
def test_every_example_names_its_event(event_id: str, text: str) -> None:
    found = _named(text)
    assert event_id in found, f"text={text!r} expected={event_id} actual={found}"


# Dates checked by hand against the cited sources.
KNOWN = [
    ("the invasion began; Ukraine fought back", "russia-invades-ukraine-2022", date(2022, 2, 24)),
    ("the war goes on, Kyiv says", "russia-invades-ukraine-2022", date(2022, 2, 24)),
    ("Russia's invasion", "russia-invades-ukraine-2022", date(2022, 2, 24)),
    ("the full-scale invasion", "russia-invades-ukraine-2022", date(2022, 2, 24)),
    ("the 7 October attack", "hamas-attack-israel-2023", date(2023, 10, 7)),
    ("since October 7", "hamas-attack-israel-2023", date(2023, 10, 7)),
    ("the Hamas attack", "hamas-attack-israel-2023", date(2023, 10, 7)),
    ("the pandemic declaration", "who-pandemic-declaration-2020", date(2020, 3, 11)),
    ("after 9/11", "september-11-attacks-2001", date(2001, 9, 11)),
    ("the September 11 attacks", "september-11-attacks-2001", date(2001, 9, 11)),
    ("the Brexit referendum", "brexit-referendum-2016", date(2016, 6, 23)),
    ("the Capitol attack", "capitol-attack-2021", date(2021, 1, 6)),
    ("the annexation of Crimea", "crimea-annexation-2014", date(2014, 3, 18)),
    ("the fall of Kabul", "fall-of-kabul-2021", date(2021, 8, 15)),
]


@pytest.mark.parametrize(("text", "event_id", "day"), KNOWN, ids=[k[0] for k in KNOWN])
def test_known_events_and_dates(text: str, event_id: str, day: date) -> None:
    mentions = find_event_mentions(text, EVENTS)
    actual = [(m.event.id, m.event.date) for m in mentions]
    assert (event_id, day) in actual, f"text={text!r} expected={(event_id, day)} actual={actual}"


def test_recurring_events_have_months() -> None:
    by_id = {e.id: e for e in EVENTS}
    assert by_id["world-economic-forum-davos"].month == 1
    assert by_id["munich-security-conference"].month == 2
    assert by_id["un-general-assembly-general-debate"].month == 9
    assert by_id["world-economic-forum-davos"].recurring


def test_vague_alias_needs_context() -> None:
    assert _named("The war changed everything for the family.") == []
    assert _named("The war in the south, Israel said, goes on in Gaza.") == [
        "hamas-attack-israel-2023"
    ]
    assert _named("The war, Ukraine said, goes on.") == ["russia-invades-ukraine-2022"]


def test_most_context_wins_for_shared_vague_alias() -> None:
    text = "Hamas said the war in Gaza and Israel's strikes went on; Russia stayed silent. The war"
    assert _named(text)[-1] == "hamas-attack-israel-2023"


def test_mention_offsets_point_into_text() -> None:
    text = "Two years after Russia’s invasion of Ukraine, talks resumed."
    (mention,) = find_event_mentions(text, EVENTS)
    assert text[mention.start:mention.end] == "Russia’s invasion of Ukraine"
    assert not mention.generic


# --- user events -------------------------------------------------------------------

YAML_EVENTS = """
events:
  - id: acme-merger
    name: Acme-Widget merger
    date: 2020-05-01
    aliases: [the Acme merger]
    examples: ["after the Acme merger"]
"""


def test_yaml_file_adds_events(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML_EVENTS, encoding="utf-8")
    events = load_events(path)
    assert len(events) == len(EVENTS) + 1
    assert _named("after the Acme merger", events) == ["acme-merger"]


def test_csv_file_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,name,date,month,aliases,generic_aliases,context\n"
        "acme-merger,Acme merger,2020-05-01,,the Acme merger|the merger,,\n"
        "russia-invades-ukraine-2022,Invasion (user copy),2022-02-24,,the big invasion,,\n"
        "town-fair,Town fair,,7,the town fair,,\n",
        encoding="utf-8",
    )
    events = load_events(str(path))
    by_id = {e.id: e for e in events}
    assert by_id["acme-merger"].aliases == ("the Acme merger", "the merger")
    assert by_id["russia-invades-ukraine-2022"].name == "Invasion (user copy)"
    assert by_id["town-fair"].month == 7 and by_id["town-fair"].recurring
    assert len(events) == len(EVENTS) + 2


def test_list_of_dicts_and_resolve_events() -> None:
    extra = [{"id": "acme-merger", "name": "Acme merger", "date": "2020-05-01",
              "aliases": ["the Acme merger"]}]
    assert _named("the Acme merger", load_events(extra)) == ["acme-merger"]
    assert resolve_events(extra)[-1].date == date(2020, 5, 1)
    assert resolve_events(None) == EVENTS
    only = (ReferenceEvent("x", "X day", date(2001, 1, 1), aliases=("X day",)),)
    assert resolve_events(only) == only


BAD_FILES = [
    ("events: [", "not valid YAML"),
    ("events: {a: 1}", "expected a list"),
    ("- {id: a, date: 2020-01-01, aliases: [x]}", "name is missing"),
    ("- {id: a, name: A, aliases: [x]}", "either date"),
    ("- {id: a, name: A, date: 2020-01-01, month: 3, aliases: [x]}", "either date"),
    ("- {id: a, name: A, date: 2022-02-30, aliases: [x]}", "not a YYYY-MM-DD date"),
    ("- {id: a, name: A, month: 13, aliases: [x]}", "outside 1..12"),
    ("- {id: a, name: A, date: 2020-01-01}", "at least one alias"),
    ("- {id: a, name: A, date: 2020-01-01, generic_aliases: [the war]}", "need context"),
    ("- {id: A B, name: A, date: 2020-01-01, aliases: [x]}", "id must be"),
    ("- {id: a, name: A, date: 2020-01-01, aliases: [x], when: soon}", "unknown field"),
    ("- {id: a, name: A, date: 2020-01-01, aliases: [x]}\n- {id: a, name: B, date: 2021-01-01, aliases: [y]}",
     "duplicate"),
    ("- {id: a, name: A, month: 1, occurrences: [[2020-01-05, 2020-01-01]], aliases: [x]}",
     "ends before"),
]


@pytest.mark.parametrize(("content", "problem"), BAD_FILES, ids=[b[1] for b in BAD_FILES])
def test_bad_files_raise_naming_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "broken_events.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_events(path)
    assert "broken_events.yaml" in str(info.value) and problem in str(info.value), str(info.value)


def test_missing_and_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="nowhere.yaml.*not found"):
        load_events(tmp_path / "nowhere.yaml")
    other = tmp_path / "events.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"events.txt.*\.csv"):
        load_events(other)
    binary = tmp_path / "events.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ResourceError, match="events.csv"):
        load_events(binary)


def test_bad_csv_row_names_line(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("id,name,date,aliases\nok-one,One,2020-01-01,x\nbad,Bad,someday,y\n",
                    encoding="utf-8")
    with pytest.raises(ResourceError, match=r"e.csv:3.*someday"):
        load_events(path)


def test_bad_dict_in_argument() -> None:
    with pytest.raises(ResourceError, match="events argument.*name is missing"):
        load_events([{"id": "a", "date": "2020-01-01", "aliases": ["x"]}])

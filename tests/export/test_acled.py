"""ACLED layout: our events written with ACLED's columns and codes, and ACLED data read in."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from timeline.export import read_timeline, write_file
from timeline.export.acled import ACLED_COLUMNS, beside

# A few rows as ACLED's own export gives them (hand-made, in ACLED's layout).
ACLED_DOWNLOAD = """\
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
UKR1001,17 January 2023,2023,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,78,Civilian targeting,804,Europe,Ukraine,Kharkivska,Kharkivskyi,Kharkiv,Kharkiv,49.9935,36.2304,1,Ukrinform,National,Russian forces shelled Kharkiv.,2,,1674500000
UKR1002,15 January 2023,2023,3,Demonstrations,Protests,Peaceful protest,Protesters (Ukraine),Women (Ukraine); Students (Ukraine),6,,,0,60,,804,Europe,Ukraine,Kyiv City,,,Kyiv,50.45,30.5236,3,Suspilne,National,Protest in Kyiv.,0,crowd size=dozens,1674500000
"""


def cells(path: Path) -> list[dict[str, str]]:
    """The file as ACLED's own readers see it: a CSV with ACLED's header."""
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_columns_and_codes_are_acleds(tmp_path: Path, timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "events.acled.csv"
    write_file(timeline_frame, path)
    with open(path, encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == list(ACLED_COLUMNS)
    dated, undated = cells(path)
    assert (dated["event_date"], dated["year"], dated["time_precision"]) == (
        "2023-01-17", "2023", "1")
    assert (dated["event_type"], dated["sub_event_type"], dated["disorder_type"]) == (
        "Strategic developments", "Other", "Strategic developments")
    assert (dated["actor1"], dated["actor2"]) == ("Mark Milley", "Valerii Zaluzhnyi")
    assert (dated["location"], dated["country"], dated["geo_precision"]) == (
        "southwestern Poland", "Poland", "2")
    assert dated["latitude"] == "50.06" and dated["longitude"] == "19.94"
    assert dated["fatalities"] == ""  # unknown, never 0
    assert dated["tags"] == "timeline: meet; confidence: 0.9"
    assert undated["event_date"] == "" and undated["time_precision"] == ""


@pytest.mark.parametrize(("granularity", "start", "end", "day", "code"), [
    ("hour", "2023-01-17 10:00", "2023-01-17 11:00", "2023-01-17", "1"),
    ("week", "2023-01-16", "2023-01-23", "2023-01-19", "2"),
    ("month", "2023-01-01", "2023-02-01", "2023-01-16", "3"),
    ("year", "2023-01-01", "2024-01-01", "2023-07-02", "3"),
])
def test_coarse_dates_are_the_middle_of_their_interval(
    tmp_path: Path, one_event: Callable[..., pd.DataFrame],
    granularity: str, start: str, end: str, day: str, code: str,
) -> None:
    path = tmp_path / "e.acled.csv"
    write_file(one_event(granularity=granularity, date=start, start=start, end=end), path)
    [row] = cells(path)
    assert (row["event_date"], row["time_precision"]) == (day, code)


@pytest.mark.parametrize(("event_type", "acled_type", "sub_type"), [
    ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("clash", "Battles", "Armed clash"),
    ("meet", "Strategic developments", "Other"),  # ACLED does not code meetings
    ("protest", "Protests", "Peaceful protest"),
    ("agreement", "Strategic developments", "Agreement"),
])
def test_our_types_map_onto_acleds(tmp_path: Path, one_event: Callable[..., pd.DataFrame],
                                   event_type: str, acled_type: str, sub_type: str) -> None:
    path = tmp_path / "e.acled.csv"
    write_file(one_event(event_type=event_type), path)
    [row] = cells(path)
    assert (row["event_type"], row["sub_event_type"]) == (acled_type, sub_type)


def test_acled_columns_in_the_frame_win(tmp_path: Path,
                                        one_event: Callable[..., pd.DataFrame]) -> None:
    frame = one_event(event_type="attack").assign(
        acled_event_type="Violence against civilians", acled_sub_event_type="Abduction/forced disappearance",
        actor1="Military Forces of Russia", actor2="Civilians (Ukraine)",
        assoc_actors=[["Wagner Group", "Rosgvardia"]], fatalities=3.0, admin1="Kharkivska",
        admin2="Izium", geo_precision="1")
    path = tmp_path / "e.acled.csv"
    write_file(frame, path)
    [row] = cells(path)
    assert row["event_type"] == "Violence against civilians"
    assert row["sub_event_type"] == "Abduction/forced disappearance"
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == (
        "Military Forces of Russia", "Wagner Group; Rosgvardia", "Civilians (Ukraine)")
    assert (row["fatalities"], row["admin1"], row["admin2"], row["geo_precision"]) == (
        "3", "Kharkivska", "Izium", "1")


def test_cells_are_spreadsheet_safe(tmp_path: Path,
                                    one_event: Callable[..., pd.DataFrame]) -> None:
    path = tmp_path / "e.acled.csv"
    write_file(one_event(sentence="=1+2", actors=["@SUM(A1)", "B"]), path)
    [row] = cells(path)
    assert row["notes"] == "'=1+2" and row["actor1"] == "'@SUM(A1)"
    back = read_timeline(path)
    assert back["sentence"][0] == "=1+2" and back["actors"][0] == ["@SUM(A1)", "B"]


def test_our_acled_file_reads_back_as_the_same_events(
    tmp_path: Path, timeline_frame: pd.DataFrame,
) -> None:
    path = tmp_path / "events.acled.csv"
    write_file(timeline_frame, path)
    back = read_timeline(path)
    assert list(back["event_id"]) == ["e1", "e2"]
    assert list(back["event_type"].astype(str)) == ["meet", "statement"]
    assert back["actors"][0] == ["Mark Milley", "Valerii Zaluzhnyi"]
    assert back["start"][0] == pd.Timestamp("2023-01-17")
    assert back["granularity"][0] == "day" and back["geo_precision"][0] == 2
    assert back["place_precision"][0] == "region"
    assert list(back["confidence"]) == [0.9, 0.4]
    assert set(back["source"]) == {"acled"}


def test_an_acled_download_loads_into_the_event_schema(tmp_path: Path) -> None:
    path = tmp_path / "2023-01-01-2023-01-31-Ukraine.csv"  # ACLED's own name: plain .csv
    path.write_text(ACLED_DOWNLOAD, encoding="utf-8")
    events = read_timeline(path)
    assert list(events["event_id"]) == ["UKR1001", "UKR1002"]
    assert list(events["source"]) == ["acled", "acled"]
    shelling, protest = events.to_dict("records")
    assert shelling["event_type"] == "shelling" and shelling["granularity"] == "day"
    assert shelling["start"] == pd.Timestamp("2023-01-17")
    assert shelling["end"] == pd.Timestamp("2023-01-18")
    assert shelling["actors"] == ["Military Forces of Russia (2000-)", "Civilians (Ukraine)"]
    assert (shelling["place"], shelling["geo_precision"], shelling["place_precision"]) == (
        "Kharkiv", 1, "city")
    assert (shelling["actor1"], shelling["actor2"]) == ("Military Forces of Russia (2000-)",
                                                        "Civilians (Ukraine)")
    assert shelling["fatalities"] == 2 and shelling["sentence"] == "Russian forces shelled Kharkiv."
    assert protest["event_type"] == "protest" and protest["granularity"] == "month"
    assert (protest["start"], protest["end"]) == (pd.Timestamp("2023-01-01"),
                                                  pd.Timestamp("2023-02-01"))
    assert protest["actors"] == ["Protesters (Ukraine)", "Women (Ukraine)", "Students (Ukraine)"]
    assert protest["assoc_actors"] == ["Women (Ukraine)", "Students (Ukraine)"]
    assert protest["tags"] == ["crowd size=dozens"]
    assert protest["acled_sub_event_type"] == "Peaceful protest"


def test_acled_events_sit_beside_extracted_ones(tmp_path: Path,
                                               timeline_frame: pd.DataFrame) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_DOWNLOAD, encoding="utf-8")
    both = beside(timeline_frame, read_timeline(path))
    assert list(both["source"]) == ["extracted", "extracted", "acled", "acled"]
    assert list(both["event_id"]) == ["e1", "e2", "UKR1001", "UKR1002"]


def test_a_bad_event_date_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_DOWNLOAD.replace("15 January 2023", "someday"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"acled\.csv.*line 3.*'someday'"):
        read_timeline(path)


@pytest.mark.parametrize(("actor1", "actor2", "country", "event_type", "codes"), [
    # A state's forces at home are State forces (1), abroad External forces (8), as
    # ACLED codes Russia's in Ukraine; civilians attacked are Civilian targeting.
    ("Military Forces of Sudan", "Civilians (Sudan)", "Sudan", "Violence against civilians",
     ("1", "7", "17", "Civilian targeting")),
    ("Military Forces of Russia", "Civilians (Ukraine)", "Ukraine", "Explosions/Remote violence",
     ("8", "7", "78", "Civilian targeting")),
    # A sole actor: its code and 0. Civilians in a protest are no target.
    ("Protesters (Kenya)", "", "Kenya", "Protests", ("6", "", "60", "")),
    # A named group's type the text does not give: no code, no interaction.
    ("Al Shabaab", "Military Forces of Somalia", "Somalia", "Battles", ("", "1", "", "")),
    ("Rioters (Kenya)", "Police Forces of Kenya", "Kenya", "Riots", ("5", "1", "15", "")),
])
def test_group_actors_carry_acleds_actor_type_codes(
        tmp_path: Path, one_event: Callable[..., pd.DataFrame], actor1: str, actor2: str,
        country: str, event_type: str, codes: tuple[str, str, str, str]) -> None:
    frame = one_event(event_type="attack").assign(
        acled_event_type=event_type, acled_sub_event_type="", actor1=actor1, actor2=actor2,
        country=country)
    path = tmp_path / "e.acled.csv"
    write_file(frame, path)
    [row] = cells(path)
    assert (row["inter1"], row["inter2"], row["interaction"], row["civilian_targeting"]) == codes


def test_a_story_keeps_its_id_headline_and_first_report(tmp_path: Path) -> None:
    # `timeline export --stories --format acled`: a story's row names it as an event's
    # does, from the story's own columns (its id, headline, first report and its date).
    stories = pd.DataFrame({
        "story_id": ["s1a2b3c4d5e6f7a8"], "event_type": ["shelling"],
        "date": [pd.Timestamp("2024-04-14")], "start": [pd.Timestamp("2024-04-14")],
        "end": [pd.Timestamp("2024-04-15")], "granularity": ["day"], "place": ["El Fasher"],
        "country": ["Sudan"], "latitude": [13.63], "longitude": [25.35],
        "place_precision": ["city"], "actors": [["Rapid Support Forces"]], "n_events": [2],
        "n_sources": [2], "doc_ids": [["r2", "r7"]], "first_report": ["r2"],
        "first_reported": [pd.Timestamp("2024-04-14")],
        "headline": ["The RSF shelled a market, killing at least 20 civilians."],
        "confidence": [0.47], "disagreements": [[]],
    })
    write_file(stories, tmp_path / "stories.acled.csv")
    expected = {
        "event_id_cnty": "s1a2b3c4d5e6f7a8", "source": "r2",
        "notes": "The RSF shelled a market, killing at least 20 civilians.",
        "timestamp": "1713052800",  # 2024-04-14 00:00 UTC
        "event_date": "2024-04-14", "actor1": "Rapid Support Forces", "location": "El Fasher",
    }
    [row] = cells(tmp_path / "stories.acled.csv")
    assert {name: row[name] for name in expected} == expected

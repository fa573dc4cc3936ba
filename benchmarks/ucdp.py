"""Score conflict coding against UCDP GED events for Ukraine, from their headlines.

Usage::

    python -m benchmarks.ucdp [FILE] [--limit N] [--processes N]

With no FILE, ``../shared/eval/ucdp/ucdp_ged_ukraine.jsonl`` (relative to the project
root) is read. Every source headline is extracted with its own date as ``published``;
an event's extracted events are those of all its headlines, and its *primary* event
is the first one ACLED codes (a conflict event), else the first typed one, else the
first. Per UCDP event:

* date: the primary event's date lies within UCDP's ``date_start``..``date_end``;
* place: the primary event's place is no coarser than UCDP's precision (a town for
  UCDP's town or "near" it, precision 1-2; a district at best for its admin-2 area, 3;
  an admin-1 area at best for its admin-1 area, 4-5; any place in the country for the
  country, 6), and lies within 25 km of UCDP's point or names UCDP's place like for
  like, in UCDP's admin-1 area and country: our town UCDP's town (by its first five
  letters), our town or district UCDP's admin-2 area (precision 3), our admin-1 area
  UCDP's (4), our place or its areas UCDP's larger area or its admin-1 area, or
  another name of one place in the curated gazetteer (5: "Donbas" is UCDP's "Donets
  Basin Area"). A namesake elsewhere ("Pisky" in Poltava for Pisky near Donetsk) or an
  oblast for a village is not UCDP's place. Two more lines put the figure in context: the same test on the most
  precisely placed event among all the event's reports (UCDP codes the most precise
  location its sources give, not the first report's), and the ceiling, the share of
  events one of whose headlines names a gazetteer place that passes the test at all
  (most UCDP points come from article bodies the headlines do not carry; UCDP's own
  location notes in the source list, bare names or short runs of names and place
  words such as "Donetsk airport", are no headlines);
* actor: ``side_a`` or ``side_b`` is among the primary event's actors (actor1, actor2,
  associated actors and named actors), through ``SIDE_WORDS``; a "Government of X" side
  only through the state itself ("X", "Military Forces of X"), not through civilians
  or groups in X ("Civilians (X)");
* deaths: the primary event states fatalities, and they equal UCDP's ``best`` (or lie
  within ``low``..``high``);
* coded: the primary event is one ACLED codes (all UCDP events are political violence).

A baseline dating every event with its first headline's date is printed beside it.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UCDP = PROJECT_ROOT.parent / "shared" / "eval" / "ucdp" / "ucdp_ged_ukraine.jsonl"
#: Distance within which a place counts as UCDP's, as the issue sets it.
PLACE_KM = 25.0
#: The country of the UCDP events the benchmark reads (GED's ``country`` column, which
#: the JSON lines leave out).
COUNTRY = "Ukraine"
#: UCDP's precision codes: 1 the place, 2 near it, 3 its admin-2 area, 4 its admin-1
#: area, 5 a larger area, 6 only the country.
PREC_NEAR, PREC_ADMIN2, PREC_ADMIN1, PREC_AREA, PREC_COUNTRY = 2, 3, 4, 5, 6
#: Words by which our actors name UCDP's sides (UCDP's vocabulary to ours).
SIDE_WORDS: dict[str, tuple[str, ...]] = {
    "DPR": ("dpr", "donetsk people", "separatist", "rebel", "insurgent", "militant",
            "pro-russian", "unidentified armed group"),
    "LPR": ("lpr", "luhansk people", "lugansk people", "separatist", "rebel", "insurgent",
            "militant", "pro-russian", "unidentified armed group"),
    "United Armed Forces of Novorossiya": ("novorossiya", "separatist", "rebel", "insurgent",
                                           "militant", "pro-russian", "unidentified armed group"),
    "Maidan": ("protester", "maidan", "activist"),
    "Civilians": ("civilian",),
}
CONFLICT_FIRST = ("acled", "typed", "any")


@dataclass(frozen=True)
class Scores:
    """One UCDP event's results."""

    found: bool
    date: bool
    place: bool
    located: bool
    #: The most precisely placed event among all the reports' events passes ``place_ok``.
    place_reports: bool
    #: Some headline names a gazetteer place that passes ``place_ok`` (the ceiling).
    place_named: bool
    actor: bool
    deaths_stated: bool
    deaths: bool
    baseline_date: bool
    #: The primary event is one ACLED codes (a conflict event), not only typed.
    coded: bool = False


def primary(rows: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event that stands for a UCDP event: conflict-coded first, then typed."""
    for rows_of in ([r for r in rows if r.get("acled_event_type")],
                    [r for r in rows if r.get("event_type") not in {"other", None}], rows):
        if rows_of:
            return rows_of[0]
    return None


#: Event types that happen somewhere (not statements or unclassified clauses).
UNPLACED_TYPES = frozenset({"other", "statement"})
#: A capitalised run of words in a headline: a candidate place name for the ceiling.
NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")


def best_placed(rows: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The most precisely placed event of all the reports (earliest on ties)."""
    placed = [r for r in rows if r.get("event_type") not in UNPLACED_TYPES
              and r.get("latitude") is not None and r.get("latitude") == r.get("latitude")]
    return min(placed, key=lambda r: _precision(r.get("geo_precision")), default=None)


def _precision(code: Any) -> int:
    return 9 if code is None or code != code else int(code)


def headline_names_place(event: dict[str, Any]) -> bool:
    """True when some headline names a place (any gazetteer name, read with Ukraine as
    the country) that passes ``place_ok``: the best a headline reader can do. A
    "headline" that is a bare name ("Debaltseve") is UCDP's own location note in the
    source list, not a report, and reports no event: it does not count."""
    from timeline.events import places

    for source in event["sources"]:
        headline = (source.get("headline") or "").strip()
        if is_location_note(headline):
            continue
        for name in (n for m in NAME_RUN.finditer(headline) for n in _names_in(m.group(0))):
            found = places.geocode(name, (COUNTRY,))
            if found is not None and place_ok(event, {
                    "latitude": found.latitude, "longitude": found.longitude,
                    "place": found.name, "admin1": found.admin1, "admin2": found.admin2,
                    "country": found.country, "place_precision": found.precision,
                    "geo_precision": places.geo_precision(found)}):
                return True
    return False


#: Longest location note, in words ("near the village of Donetskiy" is a sentence's).
NOTE_WORDS = 4
#: Words of a location note besides names: feature words, "near", "basin".
NOTE_EXTRA = frozenset({"basin", "hill", "railway", "-", "of", "the"})


def is_location_note(headline: str) -> bool:
    """True for UCDP's location notes in the source list, which report no event: a
    bare name ("Debaltseve") or a short run of names and place words ("Donetsk
    airport", "Donets basin area", "near Luhansk", "Marinovka checkpoint")."""
    if NAME_RUN.fullmatch(headline):
        return True
    from timeline.events.lexicon import load_location_words

    words = load_location_words()
    place_words = words.feature_words | words.area_features | words.near | NOTE_EXTRA
    parts = headline.split()
    return 0 < len(parts) <= NOTE_WORDS and any(p[:1].isupper() for p in parts) and all(
        p[:1].isupper() or p.lower().rstrip(".") in place_words for p in parts)


def _names_in(run: str, longest: int = 3) -> list[str]:
    """Every name of up to ``longest`` words in a capitalised run, possessives cut:
    "Ukraine's Donetsk" gives "Ukraine", "Donetsk" and both together."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in run.split()]
    return [" ".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, min(len(words), i + longest) + 1)]


def in_interval(day: Any, start: str, end: str) -> bool:
    if day is None or day != day:
        return False
    value = day.date() if isinstance(day, datetime) else day
    return date.fromisoformat(start) <= value <= date.fromisoformat(end)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _stem(name: str) -> str:
    text = name.lower().replace("’", "").replace("'", "")
    for word in (" oblast", " city", " special republican", " raion", " region", " province"):
        text = text.replace(word, "")
    return text.strip()[:5]


def place_ok(event: dict[str, Any], row: dict[str, Any]) -> bool:
    """True when ``row``'s place is UCDP's at UCDP's precision: ours is no coarser than
    UCDP's (a town for a town, an admin-1 area at best for an oblast, any part of the
    country for the country) and lies within ``PLACE_KM`` of UCDP's point or names it,
    like for like (our town UCDP's town, our admin-2 or admin-1 area UCDP's), in the
    same admin-1 area and country (a namesake elsewhere is another place)."""
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat is None or lat != lat:
        return False
    precision = int(event.get("where_prec") or 7)
    country = event.get("country") or COUNTRY
    ours = _granularity(row)
    if precision == PREC_COUNTRY:
        return (row.get("country") or "") == country
    if ours > max(precision, PREC_NEAR) or ours == PREC_COUNTRY:
        return False  # "Donetsk region" for a village, "Ukraine" for an oblast
    if km(float(event["latitude"]), float(event["longitude"]), float(lat), float(lon)) <= PLACE_KM:
        return True
    if (row.get("country") or "") != country:
        return False
    theirs_admin1 = _stem(event.get("adm_1", ""))
    same_admin1 = not theirs_admin1 or _stem(str(row.get("admin1") or "")) == theirs_admin1
    place, admin1, admin2 = (_stem(str(row.get(k) or "")) for k in ("place", "admin1", "admin2"))
    if precision <= PREC_NEAR:
        named = {place} & {_stem(event.get("where_coordinates", ""))}
    elif precision == PREC_ADMIN2:
        named = {place, admin2} & {_stem(event.get("where_coordinates", "")),
                                   _stem(event.get("adm_2", ""))}
    elif precision == PREC_ADMIN1:
        return bool(admin1) and admin1 == theirs_admin1
    else:  # a larger area: its name, or a place in the admin-1 area UCDP gives with it
        named = {place, admin1, admin2} & {_stem(event.get("where_coordinates", "")),
                                           theirs_admin1}
        return bool(named - {""}) or _one_place(str(row.get("place") or ""),
                                                 event.get("where_coordinates", ""))
    return bool(named - {""}) and same_admin1


def _granularity(row: dict[str, Any]) -> int:
    """Our place's precision on UCDP's scale: 1 a town, 3 a part of the country below
    admin-1 (a district, "eastern Ukraine"), 4 an admin-1 area, 6 the country."""
    kind = row.get("place_precision")
    if kind == "country":
        return PREC_COUNTRY
    if kind == "region":
        return PREC_ADMIN1 if row.get("geo_precision") == 3 else PREC_ADMIN2
    return 1


#: Words UCDP writes after a place's name to say what it is ("Donets Basin Area").
UCDP_KINDS = frozenset({"area", "town", "village", "city"})


@functools.cache
def _curated_names() -> dict[str, str]:
    """The id of the project's curated place (``gazetteer_places.yaml``) by each of its
    names, lower-cased: "donbas", "donbass" and "donets basin" are one place."""
    from timeline.events.known_names import load_gazetteer

    return {name.lower(): e.id for e in load_gazetteer() if e.latitude is not None
            for name in (e.name, *e.aliases)}


def _one_place(ours: str, theirs: str) -> bool:
    """True when our place name and UCDP's are names of one curated place, which the
    five-letter stems cannot tell ("Donbas" is UCDP's "Donets Basin Area")."""
    head, _, kind = theirs.rpartition(" ")
    if head and kind.lower() in UCDP_KINDS:
        theirs = head
    names = _curated_names()
    found = names.get(ours.lower())
    return found is not None and found == names.get(theirs.lower())


def actor_ok(event: dict[str, Any], row: dict[str, Any]) -> bool:
    """True when UCDP's side_a or side_b is among the row's actors."""
    names = [str(n).lower() for n in (
        row.get("actor1", ""), row.get("actor2", ""), row.get("actor1_text", ""),
        row.get("actor2_text", ""), *row.get("assoc_actors", []), *row.get("actors", [])) if n]
    text = " | ".join(names)
    for side in (event["side_a"], event["side_b"]):
        if side.startswith("Government of "):
            country = side.removeprefix("Government of ").split(" (")[0].lower()
            if any(_state_of(name, country) for name in names):
                return True
        elif any(word in text for word in SIDE_WORDS.get(side, (side.lower(),))):
            return True
    return False


def _state_of(name: str, country: str) -> bool:
    """True when an actor name is the country's state: the country ("Ukraine"), its
    forces or government ("Military Forces of Ukraine", "Government of Ukraine"), not a
    group or people in it ("Civilians (Ukraine)", "Unidentified Armed Group (Ukraine)")."""
    if name == country:
        return True
    owner = name.rsplit(" of ", 1)[-1].removeprefix("the ")
    return " of " in name and owner.startswith(country)  # "... of the Russian Federation"


def score(event: dict[str, Any], rows: Sequence[dict[str, Any]]) -> Scores:
    """Score one UCDP event against the rows extracted from its headlines."""
    row = primary(rows)
    first_day = min((s["date"] for s in event["sources"]), default="")
    baseline = bool(first_day) and in_interval(date.fromisoformat(first_day),
                                               event["date_start"], event["date_end"])
    reports = best_placed(rows)
    placed = reports is not None and place_ok(event, reports)
    named = headline_names_place(event)
    if row is None:
        return Scores(False, False, False, False, placed, named, False, False, False, baseline)
    stated = row.get("fatalities")
    stated = None if stated is None or stated != stated else int(stated)
    deaths = stated is not None and (stated == int(event["best"]) or
                                     int(event["low"]) <= stated <= int(event["high"]))
    located = row.get("latitude") is not None and row.get("latitude") == row.get("latitude")
    return Scores(True, in_interval(row.get("date"), event["date_start"], event["date_end"]),
                  place_ok(event, row), located, placed, named, actor_ok(event, row),
                  stated is not None,
                  deaths, baseline, isinstance(row.get("acled_event_type"), str)
                  and bool(row.get("acled_event_type")))


def read_events(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        events = [json.loads(line) for line in handle if line.strip()]
    return events[:limit] if limit else events


def extract_rows(events: Iterable[dict[str, Any]], processes: int = 1
                 ) -> dict[str, list[dict[str, Any]]]:
    """Rows extracted from every headline, grouped by UCDP event id (in headline order)."""
    import pandas as pd

    from timeline.model import Article
    from timeline.pipeline import extract

    articles = [Article(id=f"{e['id']}#{n}", body=s["headline"],
                        published=datetime.fromisoformat(s["date"]))
                for e in events for n, s in enumerate(e["sources"]) if s.get("headline")]
    frame = extract(articles, n_process=processes)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        row["date"] = None if pd.isna(row["date"]) else row["date"].to_pydatetime()
        grouped.setdefault(row["doc_id"].split("#")[0], []).append(row)
    # The earliest report first, as the baseline reads it.
    for rows in grouped.values():
        rows.sort(key=lambda r: (r["reference_date"], int(r["doc_id"].split("#")[1])))
    return grouped


def report(results: Sequence[Scores], seconds: float) -> str:
    n = len(results) or 1

    def share(attr: str, over: Sequence[Scores] = results) -> str:
        return f"{100 * sum(getattr(r, attr) for r in over) / (len(over) or 1):.1f}%"

    found = [r for r in results if r.found]
    located = [r for r in results if r.located]
    stated = [r for r in results if r.deaths_stated]
    lines = [
        f"UCDP GED Ukraine: {len(results)} events, {seconds:.0f} s",
        "| measure | all events | where we have one | target |",
        "|---|---|---|---|",
        f"| an event extracted | {share('found')} | | |",
        f"| an ACLED-coded event extracted | {share('coded')} | {share('coded', found)} | |",
        f"| date within UCDP's interval | {share('date')} | {share('date', found)} | >= 90% |",
        f"| (baseline: first headline's date) | {share('baseline_date')} | "
        f"{share('baseline_date', found)} | |",
        f"| place at UCDP's precision | {share('place')} | {share('place', located)} "
        f"(located: {len(located) / n:.1%}) | >= 80% |",
        f"| (place: most precise event of all its reports) | {share('place_reports')} | | |",
        f"| (ceiling: a headline names a place at UCDP's precision) | {share('place_named')} "
        f"| | |",
        f"| side_a or side_b among the actors | {share('actor')} | {share('actor', found)} "
        f"| >= 80% |",
        f"| deaths equal UCDP's (or in its low-high) | {share('deaths')} | "
        f"{share('deaths', stated)} (stated: {len(stated) / n:.1%}) | |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=UCDP)
    parser.add_argument("--limit", type=int, default=None, help="first N events only")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)
    events = read_events(args.path, args.limit)
    began = time.perf_counter()
    grouped = extract_rows(events, args.processes)
    results = [score(e, grouped.get(e["id"], [])) for e in events]
    print(report(results, time.perf_counter() - began))


if __name__ == "__main__":
    main()

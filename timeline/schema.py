"""Column names, order and dtypes of the event timeline frame.

Dashboards, export and the extractor import these constants so every producer and
consumer of a timeline agrees on one schema. ``coerce`` brings a frame read back from
CSV, JSON Lines or Parquet to the same dtypes as a freshly extracted one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from timeline.vocab import ALIAS_SEPARATOR, Granularity, ReferenceSource, TimeSource

if TYPE_CHECKING:  # pandas is imported lazily: ``import timeline`` must stay fast
    import pandas as pd

#: datetime resolution used for every date column (pandas' own default since 3.0).
DATETIME = "datetime64[us]"

#: Event frame columns, in order, with their pandas dtypes. ``object`` columns hold
#: Python lists of str.
EVENT_DTYPES: dict[str, str] = {
    "event_id": "str",
    "doc_id": "str",
    "date": DATETIME,
    "start": DATETIME,
    "end": DATETIME,
    "granularity": "category",
    "time_text": "str",
    "time_value": "str",
    "anchor": "str",
    # How the date was reached: which expression was chosen, the rule, its reason.
    "time_source": "category",
    "time_rule": "str",
    "time_reason": "str",
    "event_type": "category",
    "sub_event_type": "str",
    "acled_event_type": "str",
    "acled_sub_event_type": "str",
    "cameo": "str",
    "plover": "str",
    "modality": "str",
    "trigger": "str",
    "actors": "object",
    "actor1": "str",
    "actor1_text": "str",
    "actor2": "str",
    "actor2_text": "str",
    "assoc_actors": "object",
    "reported_by": "str",
    "fatalities": "Int64",
    "fatalities_text": "str",
    "injuries": "Int64",
    "injuries_text": "str",
    "locations": "object",
    # The location the coordinates below belong to: the most precise one geocoded.
    "place": "str",
    "latitude": "float64",
    "longitude": "float64",
    "country": "str",
    "admin1": "str",
    "admin2": "str",
    "place_feature": "str",
    "place_precision": "category",
    "geo_precision": "Int64",
    "sentence": "str",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "confidence": "float64",
    "reference_date": DATETIME,
    "reference_source": "category",
    "title": "str",
    "url": "str",
    # Detail columns beyond the list, parallel to ``actors`` (same length and
    # order) so ``timeline.actors(df)`` can report type, title and role per actor.
    "actor_types": "object",
    "actor_titles": "object",
    "actor_roles": "object",
    "actor_aliases": "object",
    "trigger_start": "int64",
    "trigger_end": "int64",
    # Set by the dashboard when an analyst edits a row; extraction writes False.
    "corrected": "bool",
    # The analyst's work, kept by an event store (``timeline.store``) across sessions.
    "wrong": "bool",
    "note": "str",
    "tags": "object",
}

EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_DTYPES)

def _words(words: type[StrEnum], *skip: str) -> str:
    """The members of a vocabulary as a list for a column's description."""
    names = [str(w) for w in words if w not in skip]
    return ", ".join(names[:-1]) + f" or {names[-1]}"

#: Strings pandas parses as the current time; never dates in a timeline.
CLOCK_WORDS: tuple[str, ...] = ("now", "today")

#: One line per event column, for the README and ``--help`` texts.
EVENT_COLUMN_DOCS: dict[str, str] = {
    "event_id": "stable id: hash of the document (id and text) and the trigger's offsets",
    "doc_id": "id of the article the event comes from",
    "date": "point estimate of when it happened: the start of the interval",
    "start": "start of the interval the date lies in (inclusive)",
    "end": "end of that interval (exclusive)",
    "granularity": "precision of the date (a category in spelling order; "
                   "sort by precision with timeline.vocab.Granularity, finest first): "
                   f"{_words(Granularity, Granularity.PUBLISHED, Granularity.NONE)}"
                   f" ('{Granularity.PUBLISHED}' when only the publication date was available)",
    "time_text": "the time expression as written ('' for the publication date)",
    "time_value": "its TIMEX3 value, e.g. 2023-01-17, 2023-W03",
    "anchor": "what a relative expression was resolved against",
    "time_source": f"how the event's time was chosen: {TimeSource.CLAUSE} (an expression in its"
                   f" own clause), {TimeSource.SENTENCE} (earlier in its sentence),"
                   f" {TimeSource.PARAGRAPH} (a main clause just before, same paragraph),"
                   f" {TimeSource.SAME_ACTOR} (a recent event of the same actor),"
                   f" {TimeSource.PUBLISHED} (the publication date) or {TimeSource.NONE}",
    "time_rule": "id of the temporal rule that resolved the time expression "
                 "(timeline/resources/temporal_*.yaml; 'published-date' for the publication "
                 "date, 'recent-period' for a report's period counted back from it, "
                 "'governor-offset' for a clause measured from its governor's day)",
    "time_reason": "how the time expression's value was reached (the resolver's reason)",
    "event_type": "our type (see the taxonomy table): clash, shelling, airstrike, explosion, "
                  "attack, abduction, arrest, looting, protest, repression, riot, displacement, "
                  "territory, withdrawal, offensive, deployment, ceasefire, agreement, meet, "
                  "statement, ceremony, visit, aid, election, legal, death, damage, discovery, "
                  "disaster, accident, disrupted or other",
    "sub_event_type": "finer type: 'drone strike', 'protest with intervention', 'suicide bomb', ...",
    "acled_event_type": "ACLED event type ('Battles', 'Explosions/Remote violence', ...); "
                        "empty for happenings ACLED does not code",
    "acled_sub_event_type": "ACLED sub-event type ('Armed clash', 'Air/drone strike', ...)",
    "cameo": "CAMEO event code ('190', '1952'); empty where CAMEO has none",
    "plover": "PLOVER event type (ASSAULT, PROTEST, AGREE, ...); empty where PLOVER has none",
    "modality": "asserted, negated ('did not agree'), hypothetical ('would travel') or "
                "planned ('will meet', 'decided to meet')",
    "trigger": "lemma of the verb reporting the event (with its particle: 'step up')",
    "actors": "canonical names of who acted: the subject and any counterpart ('with X', or the person met)",
    "actor1": "who acted, named as ACLED names actors ('Military Forces of Russia', "
              "'Protesters (Kenya)', 'Al Shabaab')",
    "actor1_text": "actor1 as written ('Russian forces')",
    "actor2": "to whom: the target or counterpart, named as actor1 is",
    "actor2_text": "actor2 as written ('a village chief')",
    "assoc_actors": "further actors acting with actor1 ('X and Y attacked ...')",
    "reported_by": "who the article says reported the event ('the army said'), as written",
    "fatalities": "people killed (lower bound of a range or of 'dozens'); empty when not stated",
    "fatalities_text": "the words the fatalities come from ('Two soldiers were killed')",
    "injuries": "people injured, as fatalities",
    "injuries_text": "the words the injuries come from ('injuring 3 civilians')",
    "locations": "places named in the clause ('southwestern Poland', 'Davos')",
    "place": "the location the coordinates belong to (the most precise one)",
    "latitude": "latitude of that place (WGS84)",
    "longitude": "longitude of that place (WGS84)",
    "country": "country of that place",
    "admin1": "first-order admin area of that place (province, oblast, region, governorate)",
    "admin2": "second-order admin area (district, raion) where the gazetteer knows it",
    "place_feature": "kind of place written beside the name ('town', 'port', 'air base', "
                     "'railway station')",
    "place_precision": "city, region or country: what the coordinates stand for",
    "geo_precision": "ACLED's code: 1 the place itself, 2 near it or part of a region, "
                     "3 a larger area (an admin-1 region or only the country)",
    "sentence": "the sentence the event was read from",
    "sentence_start": "character offset of the sentence in the article body",
    "sentence_end": "character offset just after the sentence",
    "confidence": "0-1: how the date was found, how sure its resolution is, whether the "
                  "clause is hypothetical or negated, whether the type is known",
    "reference_date": "the date relative expressions were resolved against",
    "reference_source": f"{ReferenceSource.ARTICLE} (its own metadata), {ReferenceSource.GIVEN}"
                        f" (--published), {ReferenceSource.INFERRED} or {ReferenceSource.NONE}",
    "title": "article title",
    "url": "article URL",
    "actor_types": "per actor: PERSON, ORG or GPE (countries, incl. nationality words)",
    "actor_titles": "per actor: title from the article ('General', 'President')",
    "actor_roles": "per actor: role from an appositive ('Chairman of the Joint Chiefs of Staff')",
    "actor_aliases": f"per actor: spellings found in the article, joined with '{ALIAS_SEPARATOR}'",
    "trigger_start": "character offset of the trigger verb in the article body",
    "trigger_end": "character offset just after the trigger verb",
    "corrected": "True once an analyst has edited the row in the dashboard",
    "wrong": "True when an analyst marked the event as wrong (kept, flagged, in exports)",
    "note": "the analyst's note on the event",
    "tags": "the analyst's tags on the event",
}

#: Columns holding Python lists (joined with ``LIST_SEPARATOR`` in CSV by ``timeline.export``).
LIST_COLUMNS: tuple[str, ...] = tuple(
    name for name, dtype in EVENT_DTYPES.items() if dtype == "object"
)
DATETIME_COLUMNS: tuple[str, ...] = tuple(
    name for name, dtype in EVENT_DTYPES.items() if dtype == DATETIME
)
CATEGORY_COLUMNS: tuple[str, ...] = tuple(
    name for name, dtype in EVENT_DTYPES.items() if dtype == "category"
)

#: ACLED geo_precision codes: the place itself, near it / part of a region, a larger area.
GEO_PRECISION_PLACE, GEO_PRECISION_NEAR, GEO_PRECISION_AREA = 1, 2, 3

#: Place precision values, finest first.
GEO_PRECISIONS: tuple[str, ...] = ("city", "region", "country")

#: Columns and dtypes of ``timeline.actors(df)``.
ACTOR_DTYPES: dict[str, str] = {
    "actor": "str",
    "type": "category",
    "titles": "object",
    "roles": "object",
    "aliases": "object",
    "events": "int64",
    "documents": "int64",
    "first_date": DATETIME,
    "last_date": DATETIME,
}

#: Columns and dtypes of ``timeline.places(df)``.
PLACE_DTYPES: dict[str, str] = {
    "place": "str",
    "country": "str",
    "latitude": "float64",
    "longitude": "float64",
    "place_precision": "category",
    "events": "int64",
    "documents": "int64",
    "first_date": DATETIME,
    "last_date": DATETIME,
}


def empty_frame(dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """An empty frame with the event columns (or ``dtypes``), in order, correctly typed."""
    import pandas as pd

    spec = EVENT_DTYPES if dtypes is None else dtypes
    return pd.DataFrame({name: _cast(pd.Series([], dtype="str"), dtype) if dtype == "category"
                         else pd.Series([], dtype=dtype) for name, dtype in spec.items()})


def coerce(df: pd.DataFrame, dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """Return ``df`` with schema columns in order and cast to their dtypes.

    Missing schema columns are added empty (text as ``""``, lists as ``[]``,
    ``corrected`` as False, offsets as -1);
    extra columns are kept after the schema ones. List cells that are not lists
    (``None``/NaN from a reader) become ``[]``.
    """
    import pandas as pd

    spec = EVENT_DTYPES if dtypes is None else dtypes
    out = df.copy()
    for name, dtype in spec.items():
        if name not in out.columns:
            out[name] = _missing_column(dtype, len(out), out.index)
        out[name] = _cast(out[name], dtype)
    extra = [c for c in out.columns if c not in spec]
    return out[list(spec) + extra]


def from_rows(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """``coerce(pd.DataFrame(rows, columns=EVENT_COLUMNS))``, built column by column.

    Each column is made with its dtype from the list of its cells and the frame is
    assembled once, instead of building a frame of objects, copying it and replacing
    every column. A key missing from a row gives an empty cell.
    """
    import pandas as pd

    index = pd.RangeIndex(len(rows))
    cells = _transposed(rows, EVENT_COLUMNS)
    return pd.DataFrame({name: _typed_column(column, dtype, index) for (name, dtype), column
                         in zip(EVENT_DTYPES.items(), cells)}, index=index, copy=False)


def _transposed(rows: Sequence[Mapping[str, Any]], names: Sequence[str]) -> list[list[Any]]:
    """The cells of each of ``names``, column by column (None where a row lacks one)."""
    from operator import itemgetter

    if not rows:
        return [[] for _ in names]
    try:
        return [list(column) for column in zip(*map(itemgetter(*names), rows))]
    except KeyError:
        return [[row.get(name) for row in rows] for name in names]


def _typed_column(cells: list[Any], dtype: str, index: pd.Index) -> pd.Series:
    """``_cast`` of a column of ``cells``; text and list columns made directly, and
    numbers, flags and dates too when their cells are of the types extraction gives."""
    import pandas as pd

    if dtype == "str":
        column = pd.Series(cells, index=index, dtype="str")
        return column.fillna("") if column.hasnans else column
    if dtype == "category" and all(kind is type(None) or issubclass(kind, str)
                                   for kind in set(map(type, cells))):
        return pd.Series(_categorical(cells), index=index)
    if dtype == "category":
        return pd.Series(cells, index=index, dtype="str").astype("category")
    if dtype == "object":
        # A list (as extraction gives) skips _as_list's tests; the cells come out the same.
        return pd.Series([list(map(str, cell)) if type(cell) is list else _as_list(cell)
                          for cell in cells], index=index, dtype="object")
    if set(map(type, cells)) <= _PLAIN_TYPES.get(dtype, set()):
        return pd.Series(cells, index=index, dtype=dtype)
    return _cast(pd.Series(cells, index=index), dtype)


def _categorical(cells: list[str | None]) -> pd.Categorical:
    """``cells`` (text, or str enums such as ``Granularity``: equal to and hashed as
    their text) as text categories (sorted; None missing), coded with a dict: few
    distinct values, and pandas' own factorising goes through a text array first."""
    import pandas as pd

    # Sorted as text: an enum may order its members otherwise (``Granularity``).
    categories = sorted({str(cell) for cell in set(cells) if cell is not None})
    code = {value: number for number, value in enumerate(categories)}
    return pd.Categorical.from_codes([code.get(cell, -1) for cell in cells],
                                     dtype=pd.CategoricalDtype(pd.Index(categories, dtype="str")))


#: Types of cell that make a column of the dtype directly, with the values ``_cast``
#: gives (no missing int or flag to fill, no text to parse as a date): each cast
#: otherwise costs several passes over a column of objects.
_PLAIN_TYPES: dict[str, set[type]] = {
    "int64": {int},
    "bool": {bool},
    DATETIME: {date, datetime, type(None)},
}


def _missing_column(dtype: str, length: int, index: pd.Index) -> pd.Series:
    import pandas as pd

    if dtype == "object":
        return pd.Series([[] for _ in range(length)], index=index, dtype="object")
    if dtype == "bool":
        return pd.Series(False, index=index, dtype="bool")
    if dtype == "int64":
        return pd.Series(-1, index=index, dtype="int64")
    if isinstance(dtype, str) and dtype in ("str", "category"):
        return pd.Series(pd.NA, index=index, dtype="str").astype(dtype)
    return pd.Series(None, index=index).astype(dtype)


def _cast(column: pd.Series, dtype: str) -> pd.Series:
    import pandas as pd

    if dtype == "object":
        return column.map(_as_list).astype("object")
    if dtype == DATETIME:
        if pd.api.types.is_datetime64_any_dtype(column):
            return column.astype(DATETIME)
        return parse_dates(column, strict=False).astype(DATETIME)
    if dtype == "bool":
        # A missing value is false (filled as objects: a float column of all missing
        # values may not be filled with a bool).
        return column.astype("object").fillna(False).astype("bool")
    if dtype == "int64":
        return pd.to_numeric(column, errors="coerce").fillna(-1).astype("int64")
    if dtype == "Int64":
        return pd.to_numeric(column, errors="coerce").astype("Int64")
    if dtype == "str":
        # One spelling of "no text": CSV cannot tell a missing value from "".
        return column.astype("str").fillna("")
    if isinstance(dtype, str) and dtype == "category" and not isinstance(
            column.dtype, pd.CategoricalDtype):
        # Text categories even when every cell is missing, as a file read back gives.
        return column.astype("str").astype("category")
    return column.astype(dtype)


def parse_dates(column: pd.Series, *, strict: bool) -> pd.Series:
    """ISO 8601 cells as datetimes; a cell that is not a date is NaT, or with ``strict``
    a ``ValueError``.

    pandas' ISO 8601 parser reads ``"now"`` and ``"today"`` as the current time; here
    they are not dates, so a timeline file never brings the clock in.
    """
    import pandas as pd

    clock = column.isin(CLOCK_WORDS)
    if strict and clock.any():
        raise ValueError(f"{column[clock].iloc[0]!r} is not a date")
    # ISO8601 lets dates and date-times mix in one column; pandas 3 would otherwise
    # infer one format from the first cell and drop the rest as NaT.
    return pd.to_datetime(column.mask(clock), errors="raise" if strict else "coerce",
                          format="ISO8601")


def _as_list(value: object) -> list[str]:
    # Parquet gives numpy arrays back for list cells; readers give NaN for empty ones.
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        return []
    return list(map(str, value))

"""``extract``: articles in, event timeline out, as a pandas DataFrame.

The pipeline is a chain of plain functions; pandas appears only here, at the edge:

    read (timeline.articles) -> parse (timeline.events.nlp, nlp.pipe in batches)
    -> mentions (timeline.events.entities) -> times (timeline.temporal)
    -> events (timeline.events.clause_events) -> rows -> DataFrame (timeline.schema)

Corpora are split across processes (``n_process``), each loading the model once.
Person names are merged across the corpus at the end ("Valery Zaluzhny" in one
article and "Valerii Zaluzhnyi" in another are one actor).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from timeline import schema
from timeline.errors import InputError, ResourceError
from timeline.model import Article, Reference
from timeline.text.boilerplate import split_trailing
from timeline.vocab import ALIAS_SEPARATOR, Mode

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

    from timeline.dating import DatingNote
    from timeline.events.clause_events import EventRecord
    from timeline.events.place_phrases import Location

#: Below this many articles a second process costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 16


@dataclass(frozen=True)
class ExtractOptions:
    """Options of ``extract``; see its docstring."""

    mode: str = Mode.NEWS
    events: Any = None
    include_other: bool = True
    n_process: int = 1
    batch_size: int = 32
    gazetteer: bool = True
    gazetteers: tuple[str, ...] = ()
    progress: Callable[[int], None] | None = None
    on_error: Callable[[InputError], None] | None = None


def extract(source: Any, published: Any = None, **options: Any) -> pd.DataFrame:
    """Extract the event timeline of ``source``, one row per event.

    ``source`` is a text, an ``Article``, a path (file, directory or ``"-"``), or an
    iterable of these. ``published`` is the reference date for articles that carry
    none; without either, it is inferred from each text (``reference_source`` says
    which). Options: ``mode`` ("news" or "narrative"), ``events`` (extra reference
    events for "the first anniversary of the invasion"), ``include_other`` (keep
    events outside the taxonomy, default True), ``n_process`` (worker processes for
    corpora), ``batch_size`` (``nlp.pipe`` batch), ``gazetteer`` (the rule layer,
    default True), ``gazetteers`` (paths of extra place files: GeoNames text or CSV,
    searched first), ``progress`` (called with the number of articles just finished),
    ``on_error`` (called with an ``InputError`` naming each article that could not be
    processed, and why; that article is skipped and the rest go on. Without it, the
    first such error is raised once the other articles are done).

    >>> df = extract("Milley met Zaluzhnyi in Poland on Tuesday.", "2023-01-19")
    >>> df[["trigger", "event_type", "date"]].iloc[0].astype(str).tolist()
    ['meet', 'meet', '2023-01-17 00:00:00']
    """
    from timeline.dating import attach

    config = ExtractOptions(**{**options, "gazetteers": tuple(map(str, options.get(
        "gazetteers", ())))})
    articles = to_articles(source)
    failures: list[InputError] = []
    notes: list[DatingNote] = []
    rows = _rows_for(articles, published, config, failures, notes)
    if failures and config.on_error is None:
        raise failures[0]
    return attach(to_frame(_merge_people(rows)), notes)


def to_articles(source: Any) -> list[Article]:
    """Articles from a text, Article, path, or iterable of these."""
    if isinstance(source, Article):
        return [source]
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_path(source)):
        from timeline.articles import read_articles

        return read_articles(source)
    if isinstance(source, str):
        return [_text_article(source, "text-1")]
    articles: list[Article] = []
    for number, item in enumerate(source, start=1):
        if isinstance(item, str) and not _is_path(item):
            articles.append(_text_article(item, f"text-{number}"))
        else:
            articles.extend(to_articles(item))
    return articles


def _is_path(text: str) -> bool:
    from timeline.files import looks_like_path

    return looks_like_path(text)


def _text_article(text: str, doc_id: str) -> Article:
    body, trailing = split_trailing(text)
    return Article(id=doc_id, body=body, trailing=trailing, source="text")


def _rows_for(articles: Sequence[Article], published: Any, config: ExtractOptions,
              failures: list[InputError], notes: list[DatingNote]) -> list[dict[str, Any]]:
    """Rows of every article; each article that fails is reported and added to ``failures``,
    each one left undated or dated vaguely is added to ``notes``."""
    from timeline.published import parse_published

    stamp = parse_published(published)
    given = None if stamp is None else stamp.date()
    workers = min(config.n_process, max(1, len(articles) // MIN_ARTICLES_PER_PROCESS))
    _warm_up(config)
    if workers <= 1:
        return _rows_local(articles, given, config, failures, notes)
    import multiprocessing

    # Several chunks per worker: the progress bar moves, and a slow chunk does not
    # leave the other worker idle for long.
    size = max(MIN_ARTICLES_PER_PROCESS // 2, len(articles) // (workers * 4))
    chunks = [list(articles[i:i + size]) for i in range(0, len(articles), size)]
    local = ExtractOptions(**{**config.__dict__, "progress": None, "on_error": None,
                              "n_process": 1})
    rows: list[dict[str, Any]] = []
    # fork: workers inherit the loaded model and gazetteers instead of loading them again.
    tasks = [(chunk, given, local) for chunk in chunks]
    from timeline.threads import pin_threads

    with multiprocessing.get_context("fork").Pool(workers, initializer=pin_threads) as pool:
        for chunk, (result, noted, failed) in zip(chunks, pool.imap(_rows_chunk, tasks)):
            rows.extend(result)
            notes.extend(noted)
            for failure in failed:
                _report(failure, config, failures)
            if config.progress is not None:
                config.progress(len(chunk))
    return rows


def _warm_up(config: ExtractOptions) -> None:
    """Load the model and the place tables once, before any parse (and before worker
    processes fork)."""
    from timeline.events import places as geo
    from timeline.events.nlp import load_nlp

    load_nlp(gazetteer=config.gazetteer)
    geo.geocode("Davos")
    geo.country_of_demonym("Swiss")
    # Build the places index (once per machine) and read user gazetteers before the
    # fork, so that workers share them.
    with geo.extra_gazetteers(config.gazetteers):
        geo.geocode("Kandi")
    _freeze_loaded()


@functools.cache
def _freeze_loaded() -> None:
    """Move what is loaded so far (the model, the rules, the place tables: kept for the
    life of the process) out of the cycle collector's reach, once per process.

    Otherwise every full collection walks the whole model again, and parsing and
    extraction allocate enough to set one off every few dozen articles (tens of
    milliseconds each time). Forked workers also leave the inherited objects' pages
    shared instead of touching them in each collection (``gc.freeze``'s documented
    use). Objects freed by reference counting are freed as before.
    """
    import gc

    gc.freeze()


def _rows_chunk(args: tuple[Sequence[Article], date | None, ExtractOptions],
                ) -> tuple[list[dict[str, Any]], list[DatingNote], list[InputError]]:
    """``_rows_local`` taking one tuple, as ``Pool.imap`` passes it; notes and failures
    come back."""
    failures: list[InputError] = []
    notes: list[DatingNote] = []
    return _rows_local(*args, failures, notes), notes, failures


def _rows_local(articles: Sequence[Article], given: date | None, config: ExtractOptions,
                failures: list[InputError], notes: list[DatingNote]) -> list[dict[str, Any]]:
    from timeline.events.nlp import load_nlp, parse_each
    from timeline.events.places import extra_gazetteers
    from timeline.events.noise import parse_text

    nlp = load_nlp(gazetteer=config.gazetteer)
    rows: list[dict[str, Any]] = []
    # The lead sentence is parsed as it would be without its dateline.
    docs = parse_each([parse_text(a.body) for a in articles], nlp=nlp,
                      batch_size=config.batch_size)
    with extra_gazetteers(config.gazetteers):
        for article, doc in zip(articles, docs):
            found = doc if isinstance(doc, Exception) else _guarded_rows(article, doc, given,
                                                                         config)
            if isinstance(found, Exception):
                _report(article_failure(article, found), config, failures)
            else:
                rows.extend(found[0])
                notes.extend(found[1])
            if config.progress is not None:
                config.progress(1)
    return rows


def _guarded_rows(article: Article, doc: Doc, given: date | None, config: ExtractOptions,
                  ) -> tuple[list[dict[str, Any]], list[DatingNote]] | Exception:
    """``article_rows``, or the exception it raised: the article boundary."""
    try:
        return article_rows(article, doc, given, config)
    except ResourceError:
        raise  # a broken rule file fails every article alike: stop
    except Exception as error:  # any fault in one article is reported, never stops a corpus
        return error


def article_failure(article: Article, error: Exception) -> InputError:
    """An ``InputError`` naming the article's file (and line) and why it failed."""
    where, line = article.source or article.id, None
    path, _, number = where.rpartition(":")
    if path and number.isdigit():
        where, line = path, int(number)
    reason = str(error) or "no message"
    failure = InputError(where, f"article {article.id!r} could not be processed: "
                                f"{type(error).__name__}: {reason}", line)
    failure.__cause__ = error  # raised without on_error: the traceback shows where
    return failure


def _report(failure: InputError, config: ExtractOptions, failures: list[InputError]) -> None:
    failures.append(failure)
    if config.on_error is not None:
        config.on_error(failure)


def article_rows(article: Article, doc: Doc, given: date | None, config: ExtractOptions
                 ) -> tuple[list[dict[str, Any]], list[DatingNote]]:
    """Timeline rows for one parsed article, and its dating notes; ``given`` is the
    caller's publication date. The events of an article that does not read as English,
    and those dated from a vaguely inferred publication date, keep a low confidence at
    most (``timeline.dating.capped``)."""
    from timeline.dating import article_notes, capped
    from timeline.events.clause_events import extract_events
    from timeline.events.entities import find_mentions, profiles
    from timeline.published import parse_published
    from timeline.temporal.find import find_expressions
    from timeline.temporal.reference_choice import choose_reference
    from timeline.temporal.tag import tag

    if article.published is not None and not isinstance(article.published, datetime):
        # An Article built by hand may carry its date as text ("2014-01-22") or a date.
        article = replace(article, published=parse_published(article.published))
    candidates = tag(article.body)
    reference = choose_reference(article.body, article.published, given, config.events,
                                 candidates=_for_inference(article, given, candidates),
                                 trailing=article.trailing)
    times = find_expressions(article.body, reference, mode=config.mode, events=config.events,
                             candidates=candidates)
    mentions = find_mentions(doc)
    records = extract_events(doc, article.id, mentions, times, reference.day,
                             text=article.body,
                             include_other=config.include_other)
    people = profiles(mentions)
    rows = [_row(article, r, people, reference) for r in records]
    notes = article_notes(article.id, reference, article.body)
    return capped(rows, notes), notes


def _for_inference(article: Article, given: date | None, candidates: list[Any],
                   ) -> list[Any] | None:
    """``candidates`` (``tag`` of the body) for the publication-date inference when it
    can use them: the body holds no boilerplate (as read by timeline.articles; the
    inference reads a body cut from its boilerplate). Not looked at when a date is known
    and nothing is inferred (None only costs a second tagging)."""
    from timeline.temporal.reference_choice import as_day

    if as_day(article.published) is not None or as_day(given) is not None:
        return None
    return candidates if split_trailing(article.body)[0] == article.body else None


def event_id(article: Article, start: int, end: int) -> str:
    """Stable id: a hash of the document (id and text) and the trigger's offsets."""
    digest = _document_digest(article.id, article.body).copy()
    digest.update(f"{start}:{end}".encode())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def _document_digest(doc_id: str, body: str) -> Any:
    """SHA-1 state after the document's id and text: hashed once, not once per event."""
    return hashlib.sha1(f"{doc_id}\x00{body}\x00".encode("utf-8", "surrogatepass"))


def _row(article: Article, record: EventRecord, people: dict[str, Any],
         reference: Reference) -> dict[str, Any]:
    from timeline.events.clause_places import best_location

    event, time = record.event, record.event.time
    location = best_location(record.locations)
    place = location.place if location else None
    return {
        "event_id": event_id(article, event.start_char, event.end_char),
        "doc_id": article.id,
        "date": time.start if time else None,
        "start": time.start if time else None,
        "end": time.end if time else None,
        "granularity": time.granularity if time else None,
        "time_text": time.text if time else "",
        "time_value": time.value if time else "",
        "anchor": time.anchor if time else "",
        "time_source": record.time_source,
        "time_rule": time.rule if time else "",
        "time_reason": time.reason if time else "",
        **_coding(record),
        "trigger": event.trigger,
        "actors": list(event.actors),
        **_roles(record),
        "locations": list(event.locations),
        "place": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country": place.country if place else None,
        **_place_details(location),
        "sentence": article.body[event.sentence_start:event.sentence_end],
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "confidence": event.confidence,
        "reference_date": reference.day,
        "reference_source": reference.source,
        "title": article.title,
        "url": article.url,
        **_actor_details(record, people),
        "trigger_start": event.start_char,
        "trigger_end": event.end_char,
        "corrected": False,
        "wrong": False,
        "note": "",
        "tags": [],
    }


def _place_details(location: Location | None) -> dict[str, Any]:
    """Admin areas, feature, precision in words and as ACLED's geo_precision code."""
    from timeline.events.places import geo_precision

    place = location.place if location else None
    if location is None or place is None:
        return {"admin1": "", "admin2": "", "place_feature": location.feature if location else "",
                "place_precision": None, "geo_precision": None}
    return {"admin1": place.admin1, "admin2": place.admin2, "place_feature": location.feature,
            "place_precision": place.precision,
            "geo_precision": geo_precision(place, location.near)}


def _coding(record: EventRecord) -> dict[str, Any]:
    """The event's type in our taxonomy, ACLED's, CAMEO's and PLOVER's, and its modality."""
    coding = record.coding
    return {
        "event_type": coding.event_type, "sub_event_type": coding.sub_event_type,
        "acled_event_type": coding.acled_event_type,
        "acled_sub_event_type": coding.acled_sub_event_type,
        "cameo": coding.cameo, "plover": coding.plover, "modality": record.modality,
    }


def _roles(record: EventRecord) -> dict[str, Any]:
    """actor1 / actor2 (standard name and as written), associated actors, source, casualties."""
    roles, casualties = record.roles, record.casualties
    one, two = roles.actor1, roles.actor2
    return {
        "actor1": one.name if one else "", "actor1_text": one.text if one else "",
        "actor2": two.name if two else "", "actor2_text": two.text if two else "",
        "assoc_actors": [a.name for a in roles.assoc], "reported_by": record.reported_by,
        "fatalities": casualties.fatalities.value if casualties.fatalities else None,
        "fatalities_text": casualties.fatalities.text if casualties.fatalities else "",
        "injuries": casualties.injuries.value if casualties.injuries else None,
        "injuries_text": casualties.injuries.text if casualties.injuries else "",
    }


def _actor_details(record: EventRecord, people: dict[str, Any]) -> dict[str, list[str]]:
    """Type, title, role and spellings of each actor, from the whole article."""
    details = [people.get(a.name) or a for a in record.actors]
    return {
        "actor_types": [d.type for d in details],
        "actor_titles": [d.title for d in details],
        "actor_roles": [d.role for d in details],
        "actor_aliases": [ALIAS_SEPARATOR.join(d.aliases) for d in details],
    }


def _merge_people(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rename person actors to one spelling across the corpus."""
    from timeline.events.entities import merge_names

    counts: Counter[str] = Counter(
        name for row in rows for name, kind in zip(row["actors"], row["actor_types"])
        if kind == "PERSON"
    )
    if len(counts) < 2:
        return rows
    mapping = merge_names(counts)
    for row in rows:
        row["actors"] = [mapping.get(name, name) if kind == "PERSON" else name
                         for name, kind in zip(row["actors"], row["actor_types"])]
    return rows


def to_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a DataFrame with the schema's columns and dtypes."""
    rows = list(rows)
    if not rows:
        return schema.empty_frame()
    return schema.from_rows(rows)


def actors(df: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: type, titles, roles, aliases, event and document counts."""
    from timeline.summaries import actor_table

    return actor_table(df)


def places(df: pd.DataFrame) -> pd.DataFrame:
    """One row per place: country, coordinates, precision, event and document counts."""
    from timeline.summaries import place_table

    return place_table(df)

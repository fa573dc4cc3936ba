"""Incremental, restartable ingest of articles into a store.

An article already in the store with the same content hash is skipped; one whose
content changed has its events replaced. Articles are extracted in batches and each
batch is committed in one transaction (its events and its article rows together), so
a run killed at any moment loses at most the batch in flight, and running the same
command again finishes the job with nothing lost and nothing duplicated. Stories are
rebuilt once the events are in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from timeline.errors import InputError, TimelineError
from timeline.files import looks_like_path
from timeline.store.identity import assign_ids

if TYPE_CHECKING:
    import pandas as pd

    from timeline.model import Article
    from timeline.store.db import Store

#: Articles extracted and committed together; a kill loses at most one batch's work.
BATCH_SIZE = 64
STATUS_OK, STATUS_UNDATED, STATUS_FAILED = "ok", "undated", "failed"


@dataclass
class IngestSummary:
    """What one ingest did: articles read, skipped as unchanged, new or changed, failed,
    undated and dated with low confidence."""

    read: int = 0
    skipped: int = 0
    new: int = 0
    changed: int = 0
    failed: int = 0
    undated: int = 0
    low_confidence: int = 0
    events: int = 0
    stories: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The summary as one line for a terminal."""
        return (f"{self.read} read, {self.skipped} unchanged, {self.new} new, "
                f"{self.changed} changed, {self.failed} failed, {self.undated} undated, "
                f"{self.low_confidence} dated with low confidence; "
                f"{self.events} events added, {self.stories} stories in the store")


def content_hash(article: Article, given: Any = None) -> str:
    """A hash of what extraction reads: body, title, URL and publication date.

    The publication date is the article's own, else ``given`` (``--published``), so
    ingesting again with a different ``--published`` re-extracts the articles that
    rely on it.
    """
    from timeline.published import parse_published

    day = article.published if article.published is not None else parse_published(given)
    published = "" if day is None else day.isoformat()
    key = "\x00".join((article.body, article.title, article.url, published))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def ingest(store: Store, source: Any, published: Any = None, *, processes: int = 1,
           client: Any = None, batch_size: int = BATCH_SIZE,
           progress: Callable[[int], None] | None = None,
           on_error: Callable[[str], None] | None = None,
           on_start: Callable[[int], None] | None = None,
           on_note: Callable[[str], None] | None = None,
           merge: Callable[..., bool] | None = None, **options: Any) -> IngestSummary:
    """Add ``source`` (paths, texts or articles) to ``store``; return what happened.

    ``processes`` extracts on several local processes; ``client`` (a
    ``dask.distributed.Client``) on a Dask cluster instead. ``progress`` is called with
    the number of articles finished (skipped ones included); ``on_error`` with a line
    for each input that could not be read or extracted; ``on_start`` with the number of
    articles read, before extraction starts; ``on_note`` with a line for each article
    left without a publication date or dated with low confidence (as ``timeline
    extract`` warns). Other options go to ``extract``.
    """
    summary = IngestSummary()
    articles = _read(source, summary, on_error)
    if on_start is not None:
        on_start(len(articles))
    summary.read = len(articles) + summary.failed
    articles = assign_ids(store, articles)
    todo, changed = _pending(store, articles, published)
    summary.skipped = len(articles) - len(todo)
    if progress is not None and summary.skipped:
        progress(summary.skipped)
    run = _start_run(store)
    for chunk, frame, errors in _extracted(todo, published, processes, client, batch_size,
                                           options):
        for note in _commit(store, chunk, frame, errors, published, run, options, summary):
            if on_note is not None:
                on_note(note.message)
        for doc_id, error in errors.items():
            _report(on_error, summary, f"{doc_id}: {error}")
        good = [a.id for a in chunk if a.id not in errors]
        summary.changed += sum(1 for doc_id in good if doc_id in changed)
        summary.new += sum(1 for doc_id in good if doc_id not in changed)
        if progress is not None:
            progress(len(chunk))
    summary.stories = store.rebuild_stories(merge) if todo or _stale(store) else \
        store.counts()["stories"]
    _finish_run(store, run)
    return summary


def _read(source: Any, summary: IngestSummary,
          on_error: Callable[[str], None] | None) -> list[Article]:
    from timeline.pipeline import to_articles

    def skip(problem: InputError) -> None:
        summary.failed += 1
        _report(on_error, summary, str(problem))

    if isinstance(source, (str, bytes)) or not isinstance(source, Iterable):
        source = [source]
    articles: list[Article] = []
    for item in source:
        if isinstance(item, (str, os.PathLike)) and (
                not isinstance(item, str) or looks_like_path(item)):
            from timeline.articles import read_articles

            articles.extend(read_articles([item], on_error=skip))
        elif isinstance(item, str):
            # A plain text is named by its content, as a corpus row without an id is:
            # another text ingested later is another article, never a change of this one.
            from timeline.articles import row_id

            articles.extend(dataclasses.replace(a, id=row_id("text", a.body, "", ""))
                            for a in to_articles(item))
        else:
            articles.extend(to_articles(item))
    return articles


def _report(on_error: Callable[[str], None] | None, summary: IngestSummary, line: str) -> None:
    summary.problems.append(line)
    if on_error is not None:
        on_error(line)


def _pending(store: Store, articles: Sequence[Article],
             published: Any) -> tuple[list[Article], set[str]]:
    """Articles to extract (new, changed, or failed last time) and the ids of changed ones."""
    known = {row[0]: (row[1], row[2]) for row in store.query(
        "SELECT doc_id, content_hash, status FROM articles").itertuples(index=False)}
    todo, changed = [], set()
    for article in articles:
        previous = known.get(article.id)
        if previous is None:
            todo.append(article)
        elif previous[0] != content_hash(article, published) or previous[1] == STATUS_FAILED:
            todo.append(article)
            changed.add(article.id)
    return todo, changed


def _extracted(articles: Sequence[Article], published: Any, processes: int, client: Any,
               batch_size: int, options: dict[str, Any],
               ) -> Iterator[tuple[list[Article], pd.DataFrame, dict[str, str]]]:
    """(batch, its events, errors by article id) for each batch, as they finish."""
    batches = [list(articles[i:i + batch_size]) for i in range(0, len(articles), batch_size)]
    if client is not None:
        from timeline.store.distributed import extract_on_cluster

        yield from extract_on_cluster(client, batches, published, options)
        return
    for batch in batches:
        frame, errors = extract_batch(batch, published, {**options, "n_process": processes})
        yield batch, frame, errors


def extract_batch(batch: Sequence[Article], published: Any,
                  options: dict[str, Any]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Events of ``batch``; an article that cannot be extracted is reported, not fatal."""
    import warnings

    from timeline.dating import DatingWarning
    from timeline.pipeline import extract

    try:
        with warnings.catch_warnings():
            # The store records each undated article (status "undated") and counts them.
            warnings.simplefilter("ignore", DatingWarning)
            return extract(list(batch), published, **options), {}
    except (TimelineError, ValueError, OverflowError, RuntimeError) as exc:
        if len(batch) == 1:
            return extract([], published), {batch[0].id: f"{type(exc).__name__}: {exc}"}
    # Find the article at fault by extracting one at a time.
    import pandas as pd

    frames, errors = [], {}
    for article in batch:
        frame, error = extract_batch([article], published, {**options, "n_process": 1})
        frames.append(frame)
        errors.update(error)
    return pd.concat(frames, ignore_index=True), errors


def _commit(store: Store, batch: Sequence[Article], frame: pd.DataFrame,
            errors: dict[str, str], published: Any, run: int, options: dict[str, Any],
            summary: IngestSummary) -> list[Any]:
    """Replace the batch's events and article rows in one transaction; return the
    batch's dating notes."""
    from timeline.dating import LOW_CONFIDENCE
    from timeline.store.rows import article_rows, event_table

    notes: list[Any] = []
    rows = article_rows(batch, frame, errors, published, run, store.clock(), options, notes)
    summary.failed += sum(1 for row in rows if row["status"] == STATUS_FAILED)
    summary.undated += sum(1 for row in rows if row["status"] == STATUS_UNDATED)
    summary.low_confidence += sum(1 for note in notes if note.kind == LOW_CONFIDENCE)
    summary.events += len(frame)
    ids = [article.id for article in batch]
    marks = ", ".join("?" * len(ids))
    with store.transaction() as con:
        con.execute(f"DELETE FROM story_members WHERE event_id IN "
                    f"(SELECT event_id FROM events WHERE doc_id IN ({marks}))", ids)
        con.execute(f"DELETE FROM events WHERE doc_id IN ({marks})", ids)
        con.execute(f"DELETE FROM articles WHERE doc_id IN ({marks})", ids)
        if len(frame):
            con.register("batch_events", event_table(frame))
            con.execute("INSERT INTO events BY NAME SELECT * FROM batch_events")
            con.unregister("batch_events")
        con.register("batch_articles", rows_table(rows))
        con.execute("INSERT INTO articles BY NAME SELECT * FROM batch_articles")
        con.unregister("batch_articles")
    return notes


def rows_table(rows: list[dict[str, Any]]) -> Any:
    """Article rows as an Arrow table typed like the ``articles`` table."""
    from timeline.store.rows import arrow_table
    from timeline.store.tables import ARTICLE_COLUMNS, pandas_dtypes

    return arrow_table(rows, pandas_dtypes(ARTICLE_COLUMNS))


def _start_run(store: Store) -> int:
    with store.transaction() as con:
        run = con.execute("SELECT coalesce(max(ingest_run), 0) + 1 FROM runs").fetchone()[0]
        con.execute("INSERT INTO runs VALUES (?, ?, FALSE)", [run, store.clock()])
    return run


def _finish_run(store: Store, run: int) -> None:
    with store.transaction() as con:
        con.execute("UPDATE runs SET finished = TRUE WHERE ingest_run = ?", [run])


def _stale(store: Store) -> bool:
    """Whether some event is in no story (a run was killed before stories were rebuilt)."""
    return bool(store.query(
        "SELECT count(*) AS n FROM events e ANTI JOIN story_members m USING (event_id)"
    )["n"].iloc[0])

"""Which stored article an article read now is: its source, and the id it keeps.

An article is the same article as a stored one when its *source* is the same: the
file it was read from (as an absolute path) for one-article files, and its id for
JSON Lines and CSV rows (a row's id is the given ``id``, which names the article in
every file, as a feed's ids do, or a hash of its content, so it does not depend on the
row's line) and for texts passed to the API (give ``Article(id=...)`` to keep texts
apart; plain strings are ``text-1``...). A source given twice in one run is read once. The
same source keeps the id it was first stored under, whatever order the files are
read in later; a new source whose id is taken by another source gets the next free
``-2``, ``-3``... suffix, so a different file never replaces another article.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.model import Article
    from timeline.store.db import Store

#: ``Article.source`` of articles that are not files: texts and standard input.
_NOT_FILES = ("", "text", "<stdin>")


def is_row(source: str) -> bool:
    """Whether ``source`` names a row of a corpus file (``path:line``)."""
    path, _, line = source.rpartition(":")
    return bool(path) and line.isdigit()


def source_key(doc_id: str, source: str) -> str:
    """What makes an article the same article across runs (see the module docstring)."""
    if source in _NOT_FILES or is_row(source):
        return f"id:{doc_id}"
    return f"file:{os.path.abspath(source)}"


def stored_source(article: Article) -> str:
    """The ``source_path`` recorded for ``article``: files as absolute paths."""
    if article.source in _NOT_FILES:
        return article.source
    path, _, line = article.source.rpartition(":")
    if is_row(article.source):
        return f"{os.path.abspath(path)}:{line}"
    return os.path.abspath(article.source)


def assign_ids(store: Store, articles: Sequence[Article]) -> list[Article]:
    """``articles`` with the ids they have (or get) in ``store``; see the module docstring."""
    known = {source_key(row.doc_id, row.source_path or ""): row.doc_id
             for row in store.query("SELECT doc_id, source_path FROM articles")
             .itertuples(index=False)}
    taken = set(known.values())
    result: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        key = source_key(article.id, article.source)
        if key in seen:
            continue  # the same source given twice in one run: read once
        seen.add(key)
        doc_id = known.get(key) or _free(article.id, taken)
        known[key] = doc_id
        taken.add(doc_id)
        result.append(article if doc_id == article.id
                      else dataclasses.replace(article, id=doc_id))
    return result


def _free(doc_id: str, taken: set[str]) -> str:
    """``doc_id``, or the first ``doc_id-N`` (N = 2, 3...) not in ``taken``."""
    if doc_id not in taken:
        return doc_id
    number = 2
    while f"{doc_id}-{number}" in taken:
        number += 1
    return f"{doc_id}-{number}"

"""The bundled sample corpus: the seed article plus short wire-style articles.

The corpus is a JSON Lines manifest, ``resources/sample/corpus.jsonl``, one article per
line with ``id``, ``title``, ``url``, ``published`` and either the ``text`` inline or a
``file`` naming a text file beside the manifest. The seed article is kept as its own
text file (``seed_milley_zaluzhnyi.txt``) so the command-line examples can use it
directly, and the manifest refers to it rather than holding a second copy.

Rows with inline ``text`` are read by :func:`timeline.read_articles`, the same reader
as any user corpus; ``file`` rows are the one extension this module adds.

Example::

    from timeline.sample import load_sample
    articles = load_sample()          # list[Article], seed first
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from timeline.errors import InputError
from timeline.model import Article
from timeline.published import parse_published

SAMPLE_DIR = Path(__file__).resolve().parent / "resources" / "sample"
MANIFEST_NAME = "corpus.jsonl"
SEED_NAME = "seed_milley_zaluzhnyi.txt"
#: Keys a manifest row may carry; anything else is a typo worth reporting.
MANIFEST_FIELDS = frozenset({"id", "title", "url", "published", "text", "file"})


def sample_path() -> Path:
    """Path of the sample corpus manifest (``corpus.jsonl``)."""
    return SAMPLE_DIR / MANIFEST_NAME


def seed_path() -> Path:
    """Path of the seed article's text file (published 2023-01-19)."""
    return SAMPLE_DIR / SEED_NAME


def load_sample(path: str | os.PathLike[str] | None = None) -> list[Article]:
    """Read the sample corpus (or another manifest in the same format) as Articles.

    Every article keeps its manifest ``id``, ``title``, ``url`` and ``published``;
    trailing boilerplate is split off the body as for any other input. Raises
    :class:`InputError` naming the manifest and line when a row is unusable.
    """
    manifest = Path(path) if path is not None else sample_path()
    rows = _manifest_rows(manifest)
    inline = _inline_articles(manifest, rows)
    articles = []
    for line, row in rows:
        if "file" in row:
            articles.append(_file_article(manifest, line, row))
        else:
            articles.append(inline[str(row["id"])])
    return articles


def _manifest_rows(manifest: Path) -> list[tuple[int, dict[str, object]]]:
    """``(line number, record)`` for each non-blank line, checked for the required keys."""
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(manifest), f"cannot read the sample manifest: {exc}") from exc
    rows: list[tuple[int, dict[str, object]]] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(str(manifest), f"malformed JSON: {exc.msg}", number) from exc
        _check_row(manifest, number, row, seen)
        rows.append((number, row))
    return rows


def _check_row(manifest: Path, number: int, row: object, seen: set[str]) -> None:
    """Raise InputError unless ``row`` is an object with a new id and text or file."""
    source = str(manifest)
    if not isinstance(row, dict):
        raise InputError(source, "expected a JSON object", number)
    unknown = sorted(set(row) - MANIFEST_FIELDS)
    if unknown:
        raise InputError(source, f"unknown field(s): {', '.join(unknown)}", number)
    doc_id = row.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(source, "every sample row needs a non-empty string 'id'", number)
    if doc_id in seen:
        raise InputError(source, f"duplicate id {doc_id!r}", number)
    seen.add(doc_id)
    if ("text" in row) == ("file" in row):
        raise InputError(source, "give exactly one of 'text' and 'file'", number)


def _inline_articles(
    manifest: Path, rows: list[tuple[int, dict[str, object]]]
) -> dict[str, Article]:
    """Articles of the inline-text rows, read by the ordinary corpus reader."""
    if not any("text" in row for _, row in rows):
        return {}
    from timeline.articles import read_articles  # the corpus reader; loaded on use

    # The reader rejects rows without text (the ``file`` rows); skip exactly those.
    file_lines = {line for line, row in rows if "file" in row}

    def on_error(problem: InputError) -> None:
        if problem.line not in file_lines:
            raise problem

    return {article.id: article for article in read_articles(manifest, on_error=on_error)}


def _file_article(manifest: Path, line: int, row: dict[str, object]) -> Article:
    """The article whose text lives in a file beside the manifest."""
    from timeline.articles import read_articles

    name = str(row["file"])
    target = (manifest.parent / name).resolve()
    # A manifest may only point into its own folder, never elsewhere on the disk.
    if manifest.parent.resolve() not in target.parents:
        problem = f"'file' must stay inside the manifest folder: {name}"
        raise InputError(str(manifest), problem, line)
    (article,) = read_articles(target)
    try:
        published = parse_published(row.get("published") or None)
    except ValueError as exc:
        raise InputError(str(manifest), str(exc), line) from exc
    return dataclasses.replace(
        article,
        id=str(row["id"]),
        title=str(row.get("title") or article.title),
        url=str(row.get("url") or ""),
        published=published,
        source=f"{manifest}:{line}",
    )

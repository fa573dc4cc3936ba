"""Read news articles from text, HTML, JSON Lines and CSV files, directories or stdin.

Supported inputs:

``.txt`` (and any file with an unknown suffix)
    One article per file; the whole text is the body. When the first line looks like
    a headline, in title or sentence case (``timeline.text.boilerplate.is_title_line``)
    *and* is followed by a blank line, it becomes the title and is left out of the
    body, unless it is the page's date ("Updated 8:14 AM EDT, Sat October 7, 2023"),
    which dates the story, a byline or a dateline. Otherwise the title is empty: a
    first line of prose (ending in a full stop) is never taken for a title.
``.html`` / ``.htm``
    One article per file; trafilatura strips navigation and footers and reads the
    title, canonical URL and publication date from the page metadata. Nothing is
    downloaded.
``.jsonl`` / ``.ndjson``
    One JSON object per line with key ``text`` and optional ``id``, ``title``, ``url``
    and ``published``. Blank lines are ignored. Instead of ``text``, a row may give
    ``file``: a text file, relative to the corpus file and inside its folder.
``.csv``
    A header row with column ``text`` (or ``file``, as above) and optional ``id``,
    ``title``, ``url`` and ``published``.
directories
    Searched recursively for the suffixes above, in order of their sorted relative
    paths; hidden files and directories (names starting with ``.``) are ignored.
``-``
    Standard input, read as one plain-text article with id ``stdin``.

Every article gets a stable id: the given ``id``, else the file stem for one-article
files, else ``stem:hash`` for corpus rows (a hash of the row's text, title and URL, so
reordering rows keeps ids: :func:`row_id`). Derived ids that collide get a ``-2``,
``-3``... suffix in reading order.

Trailing boilerplate (a scraped list of unrelated headlines) is split off with
``split_trailing`` into ``Article.trailing``, so ``Article.body`` is what gets analysed.

Only regular files are read: a named pipe, socket or device (given as a path, found
in a directory or named by a ``file`` row) is reported, never opened for reading, so it
cannot block. Bad input (a binary file, invalid UTF-8, an empty file, a malformed row,
an unparseable ``published`` value, a file that is not a regular file) raises :class:`~timeline.errors.InputError` naming
the file and line, unless ``on_error`` is given: then the problem is passed to it, the
file or row is skipped and reading goes on.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from timeline.errors import InputError, NotRegularFileError
from timeline.export.jsonl import json_lines
from timeline.files import read_regular
from timeline.model import Article
from timeline.published import parse_published
from timeline.text.boilerplate import is_title_line, split_trailing

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
#: Field separators of other CSV dialects, named when a header reads as one field.
CSV_OTHER_SEPARATORS = (";", "\t", "|")
#: Suffixes picked up when a directory is searched.
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
#: Fields read from a JSON Lines or CSV corpus; ``text`` is required.
CORPUS_FIELDS = ("id", "text", "file", "title", "url", "published")

ErrorHandler = Callable[[InputError], None]
PathLike = str | os.PathLike[str]

# Invalid UTF-8 bytes survive decoding as lone surrogates (errors="surrogateescape"),
# which lets one bad row be reported and skipped while the rest of a corpus is read.
_SURROGATE = re.compile("[\udc80-\udcff]")
# Bytes that never occur in text; one of them in the first block means binary data.
_BINARY_SNIFF = 8192
# The latest publication date taken from a page's metadata: any real one.
_LATEST_PAGE_DATE = "9999-12-31"


@dataclasses.dataclass(frozen=True)
class _Read:
    """An article as read, and whether its id was derived from the file name."""

    article: Article
    derived_id: bool = True


@dataclasses.dataclass(frozen=True)
class _Row:
    """One record of a corpus before it becomes an Article."""

    source: str
    line: int
    fields: dict[str, object]


def read_articles(
    paths: PathLike | Iterable[PathLike],
    *,
    on_error: ErrorHandler | None = None,
    stdin: BinaryIO | None = None,
) -> list[Article]:
    """Read every article from ``paths`` (a path, ``"-"``, or an iterable of them).

    Strict by default: the first bad input raises :class:`InputError`. With
    ``on_error``, each problem is passed to it and the bad file or row is skipped.
    ``stdin`` replaces ``sys.stdin.buffer`` for ``"-"`` (useful in tests).
    """
    return list(iter_articles(paths, on_error=on_error, stdin=stdin))


def iter_articles(
    paths: PathLike | Iterable[PathLike],
    *,
    on_error: ErrorHandler | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Yield articles one at a time, for corpora too big to hold as a list.

    Same inputs and error handling as :func:`read_articles`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    for path in paths:
        for item in _read_path(os.fspath(path), stdin):
            if isinstance(item, InputError):
                if on_error is None:
                    raise item
                on_error(item)
                continue
            yield _unique(item, seen)


def _read_path(path: str, stdin: BinaryIO | None) -> Iterator[_Read | InputError]:
    """Yield articles (and problems, as InputError values) for one command-line path."""
    if path == "-":
        yield _from_stdin(stdin)
        return
    target = Path(path)
    if target.is_dir():
        files = _files_in(target)
        if not files:
            yield InputError(path, "no .txt, .html, .jsonl or .csv files in this directory")
        named = _named_by_corpora(files)
        for file in files:
            if file.resolve() not in named:
                yield from _read_file(file)
    elif target.exists():
        yield from _read_file(target)
    else:
        yield InputError(path, "no such file or directory")


def _files_in(root: Path) -> list[Path]:
    """Supported files under ``root``, recursively, in a stable sorted order."""
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(folder, name))
    # Sorted by path components, so "a/z.txt" comes before "b.txt" on every machine.
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _named_by_corpora(files: list[Path]) -> set[Path]:
    """The files a JSON Lines or CSV corpus among ``files`` names in its ``file`` column:
    read through the corpus (with its id, title and date), not a second time on their
    own. A corpus that cannot be read names none here; reading it reports why."""
    named: set[Path] = set()
    for corpus in (f for f in files if f.suffix.lower() in JSONL_SUFFIXES | CSV_SUFFIXES):
        try:
            data = read_regular(corpus)
        except (OSError, NotRegularFileError):
            continue
        if _binary_or_empty(data):
            continue
        reader = _jsonl_rows if corpus.suffix.lower() in JSONL_SUFFIXES else _csv_rows
        folder = corpus.resolve().parent
        for row in reader(data, str(corpus)):
            fields = row.fields if isinstance(row, _Row) else {}
            name, text = fields.get("file"), fields.get("text")
            if not isinstance(name, str) or not name.strip() or (
                    isinstance(text, str) and text.strip()):
                continue  # no file, or a row refused for giving both: the file is read
            target = (folder / name.strip()).resolve()
            if folder in target.parents:
                named.add(target)
    return named


def _read_file(path: Path) -> Iterator[_Read | InputError]:
    """Yield the articles of one file, or InputError values for what cannot be read."""
    source = str(path)
    try:
        data = read_regular(path)
    except NotRegularFileError as exc:
        yield InputError(source, str(exc))
        return
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    problem = _binary_or_empty(data)
    if problem:
        yield InputError(source, problem)
        return
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield _from_html(data, source, path.stem)
    elif suffix in JSONL_SUFFIXES:
        yield from _rows_to_articles(_jsonl_rows(data, source), source, path.stem)
    elif suffix in CSV_SUFFIXES:
        yield from _rows_to_articles(_csv_rows(data, source), source, path.stem)
    else:
        yield _from_text(data, source, path.stem)


def _binary_or_empty(data: bytes) -> str:
    """A problem description when ``data`` is empty or binary, else ``""``."""
    if not data.strip() or data.strip() == b"\xef\xbb\xbf":
        return "empty file"
    return not_utf8_text(data)


def not_utf8_text(data: bytes) -> str:
    """What ``data`` is when it is not UTF-8 text (UTF-16, binary), else ``""``.

    Only the byte-order mark and the first block are looked at; invalid UTF-8 further
    on is found when decoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; save the file as UTF-8"
    if b"\x00" in data[:_BINARY_SNIFF]:
        return "binary file (contains NUL bytes), not text"
    return ""


def _decode(data: bytes) -> str:
    """Decode UTF-8 (dropping a byte-order mark), keeping bad bytes as surrogates."""
    text = data.decode("utf-8", errors="surrogateescape")
    return text.removeprefix("\ufeff")


def _bad_utf8(text: str, source: str, first_line: int = 1) -> InputError | None:
    """An InputError naming the line of the first invalid UTF-8 byte, if there is one."""
    match = _SURROGATE.search(text)
    if match is None:
        return None
    line = first_line + text.count("\n", 0, match.start())
    byte = ord(match.group()) - 0xDC00
    return InputError(source, f"invalid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8", line)


def _normalise_newlines(text: str) -> str:
    """Universal newlines, as Python's text mode reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _from_text(data: bytes, source: str, stem: str) -> _Read | InputError:
    """A plain-text article; a headline followed by a blank line becomes the title."""
    text = _normalise_newlines(_decode(data))
    problem = _bad_utf8(text, source)
    if problem:
        return problem
    if not text.strip():  # blank beyond ASCII: U+3000, U+001C...
        return InputError(source, "empty file")
    title, body = _split_title(text)
    return _article(stem, body, title=title, source=source)


def _split_title(text: str) -> tuple[str, str]:
    """``(title, body)``: the first line is a title only if headline-like (title or
    sentence case) and set apart, not a byline or dateline, nor the page's date
    ("Updated 8:14 AM EDT, Sat October 7, 2023" looks like a headline, but the body
    keeps it: it dates the story)."""
    from timeline.events.noise import dateline_spans, noise_spans
    from timeline.temporal.reference_cues import is_stamp_line

    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and rest.startswith("\n") and rest.strip() and is_title_line(first) \
            and not is_stamp_line(first) and not noise_spans(first) and not dateline_spans(first):
        return first.strip(), rest.lstrip("\n")
    return "", text


def _from_stdin(stdin: BinaryIO | None) -> _Read | InputError:
    """Standard input as one plain-text article with id ``stdin``."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read()
    problem = _binary_or_empty(data)
    if problem:
        return InputError("<stdin>", problem)
    return _from_text(data, "<stdin>", "stdin")


def _from_html(data: bytes, source: str, stem: str) -> _Read | InputError:
    """Main text and metadata of an HTML page, boilerplate stripped by trafilatura."""
    import trafilatura  # heavy; only needed for HTML input

    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only metadata and markup dates: a date mentioned in the prose is an event
        # date, not necessarily the publication date. htmldate drops dates after
        # its max_date, which defaults to the clock's today: a fixed one keeps a
        # page's date whatever the clock says.
        date_extraction_params={
            "extensive_search": False, "original_date": True, "max_date": _LATEST_PAGE_DATE,
        },
    )
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        return InputError(source, "no article text found in the HTML")
    title = (document.title or "").strip()
    # trafilatura repeats the <h1> as the first line of the text; the title has it.
    first, sep, rest = text.partition("\n")
    if title and sep and first.strip() == title:
        text = rest
    try:
        published = parse_published(document.date) if document.date else None
    except ValueError as exc:
        return InputError(source, f"bad published date in the page metadata: {exc}")
    return _article(
        stem, text, title=title, url=document.url or "", published=published, source=source
    )


def _jsonl_rows(data: bytes, source: str) -> Iterator[_Row | InputError]:
    """One row per non-blank line; malformed lines become InputError values.

    Lines end at ``\\n`` only, so U+2028 and the like inside a string stay in their row
    and line numbers are the file's own.
    """
    for number, line in json_lines(_decode(data)):
        problem = _bad_utf8(line, source, number)
        if problem:
            yield problem
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON: {exc.msg} (column {exc.colno})", number)
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield InputError(source, f"expected a JSON object, found {kind}", number)
            continue
        yield _Row(source, number, record)


def _csv_rows(data: bytes, source: str) -> Iterator[_Row | InputError]:
    """One row per CSV record after the header; malformed records become InputError."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV header: {exc}", reader.line_num)
        return
    if "text" not in header and "file" not in header:
        problem = f"CSV has no 'text' or 'file' column (columns: {', '.join(header)})"
        yield InputError(source, problem + _header_hint(header), 1)
        return
    yield from _csv_records(reader, header, source)


def _header_hint(header: list[str]) -> str:
    """What is likely wrong with a header that names no text column, or ``""``.

    A spreadsheet set to another locale separates fields with ``;`` (or a tab), which
    reads as one column; a column named ``Text`` or `` text `` is not ``text``.
    """
    if len(header) == 1:
        separator = next((sep for sep in CSV_OTHER_SEPARATORS if sep in header[0]), "")
        if separator:
            return (f"; the header is one field holding {separator!r}: save the file with "
                    "commas between fields")
    near = [name for name in header if name.strip().lower() in ("text", "file")]
    if near:
        name = near[0]
        return f"; column names are matched exactly: rename {name!r} to {name.strip().lower()!r}"
    return ""


def _csv_records(
    reader: Any, header: list[str], source: str
) -> Iterator[_Row | InputError]:
    """Pair each record with the header, reporting records of the wrong width."""
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The reader starts afresh on the next line, so one bad row costs one row.
            yield InputError(source, f"malformed CSV row: {exc}", line)
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problem = f"row has {len(cells)} fields, the header has {len(header)}"
            yield InputError(source, problem, start)
            continue
        problem = _bad_utf8("\n".join(cells), source, start)
        yield problem if problem else _Row(source, start, dict(zip(header, cells)))


def _rows_to_articles(
    rows: Iterable[_Row | InputError], source: str, stem: str
) -> Iterator[_Read | InputError]:
    """Turn corpus rows into articles, passing problems through; no rows is a problem."""
    count = 0
    for row in rows:
        count += 1
        yield row if isinstance(row, InputError) else _row_article(row, stem)
    if not count:
        yield InputError(source, "no records in the file")


def _row_article(row: _Row, stem: str) -> _Read | InputError:
    """Validate one corpus row and build its Article."""
    values: dict[str, str] = {}
    for name in CORPUS_FIELDS:
        value = row.fields.get(name)
        if value is None:
            value = ""
        elif isinstance(value, (int, float)) and name == "id" and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            kind = type(value).__name__
            return InputError(row.source, f"field '{name}' must be a string, not {kind}", row.line)
        values[name] = value
    text = _row_text(row, values)
    if isinstance(text, InputError):
        return text
    try:
        published = parse_published(values["published"]) if values["published"].strip() else None
    except ValueError as exc:
        return InputError(row.source, str(exc), row.line)
    text = _normalise_newlines(text)
    return _article(
        values["id"].strip() or row_id(stem, text, values["title"].strip(), values["url"].strip()),
        text,
        title=values["title"].strip(),
        url=values["url"].strip(),
        published=published,
        source=f"{row.source}:{row.line}",
        given_id=bool(values["id"].strip()),
    )


def row_id(stem: str, text: str, title: str, url: str) -> str:
    """The id of a corpus row that gives none: ``stem:`` and a short hash of its content.

    The hash (8 hex digits of SHA-256 over text, title and URL) does not depend on
    where the row is in the file, so reordering or adding rows keeps every id.
    """
    key = "\x00".join((text, title, url)).encode("utf-8", "surrogatepass")
    return f"{stem}:{hashlib.sha256(key).hexdigest()[:8]}"


def _row_text(row: _Row, values: dict[str, str]) -> str | InputError:
    """The row's inline ``text``, or the contents of the file its ``file`` names."""
    text, name = values["text"], values["file"].strip()
    if text.strip() and name:
        return InputError(row.source, "give either 'text' or 'file', not both", row.line)
    if not name:
        return text if text.strip() else InputError(
            row.source, "missing or empty 'text'", row.line
        )
    folder = Path(row.source).resolve().parent
    target = (folder / name).resolve()
    # A corpus may only point into its own folder, never elsewhere on the disk.
    if folder not in target.parents:
        return InputError(row.source, f"'file' must stay inside the corpus folder: {name}", row.line)
    try:
        data = read_regular(target)
    except OSError as exc:
        return InputError(row.source, f"cannot read 'file' {name}: {exc.strerror or exc}", row.line)
    problem = _binary_or_empty(data)
    if problem:
        return InputError(row.source, f"'file' {name}: {problem}", row.line)
    decoded = _decode(data)
    return _bad_utf8(decoded, str(target)) or decoded


def _article(doc_id: str, text: str, *, given_id: bool = False, **fields: object) -> _Read:
    """Build an Article with trailing boilerplate split off the body."""
    body, trailing = split_trailing(text)
    article = Article(id=doc_id, body=body, trailing=trailing, **fields)  # type: ignore[arg-type]
    return _Read(article, derived_id=not given_id)


def _unique(item: _Read, seen: set[str]) -> Article:
    """Give a derived id that is already taken a ``-2``, ``-3``... suffix.

    Ids given in a corpus are kept as they are: renaming them would surprise the user.
    """
    article = item.article
    doc_id = article.id
    if item.derived_id and doc_id in seen:
        number = 2
        while f"{doc_id}-{number}" in seen:
            number += 1
        doc_id = f"{doc_id}-{number}"
        article = dataclasses.replace(article, id=doc_id)
    seen.add(doc_id)
    return article

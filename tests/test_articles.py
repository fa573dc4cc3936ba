"""Tests for timeline.articles: reading articles from files, corpora and stdin."""

from __future__ import annotations

import io
import json
import os
import types
from pathlib import Path

import pandas as pd
import pytest

from timeline.articles import iter_articles, read_articles, row_id
from timeline.errors import InputError

HTML_PAGE = """<!DOCTYPE html><html><head><title>Milley meets Zaluzhnyi | Example News</title>
<meta property="og:title" content="Milley meets Zaluzhnyi in Poland">
<meta property="og:url" content="https://example.com/news/milley">
<meta property="article:published_time" content="2023-01-19T10:00:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World section</a></nav>
<article><h1>Milley meets Zaluzhnyi in Poland</h1>
<p>The top US and Ukrainian military officers held a meeting in Poland this week for
talks on Ukraine's military requirements. The talks come as the war is nearing its
11th month.</p>
<p>US General Mark Milley met with his Ukrainian counterpart, General Valerii Zaluzhnyi,
in southwestern Poland near the Ukrainian border on Tuesday.</p>
</article><footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>
"""


def lenient(paths: object) -> tuple[list, list[InputError]]:
    """Read in lenient mode; return the articles and the problems reported."""
    problems: list[InputError] = []
    articles = read_articles(paths, on_error=problems.append)  # type: ignore[arg-type]
    return articles, problems


def where(problem: InputError) -> tuple[str, int | None]:
    return Path(problem.source).name, problem.line


# -- plain text ------------------------------------------------------------------------


def test_seed_article_splits_off_trailing_headlines(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    [article] = read_articles(path)
    assert article.id == "seed"
    assert article.title == ""  # the seed starts with prose, not a headline
    assert article.body.startswith("The top US and Ukrainian military officers")
    assert "in the coming months." in article.body
    assert "Anutin" not in article.body and "Bosnian Serb" not in article.body
    assert article.trailing.startswith("Anutin’s Bhumjaithai Party Wins Thai Election")
    assert article.body + article.trailing == seed_text
    assert article.published is None
    assert article.source == str(path)


def test_headline_set_apart_becomes_the_title(tmp_path: Path) -> None:
    path = tmp_path / "titled.txt"
    path.write_text("Milley Meets Zaluzhnyi in Poland\n\nThe officers met on Tuesday.\n")
    [article] = read_articles(path)
    assert article.title == "Milley Meets Zaluzhnyi in Poland"
    assert article.body == "The officers met on Tuesday.\n"


def test_a_byline_set_apart_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "byline.txt"
    path.write_text("By Jane Doe and John Smith\n\nKYIV (Reuters) - Drones hit Kyiv.\n")
    [article] = read_articles(path)
    assert article.title == ""
    assert article.body.endswith("\n\nKYIV (Reuters) - Drones hit Kyiv.\n")


@pytest.mark.parametrize("headline", [
    "Russian drones hit Kyiv power station, Ukraine says",  # Reuters: sentence case
    "Thousands protest in Tbilisi over 'foreign agent' bill",  # the BBC
    "12 killed in Kharkiv strike",  # a figure first
])
def test_a_sentence_case_headline_set_apart_becomes_the_title(tmp_path: Path,
                                                              headline: str) -> None:
    path = tmp_path / "titled.txt"
    path.write_text(f"{headline}\n\nKYIV (Reuters) - Drones hit a power station on Sunday.\n")
    [article] = read_articles(path)
    assert article.title == headline
    assert article.body == "KYIV (Reuters) - Drones hit a power station on Sunday.\n"


@pytest.mark.parametrize(
    "text",
    [
        "The officers met on Tuesday.\n\nThey talked for hours.\n",  # prose, not a title
        "Rebels seized the town, officials said…\n\nThey fled.\n",  # a cut-off paragraph
        "KYIV, May 6 (Reuters) - Drones hit a power station\n\nMore followed.\n",  # a dateline
        "Milley Meets Zaluzhnyi in Poland\nThe officers met on Tuesday.\n",  # no blank line
        # the page's date looks like a headline, but dates the story: the body keeps it
        "Updated 8:14 AM EDT, Sat October 7, 2023\n\nHamas attacked Israel on Saturday.\n",
        "TOKYO | Fri Mar 11, 2011 3:12am EST\n\nTOKYO (Reuters) - A quake hit on Friday.\n",
        "Posted Wed 24 Jan 2024 at 5:30am\n\nFloodwaters rose on Tuesday.\n",
    ],
)
def test_first_line_is_not_taken_for_a_title_without_evidence(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text)
    [article] = read_articles(path)
    assert article.title == ""
    assert article.body == text


def test_crlf_and_byte_order_mark_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffFirst line.\r\nSecond line.\r\n".encode())
    [article] = read_articles(path)
    assert article.body == "First line.\nSecond line.\n"


def test_stdin_is_one_article(tmp_path: Path) -> None:
    stream = io.BytesIO("Duda spoke in Davos on Wednesday.\n".encode())
    [article] = read_articles("-", stdin=stream)
    assert article.id == "stdin"
    assert article.body == "Duda spoke in Davos on Wednesday.\n"


# -- bad files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "line", "words"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        ("latin1.txt", "First line.\nCafé crème.\n".encode("latin-1"), 2, "invalid UTF-8"),
        ("empty.txt", b"", None, "empty"),
        ("blank.txt", b"  \n\n\t\n", None, "empty"),
        ("bom.txt", b"\xef\xbb\xbf\n", None, "empty"),
        ("notepad.txt", "Duda spoke.".encode("utf-16"), None, "UTF-16"),
        ("header.csv", b"id,text,published\r\n", None, "no records"),
        ("blank.jsonl", b"\n\n  \n", None, "empty"),
    ],
)
def test_bad_file_is_reported_with_file_and_line(
    tmp_path: Path, name: str, data: bytes, line: int | None, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles, [problem] = lenient(path)
    assert articles == []
    assert where(problem) == (name, line)
    assert words in problem.problem
    with pytest.raises(InputError) as raised:
        read_articles(path)
    assert str(raised.value).startswith(f"{path}:{line}:" if line else f"{path}:")


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    articles, [problem] = lenient(tmp_path / "nowhere.txt")
    assert articles == []
    assert problem.problem == "no such file or directory"


def test_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01")
    (tmp_path / "b.txt").write_text("Good text.")
    articles, problems = lenient([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [a.id for a in articles] == ["b"]
    assert [where(p) for p in problems] == [("a.txt", None)]


# -- HTML ------------------------------------------------------------------------------


def test_html_boilerplate_stripped_and_metadata_read(tmp_path: Path) -> None:
    path = tmp_path / "milley.html"
    path.write_text(HTML_PAGE)
    [article] = read_articles(path)
    assert article.id == "milley"
    assert article.title == "Milley meets Zaluzhnyi in Poland"
    assert article.url == "https://example.com/news/milley"
    assert article.published == pd.Timestamp("2023-01-19")
    assert article.body.startswith("The top US and Ukrainian military officers")
    assert "General Valerii Zaluzhnyi" in article.body
    for boilerplate in ("World section", "Copyright", "Milley meets Zaluzhnyi in Poland"):
        assert boilerplate not in article.body


def test_html_date_later_than_the_clock_is_kept(tmp_path: Path) -> None:
    # The page's date is read without the clock: a date after today is no reason to
    # drop it (htmldate's default latest date is the machine's today).
    path = tmp_path / "later.html"
    path.write_text(HTML_PAGE.replace("2023-01-19T10:00:00", "2091-03-07T10:00:00"))
    [article] = read_articles(path)
    assert article.published == pd.Timestamp("2091-03-07")


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "nav.htm"
    path.write_text(
        "<html><head><title>Only a title</title></head>"
        "<body><script>var a = 1;</script></body></html>"
    )
    articles, [problem] = lenient(path)
    assert articles == []
    assert where(problem) == ("nav.htm", None)
    assert "no article text" in problem.problem


# -- JSON Lines ------------------------------------------------------------------------


def jsonl(*lines: object) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def test_jsonl_fields_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        jsonl(
            {"id": "a1", "text": "Duda spoke in Davos.", "published": "2023-01-18",
             "title": "Duda in Davos", "url": "https://example.com/duda"},
            "",
            {"text": "Milley met Zaluzhnyi.", "id": 7},
        )
    )
    first, second = read_articles(path)
    assert (first.id, first.title, first.url) == ("a1", "Duda in Davos", "https://example.com/duda")
    assert first.published == pd.Timestamp("2023-01-18")
    assert first.body == "Duda spoke in Davos."
    assert first.source == f"{path}:1"
    assert second.id == "7"
    assert second.published is None


def test_jsonl_row_without_id_gets_stem_and_content_hash(tmp_path: Path) -> None:
    # 8 hex digits of sha256("One.\0\0") (text, title, url), as `sha256sum` gives.
    path = tmp_path / "news.jsonl"
    path.write_text(jsonl({"text": "One."}, "", {"text": "Three."}))
    assert [a.id for a in read_articles(path)] == ["news:fbe8a1b0", "news:d1686647"]


def test_row_ids_do_not_change_when_rows_are_added_or_reordered(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [{"text": "One.", "title": "A"}, {"text": "Two.", "url": "https://x.example/2"}]
    path.write_text(jsonl(*rows))
    before = {a.body: a.id for a in read_articles(path)}
    path.write_text(jsonl({"text": "New first."}, *reversed(rows)))
    after = {a.body: a.id for a in read_articles(path)}
    assert {body: after[body] for body in before} == before
    assert len(set(after.values())) == 3


def test_jsonl_broken_lines_are_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        {"text": "Good one."},
        '{"text": "unterminated',
        "[1, 2]",
        {"title": "no text"},
        {"text": "Bad date.", "published": "the day after never"},
        {"text": 42},
        {"text": "Good two."},
    ]
    path.write_bytes(jsonl(*lines).encode() + b'{"text": "caf\xe9"}\n')
    articles, problems = lenient(path)
    assert [a.body for a in articles] == ["Good one.", "Good two."]
    assert [where(p) for p in problems] == [("news.jsonl", n) for n in (2, 3, 4, 5, 6, 8)]
    assert "malformed JSON" in problems[0].problem
    assert "JSON object" in problems[1].problem
    assert "text" in problems[2].problem
    assert "the day after never" in problems[3].problem
    assert "invalid UTF-8" in problems[5].problem


def test_jsonl_strict_mode_raises_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(jsonl({"text": "Good."}, "{broken"))
    with pytest.raises(InputError) as raised:
        read_articles(path)
    assert (raised.value.source, raised.value.line) == (str(path), 2)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"], ids=repr)
def test_jsonl_rows_with_unicode_line_separators_keep_their_line(
    tmp_path: Path, char: str
) -> None:
    # The repro: a row holding U+2028 raw was dropped as malformed, and every later
    # line number in the warnings was off by one.
    path = tmp_path / "news.jsonl"
    body = f"Before{char}after."
    row = json.dumps({"text": body}, ensure_ascii=False)  # U+2028 raw, controls escaped
    path.write_text(jsonl(row, "{broken", {"text": "Last."}), encoding="utf-8")
    articles, problems = lenient(path)
    assert [a.body for a in articles] == [body, "Last."]
    assert [a.id for a in articles] == [row_id("news", body, "", ""), "news:b033b69c"]
    assert [where(p) for p in problems] == [("news.jsonl", 2)]


# -- CSV -------------------------------------------------------------------------------


def test_csv_rows_with_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        'id,text,published,title\n'
        ',"Milley met Zaluzhnyi.\nThey talked, at length.",2023-01-17,Meeting\n'
        'd1,Duda spoke in Davos.,,\n'
    )
    first, second = read_articles(path)
    # The first record starts on line 2 and spans two lines.
    assert first.id == "news:1b162ec3"  # a hash of text and title, not the line
    assert first.body == "Milley met Zaluzhnyi.\nThey talked, at length."
    assert first.published == pd.Timestamp("2023-01-17")
    assert first.title == "Meeting"
    assert (second.id, second.published, second.title) == ("d1", None, "")


def test_csv_malformed_rows_are_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(
        b"text,published\n"
        b"Good one.,\n"
        b'"bad"quote,\n'
        b"too,many,fields\n"
        b"Bad date.,31/31/2023\n"
        b"caf\xe9,\n"
        b"Good two.,2023-01-19\n"
    )
    articles, problems = lenient(path)
    assert [a.body for a in articles] == ["Good one.", "Good two."]
    assert [where(p) for p in problems] == [("news.csv", n) for n in (3, 4, 5, 6)]
    assert "3 fields" in problems[1].problem
    assert "31/31/2023" in problems[2].problem
    assert "invalid UTF-8" in problems[3].problem


def test_csv_without_text_column_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("body,date\nSomething.,2023-01-01\n")
    articles, [problem] = lenient(path)
    assert articles == []
    assert where(problem) == ("news.csv", 1)
    assert "no 'text' or 'file' column" in problem.problem
    assert problem.problem.endswith("(columns: body, date)")


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        # A spreadsheet in a French or German locale saves CSV with semicolons.
        ("id;title;text", "the header is one field holding ';': save the file with commas"),
        ("id\ttext", "the header is one field holding '\\t'"),
        ("ID,Title,Text", "rename 'Text' to 'text'"),
        ("id, file", "rename ' file' to 'file'"),
    ],
)
def test_csv_without_text_column_says_what_is_likely_wrong(
    tmp_path: Path, header: str, hint: str
) -> None:
    path = tmp_path / "news.csv"
    path.write_text(header + "\n1,Rain fell in Oslo on Monday.\n", encoding="utf-8")
    articles, [problem] = lenient(path)
    assert articles == []
    assert where(problem) == ("news.csv", 1)
    assert "no 'text' or 'file' column" in problem.problem
    assert hint in problem.problem


# -- directories -----------------------------------------------------------------------


def test_file_rows_are_read_relative_to_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Rain fell in Oslo on Monday.\n", encoding="utf-8")
    rows = [
        {"id": "a", "published": "2024-03-05", "file": "one.txt", "title": "Rain"},
        {"id": "b", "published": "2024-03-06", "text": "Snow fell in Bergen on Tuesday."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    first, second = read_articles(corpus)
    assert (first.id, first.title, str(first.published)) == ("a", "Rain", "2024-03-05 00:00:00")
    assert first.body == "Rain fell in Oslo on Monday.\n"
    assert (second.id, second.body) == ("b", "Snow fell in Bergen on Tuesday.")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"id": "a", "text": "x", "file": "x.txt"}, ":1: give either 'text' or 'file', not both"),
        ({"id": "a", "file": "../outside.txt"}, ":1: 'file' must stay inside the corpus folder"),
        ({"id": "a", "file": "missing.txt"}, ":1: cannot read 'file' missing.txt"),
    ],
)
def test_bad_file_rows_name_the_line(tmp_path: Path, row: dict[str, str], problem: str) -> None:
    (tmp_path / "outside.txt").write_text("Outside the folder.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus = folder / "corpus.jsonl"
    corpus.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_articles(corpus)
    assert problem in str(caught.value), str(caught.value)


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.")
    (tmp_path / "b" / "a.jsonl").write_text(jsonl({"text": "A1."}, {"text": "A2."}))
    (tmp_path / "a" / "y.txt").write_text("Y.")
    (tmp_path / "top.txt").write_text("Top.")
    (tmp_path / "notes.md").write_text("Not an article.")
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden.")
    (tmp_path / ".draft.txt").write_text("Draft.")
    ids = [a.id for a in read_articles(tmp_path)]
    assert ids == ["y", "a:68309201", "a:14334dc6", "z", "top"]  # a/y, b/a, b/z, top


def test_derived_ids_are_made_unique(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"From {folder}.")
    assert [a.id for a in read_articles(tmp_path)] == ["report", "report-2"]


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    articles, [problem] = lenient(tmp_path)
    assert articles == []
    assert "no .txt" in problem.problem


def test_iter_articles_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.")
    articles = iter_articles(tmp_path)
    assert isinstance(articles, types.GeneratorType)
    assert [a.body for a in articles] == ["A."]


# -- files that are not regular files --------------------------------------------------

READ_IN_BOTH_MODES = """
import json, sys
from timeline.articles import read_articles
from timeline.errors import InputError
problems = []
articles = read_articles(sys.argv[1:], on_error=problems.append)
print(json.dumps([[a.id for a in articles], [str(p) for p in problems]]))
for path in sys.argv[1:]:
    try:
        read_articles(path)
    except InputError as exc:
        print(json.dumps(str(exc)))
"""
FIFO = "not a regular file: a named pipe (FIFO)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifos_and_devices_are_reported_never_read(tmp_path: Path, run_bounded) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text("Duda spoke in Davos on Wednesday.\n")
    os.mkfifo(folder / "pipe.txt")
    given = tmp_path / "given.txt"
    os.mkfifo(given)
    manifest = tmp_path / "manifest"
    manifest.mkdir()
    os.mkfifo(manifest / "row.txt")
    (manifest / "corpus.jsonl").write_text(json.dumps({"id": "a", "file": "row.txt"}) + "\n")
    paths = [str(given), str(folder), str(manifest / "corpus.jsonl"), os.devnull]
    result = run_bounded("-c", READ_IN_BOTH_MODES, *paths)
    assert result.returncode == 0, result.stderr
    (ids, problems), *strict = map(json.loads, result.stdout.splitlines())
    assert ids == ["good"]
    assert problems == [
        f"{given}: {FIFO}",
        f"{folder / 'pipe.txt'}: {FIFO}",
        f"{manifest / 'corpus.jsonl'}:1: cannot read 'file' row.txt: {FIFO}",
        f"{os.devnull}: not a regular file: a character device",
    ]
    # Strict mode: an InputError naming the file, the first problem of each path.
    assert strict == problems


def test_text_of_only_unicode_blanks_is_an_empty_file(tmp_path) -> None:
    from timeline.articles import read_articles
    from timeline.errors import InputError

    path = tmp_path / "blank.txt"
    path.write_text("\x1c\u3000\u2003\n", encoding="utf-8")
    problems: list[InputError] = []
    assert read_articles(path, on_error=problems.append) == []
    assert [p.problem for p in problems] == ["empty file"]


def test_a_file_a_corpus_names_is_read_once_through_the_corpus(tmp_path: Path) -> None:
    # The bundled sample's layout: corpus.jsonl names seed.txt, with its id and date;
    # reading the folder must not read seed.txt a second time under its file name.
    (tmp_path / "seed.txt").write_text("Troops crossed the river on Tuesday.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Police fired tear gas on Monday.\n", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(
        '{"id": "seed-1", "published": "2023-01-19", "file": "seed.txt"}\n', encoding="utf-8")
    articles = read_articles(tmp_path)
    assert sorted(a.id for a in articles) == ["other", "seed-1"]
    assert next(a for a in articles if a.id == "seed-1").published.date().isoformat() == "2023-01-19"


def test_the_bundled_sample_folder_reads_each_article_once() -> None:
    from timeline.sample import sample_path

    articles = read_articles(sample_path().parent)
    assert len(articles) == len({a.body for a in articles})


def test_a_file_named_by_a_refused_row_is_still_read(tmp_path: Path) -> None:
    # A row giving both text and file is refused; the file it names is then read on
    # its own, not lost with the row.
    (tmp_path / "a.txt").write_text("Troops crossed the river on Tuesday.\n", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(
        '{"id": "x", "text": "Police fired tear gas.", "file": "a.txt"}\n', encoding="utf-8")
    problems: list[object] = []
    articles = read_articles(tmp_path, on_error=problems.append)
    assert [a.id for a in articles] == ["a"] and len(problems) == 1

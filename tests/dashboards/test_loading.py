"""Uploads and pasted text become articles; bad files are reported by name."""

from __future__ import annotations

from dashboards.loading import markdown_escape, pasted_article, read_uploads


def test_pasted_article_ids_are_stable_and_titles_short():
    text = "Leaders met in Kyiv on Monday.\nMore text."
    first, again = pasted_article(text), pasted_article(text)
    assert first.id == again.id and first.id.startswith("pasted-")
    assert first.title == "Leaders met in Kyiv on Monday."
    assert first.body.startswith("Leaders met")


def test_oversized_upload_is_refused_with_its_name():
    report = read_uploads([("big.txt", b"x" * 2_000_000)], limit_mb=1)
    assert report.articles == []
    assert report.problems == ["big.txt: refused, 1.9 MB is over the 1 MB upload limit"]


def test_bad_files_are_named_and_the_rest_load():
    files = [
        ("good.txt", b"Leaders met in Kyiv on Monday."),
        ("broken.txt", b"caf\xe9 \xff\xfe bad bytes"),
        ("../../escape.csv", b"text\nThe parliament voted on Tuesday.\n"),
        ("image.png", b"\x89PNG"),
    ]
    report = read_uploads(files, limit_mb=20)
    bodies = [a.body for a in report.articles]
    assert "Leaders met in Kyiv on Monday." in bodies
    assert "The parliament voted on Tuesday." in bodies
    named = " | ".join(report.problems)
    assert named.count("broken.txt") == 1 and "image.png: unsupported file type" in named
    assert len(report.problems) == 2


def test_markdown_escape_neutralises_markup():
    assert markdown_escape("<b>*x*</b> [a](b)") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\]\(b\)"

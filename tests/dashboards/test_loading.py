"""Uploads and pasted text become articles; bad files are reported by name."""

from __future__ import annotations

from dashboards.loading import pasted_article, read_uploads
from dashboards.text import markdown_escape


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
    assert markdown_escape("<b>*x*</b> [a](b) #1") == \
        "&lt;b&gt;&#42;x&#42;&lt;/b&gt; &#91;a&#93;&#40;b&#41; &#35;1"


def test_a_saved_timeline_loads_back(tiny, tmp_path):
    from dashboards.loading import load_source
    from timeline.export import to_csv

    path = tmp_path / "saved.csv"
    to_csv(tiny, path)
    source = load_source((), str(path))
    assert sorted(source.events["event_id"]) == ["e1", "e2", "e3", "e4", "e5"]
    assert source.events.loc[0, "actors"] == ["Mark Milley", "Valerii Zaluzhnyi"]
    assert source.problems == ()


def test_unreadable_paths_are_reported_and_the_rest_load(tmp_path, monkeypatch):
    import dashboards.loading as loading

    good = tmp_path / "good.txt"
    good.write_text("Leaders met in Kyiv on Monday.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    seen = []
    monkeypatch.setattr(loading, "extract_articles",
                        lambda articles, *a, **k: seen.extend(articles) or tiny_frame())
    source = loading.load_source((str(good), str(bad)))
    assert [a.body for a in seen] == ["Leaders met in Kyiv on Monday."]
    assert len(source.problems) == 1 and "bad.txt" in source.problems[0]


def tiny_frame():
    from timeline.schema import empty_frame

    return empty_frame()

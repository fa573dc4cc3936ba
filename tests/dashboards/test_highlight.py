"""Highlighted sentences: article text is escaped before any markup is added."""

from __future__ import annotations

from dashboards.highlight import Span, find_all, highlight, sentence_in_context, sentence_spans


def test_find_all_is_case_insensitive_and_non_overlapping():
    assert find_all("aaa Milley MILLEY", "milley") == [(4, 10), (11, 17)]
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_all("text", "") == []


def test_spans_fall_back_to_surname_and_time_wins_overlaps():
    sentence = "On Tuesday, Milley met Zaluzhnyi in Poland."
    spans = sentence_spans(sentence, "Tuesday", ["Mark Milley", "Valerii Zaluzhnyi"],
                           ["Poland", "Tuesday"])
    assert [(sentence[s.start:s.end], s.kind) for s in spans] == [
        ("Tuesday", "time"), ("Milley", "actor"), ("Zaluzhnyi", "actor"),
        ("Poland", "place")]


def test_highlight_escapes_text_and_adds_only_marks():
    sentence = "<script>alert(1)</script> Milley <img src=x onerror=alert(1)>"
    html = highlight(sentence, sentence_spans(sentence, "", ["Mark Milley"], []))
    assert html == ("&lt;script&gt;alert(1)&lt;/script&gt; "
                    '<mark class="tl-actor" title="actor">Milley</mark> '
                    "&lt;img src=x onerror=alert(1)&gt;")


def test_entity_text_inside_a_mark_is_escaped_too():
    assert highlight("a<b", [Span(1, 2, "place")]) == \
        'a<mark class="tl-place" title="place">&lt;</mark>b'


def test_context_only_when_offsets_match():
    body = "First <b>sentence</b>. Milley met Zaluzhnyi. Last one."
    sentence = "Milley met Zaluzhnyi."
    start = body.index(sentence)
    html = sentence_in_context(sentence, [], body, start, start + len(sentence))
    assert html.startswith('<span class="tl-context">First &lt;b&gt;sentence&lt;/b&gt;. ')
    assert html.endswith(' Last one.</span>')
    alone = sentence_in_context(sentence, [], body, 0, len(sentence))  # stale offsets
    assert alone == f'<span class="tl-sentence">{sentence}</span>'

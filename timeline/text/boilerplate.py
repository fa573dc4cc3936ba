"""Keep the non-body blocks of a scraped page out of the body.

Two kinds of boilerplate are cut:

* a trailing block: a run of at least ``min_lines`` short, title-cased lines with no
  sentence punctuation at the end of the text (a list of unrelated headlines);
* interleaved lines (``boilerplate.yaml``): table rows, bulleted or numbered link lists,
  "Related" / "Read more" / "Most read" / "Sign up" blocks, bylines, photo captions and
  credits, links with their title inline ("READ MORE: ...") and page furniture
  ("Advertisement"), wire footers.

The body keeps the text's length up to the trailing block: an interleaved line is
blanked (its characters become spaces), so character offsets into the body are offsets
into the original text too. What was cut is returned beside the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import entries, read_bundled, word_list

RESOURCE = "boilerplate.yaml"
#: The kinds of boilerplate line, each an entry of ``boilerplate.yaml``.
KINDS = ("table", "heading", "byline", "caption", "bullet", "promo", "footer")
_LINK = re.compile(r"\]\(|https?://|www\.")
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")

_SENTENCE_END = frozenset('.!?;"”’\'…')
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)


@dataclass(frozen=True)
class HeadlineRule:
    """Thresholds for telling a headline line from a line of prose."""

    max_chars: int = 160
    #: Most words of a sentence-case headline at the top of a story.
    max_title_words: int = 20
    min_words: int = 2
    min_title_ratio: float = 0.6
    min_lines: int = 3


def is_title_line(line: str, rule: HeadlineRule = HeadlineRule()) -> bool:
    """True when ``line``, set apart at the top of a story, reads as its headline:
    title-cased, or in sentence case as Reuters, AP and the BBC write them ("Russian
    drones hit Kyiv power station, Ukraine says", "12 killed in Kharkiv strike"): short,
    a capital or a figure first, no sentence punctuation (nor an ellipsis) at its end."""
    stripped = line.strip()
    words = stripped.split()
    return is_headline(stripped, rule) or (
        rule.min_words <= len(words) <= rule.max_title_words and len(stripped) <= rule.max_chars
        and (stripped[0].isupper() or stripped[0].isdigit())
        and stripped[-1] not in _SENTENCE_END and stripped[-1] != ":")


def is_headline(line: str, rule: HeadlineRule = HeadlineRule()) -> bool:
    """True when ``line`` looks like a headline: short, title-cased, unpunctuated."""
    stripped = line.strip()
    if not stripped or len(stripped) > rule.max_chars or stripped[-1] in _SENTENCE_END:
        return False
    words = [w for w in stripped.split() if any(ch.isalpha() for ch in w)]
    if len(words) < rule.min_words:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    capitalised = sum(1 for w in content if _first_letter(w).isupper())
    return capitalised / len(content) >= rule.min_title_ratio


def split_trailing(text: str, rule: HeadlineRule = HeadlineRule()) -> tuple[str, str]:
    """Return ``(body, removed)``: the body without boilerplate (interleaved lines
    blanked in place, the trailing headline block cut off) and what was removed."""
    body, trailing = split_headline_block(text, rule)
    blanked, removed = blank_boilerplate(body)
    if not blanked.strip():  # nothing but boilerplate-like lines: keep it whole
        return body, trailing
    return blanked, "".join(line if line.endswith("\n") else line + "\n" for line in removed) + trailing


def split_headline_block(text: str, rule: HeadlineRule = HeadlineRule()) -> tuple[str, str]:
    """Return ``(body, trailing)`` where ``trailing`` is the headline block, or ``""``."""
    lines = text.splitlines(keepends=True)
    offset = len(text)
    block_start = len(text)
    count = 0
    for line in reversed(lines):
        offset -= len(line)
        if not line.strip():
            continue
        if not is_headline(line, rule):
            break
        count += 1
        block_start = offset
    body = text[:block_start]
    # A text made only of headline-like lines has no body to protect: keep it whole.
    if count < rule.min_lines or not body.strip():
        return text, ""
    return body, text[block_start:]


def _first_letter(word: str) -> str:
    for ch in word:
        if ch.isalpha():
            return ch
    return ""


@dataclass(frozen=True)
class Boilerplate:
    """The contents of ``boilerplate.yaml``, compiled."""

    table_min_pipes: int
    stamp_cells: frozenset[str]
    min_bullet_lines: int
    bullets: tuple[str, ...]
    numbered: re.Pattern[str]
    headings: frozenset[str]
    byline: re.Pattern[str]
    caption_markers: tuple[str, ...]
    credit_starts: tuple[str, ...]
    file_markers: tuple[str, ...]
    max_words_after_credit: int
    footers: tuple[re.Pattern[str], ...]
    promo_prefix: re.Pattern[str]
    promo_words: int
    promos: tuple[re.Pattern[str], ...]
    #: Most words in a heading: a longer line is no heading.
    heading_words: int = 0
    #: Any caption marker: a line holding none is no closing credit.
    any_marker: re.Pattern[str] | None = None


@cache
def load_boilerplate() -> Boilerplate:
    """Read and check ``boilerplate.yaml`` (cached: the file is bundled)."""
    return compile_boilerplate(read_bundled(RESOURCE), RESOURCE)


def compile_boilerplate(data: dict[str, Any], source: str) -> Boilerplate:
    """The line kinds of a parsed boilerplate file, checked: one entry per kind."""
    kinds = {entry["id"]: entry for entry in entries(data, source, "kinds")}
    missing = [kind for kind in KINDS if kind not in kinds]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if missing or unknown:
        raise RuleFileError(source, f"kinds must be {', '.join(KINDS)}; "
                            f"missing {missing}, unknown {unknown}")
    table, caption, bullet = kinds["table"], kinds["caption"], kinds["bullet"]
    try:
        headings = frozenset(_heading_key(h) for h in word_list(kinds["heading"], source, "words"))
        markers = word_list(caption, source, "markers")
        return Boilerplate(
            table_min_pipes=int(table["min_pipes"]),
            stamp_cells=frozenset(word_list(table, source, "stamp_cells")),
            min_bullet_lines=int(bullet["min_lines"]),
            bullets=word_list(bullet, source, "bullets"),
            numbered=re.compile(str(bullet["numbered"])),
            headings=headings,
            byline=re.compile(str(kinds["byline"]["pattern"])),
            caption_markers=markers,
            credit_starts=word_list(caption, source, "starts"),
            file_markers=word_list(caption, source, "file_markers"),
            max_words_after_credit=int(caption["max_words_after"]),
            footers=tuple(re.compile(str(p)) for p in word_list(kinds["footer"], source, "patterns")),
            promo_prefix=_prefix_pattern(word_list(kinds["promo"], source, "prefixes")),
            promo_words=int(kinds["promo"]["max_words"]),
            promos=tuple(re.compile(str(p)) for p in word_list(kinds["promo"], source, "patterns")),
            heading_words=max((len(h.split()) for h in headings), default=0),
            any_marker=re.compile("|".join(map(re.escape, markers))) if markers else None,
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise RuleFileError(source, f"malformed: {exc!r}") from exc


def _prefix_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """"READ MORE:", "Related:" at the start of a line, any case and spacing."""
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split()))
                            for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?i:{alternatives})\s*:\s*\S")


@cache
def _either(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``patterns`` does, so a line costs one call;
    None when they cannot be joined (flags of their own, back-references, a group name
    used twice)."""
    if not patterns or any(p.flags != re.UNICODE or re.search(r"\\[1-9]|\(\?P=", p.pattern)
                           for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None


def _matches_any(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether one of ``patterns`` matches at the start of ``line``."""
    either = _either(patterns)
    return bool(either.match(line)) if either is not None else any(p.match(line) for p in patterns)


def _promo(line: str, rules: Boilerplate) -> bool:
    """A link with its title inline ("READ MORE: Sudan's war explained") or a line of
    page furniture ("Advertisement", "... Sign up here.")."""
    if rules.promo_prefix.match(line):
        return len(line.split()) <= rules.promo_words + 2
    return _matches_any(line, rules.promos)


def _heading_key(line: str) -> str:
    return " ".join(line.strip().rstrip(":").lower().split())


def _is_heading(stripped: str, rules: Boilerplate) -> bool:
    """``_heading_key(stripped) in rules.headings``, without lower-casing and splitting
    the whole of a long line: one with more words than any heading is none."""
    words = stripped.rstrip(":").split(None, rules.heading_words)
    return len(words) <= rules.heading_words and " ".join(words).lower() in rules.headings


def _unpunctuated(line: str, words: int = 14) -> bool:
    """A short line with no sentence end: a link text, a headline, a menu entry."""
    stripped = line.strip()
    return bool(stripped) and stripped[-1] not in _SENTENCE_END and len(stripped.split()) <= words


def _bullet_item(line: str, rules: Boilerplate) -> bool:
    """A bulleted or numbered link, headline or menu entry (not a sentence)."""
    stripped = line.strip()
    numbered = rules.numbered.match(stripped)
    if numbered:
        rest = stripped[numbered.end():]
    else:
        bullet = next((b for b in rules.bullets if stripped.startswith(b + " ")), None)
        if bullet is None:
            return False
        rest = stripped[len(bullet):]
    rest = rest.rstrip().removesuffix("?")  # "What happens next?" is a headline
    return bool(_LINK.search(rest)) or _unpunctuated(rest) or is_headline(rest)


def _stamp(line: str, rules: Boilerplate) -> bool:
    """An agency's timestamp line ("Paris, France | AFP | Thursday 23/03/2023 - 18:45")."""
    return any(cell.strip() in rules.stamp_cells for cell in line.split("|"))


def _closing_credit(line: str, marker: str, max_words: int) -> bool:
    """True when the last ``marker`` of ``line`` closes it: a credit ("... (AP Photo/Jane
    Doe)", "... REUTERS/Jane Doe"), not an agency dateline before the story ("KABUL (AFP)
    - A suicide bomber killed ...")."""
    at = line.rfind(marker)
    if at < 0:
        return False
    tail = line[at + len(marker):]
    if marker.startswith("("):
        close = tail.find(")")
        tail = tail[close + 1:] if close >= 0 else ""
    return len(tail.replace("/", " ").split()) <= max_words


def line_kind(line: str, rules: Boilerplate | None = None) -> str:
    """What boilerplate ``line`` is on its own: table, heading, byline, footer, caption,
    bullet, promo, or ""."""
    rules = rules or load_boilerplate()
    stripped = line.strip()
    if not stripped:
        return ""
    if _TABLE_RULE.match(stripped) or (stripped.count("|") >= rules.table_min_pipes
                                       and stripped[-1] not in ".!?" and not _stamp(stripped, rules)):
        return "table"
    if _is_heading(stripped, rules):
        return "heading"
    if rules.byline.match(stripped):
        return "byline"
    if _matches_any(stripped, rules.footers):
        return "footer"
    if stripped.startswith(rules.credit_starts) or (
            rules.any_marker is not None and rules.any_marker.search(stripped) and any(
                _closing_credit(stripped, m, rules.max_words_after_credit)
                for m in rules.caption_markers)):
        return "caption"
    if _bullet_item(stripped, rules):
        return "bullet"
    if _promo(stripped, rules):
        return "promo"
    return ""


def boilerplate_lines(lines: Sequence[str], rules: Boilerplate | None = None) -> set[int]:
    """Indices of the boilerplate lines of ``lines``: one pass, linear in their number."""
    rules = rules or load_boilerplate()
    kinds = [line_kind(line, rules) for line in lines]
    cut: set[int] = set()
    i = 0
    while i < len(lines):
        kind = kinds[i]
        if kind == "heading":  # the heading and the short lines under it
            cut.add(i)
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or kinds[j] or _unpunctuated(lines[j])
                                      or _LINK.search(lines[j])):
                cut.update([j] if lines[j].strip() else [])
                j += 1
            i = j
        elif kind == "bullet":  # a run of bullets, blank lines allowed between them
            run, j = [], i
            while j < len(lines) and (kinds[j] == "bullet" or not lines[j].strip()):
                run.extend([j] if kinds[j] == "bullet" else [])
                j += 1
            cut.update(run if len(run) >= rules.min_bullet_lines else [])
            i = j
        else:
            cut.update([i] if kind else [])
            i += 1
    return cut


def notice_years(lines: str, rules: Boilerplate | None = None) -> list[int]:
    """The years of the copyright notices among ``lines`` ("Copyright 2023 The
    Associated Press."): the ``year`` group of a footer pattern."""
    rules = rules or load_boilerplate()
    years = []
    for line in lines.splitlines():
        for pattern in rules.footers:
            match = pattern.match(line.strip())
            if match and match.groupdict().get("year"):
                years.append(int(match.group("year")))
    return years


def news_captions(lines: str, rules: Boilerplate | None = None) -> list[str]:
    """The credited photo captions among ``lines`` ("... Tuesday, Feb. 7, 2023. (AP
    Photo/Hussein Malla)") that are not of an archive photo ("FILE -", "(AP Photo/Jane
    Doe, File)"): their dates are the news's own days. A caption a site labels ("Image
    caption, Mourners gather where 364 people were killed on 7 October 2023") tells the
    story's past as often as the photo's day, and is not one."""
    rules = rules or load_boilerplate()
    # The credit first (most lines hold no marker at all), then the line's kind.
    if rules.any_marker is None:
        return []
    return [line.strip() for line in lines.splitlines()
            if rules.any_marker.search(line)
            and any(_closing_credit(line.strip(), m, rules.max_words_after_credit)
                    for m in rules.caption_markers)
            and not any(marker in line for marker in rules.file_markers)
            and line_kind(line, rules) == "caption"]


def blank_boilerplate(text: str) -> tuple[str, list[str]]:
    """``text`` with its boilerplate lines blanked in place, and those lines."""
    lines = text.splitlines(keepends=True)
    cut = boilerplate_lines(lines)
    if not cut:
        return text, []
    out, removed = [], []
    for i, line in enumerate(lines):
        if i in cut:
            content = line.rstrip("\r\n")
            removed.append(line)
            out.append(" " * len(content) + line[len(content):])
        else:
            out.append(line)
    return "".join(out), removed

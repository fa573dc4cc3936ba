"""Guess whether the clause around a time expression speaks of the past or the future.

The nearest tense cue before the expression, within its clause, decides; when there is
none, the nearest cue after it. Cues come from ``temporal_words.yaml``: future markers
("will", "is due to", "plans to", "next"), past forms ("met", "said", any "-ed" verb
not on the exception list) and present forms. A base verb after "will" is not a cue,
so "Milley will meet Zaluzhnyi on Tuesday" reads as future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.temporal.rules import load_words
from timeline.temporal.scheduled import attributed, reporting_past, scheduled_cue
from timeline.temporal.tense_hints import copula_near, deferral_before

#: How far around an expression the clause is searched, in characters.
WINDOW = 160
#: A full stop ends a clause unless it ends an abbreviation: a clock's "p.m.", an
#: initial ("U.S."), a title ("Mr.", "Gen."), or a word before a digit or a lower-case
#: word ("Jan. 5", "about 5 p.m. on Friday").
_TITLES = ("Mrs", "Gen", "Sen", "Rep", "Gov", "Col", "Sgt", "Capt", "Prof")
_ABBREVIATION = (r"(?<![ap]\.m)(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\bvs)"
                 + "".join(f"(?<!\\b{t})" for t in _TITLES))
#: (The look-ahead for the full stop comes first so that the look-behinds are tried only there.)
_CLAUSE_END = re.compile(r"[!?;:]\s|\n|[“”\"]|(?=\.)" + _ABBREVIATION + r"\.\s++(?![a-z0-9])")
_WORD = re.compile(r"[\w'’]+")
_BE = frozenset({"be", "been", "being", "is", "are", "am", "get", "gets", "getting"})
_PAST_AUX = frozenset({"was", "were", "had"})
#: A cue that starts with one of these carries its own tense ("is due"): a past
#: auxiliary before it belongs to another verb ("was arrested Sunday and is due ...").
_PRESENT_AUX = frozenset({"is", "are", "am", "will", "shall"})
#: Words after which a verb is in its base form: "will hit", "plans to set off" (the
#: same spelling as the past of "hit", "set off") tell no past.
_BASE_BEFORE = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must",
                          "to", "did", "does", "do"})
#: Words after which an -ed word is an adjective: "the revised plan", "a still unspecified date".
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "still", "newly"})
#: How many words before an expression its own verb may be ("premiered at Cannes in",
#: "rose to 2 percent in": an object or a figure may stand between).
NEAR_CUE = 6
#: How many words nearer a cue after the expression must be to beat one before it.
RIGHT_PENALTY = 6
#: "since" right before an expression: what it names has begun by the reference date.
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
#: "until" right before an expression names a deadline still ahead ("markets remain
#: closed until Friday", "postponed until Tuesday morning"), unless a past auxiliary
#: puts the clause in the past ("Until Thursday, they had not called him a suspect").
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
#: A relative clause set off by commas before the expression has its own verb: "The
#: trial, which began three weeks ago, resumes on Monday" is told by "resumes".
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s[^,;]{1,80},")
#: A comma right after an expression that opens its clause closes a fronted phrase
#: ("In January, a car bomb outside the station killed four"): the first verb after it
#: is the clause's own, however long the subject before it.
_FRONTED = re.compile(r",\s")


@dataclass(frozen=True)
class Tense:
    """The tense found around an expression and the word that showed it; ``near``: the
    word is among the ``NEAR_CUE`` words just before the expression ("closed in May"),
    or just after one that opens its clause ("In May, the plant closed"; ``opens``), or
    is the first verb after such an expression set off by a comma ("In May, a bomb
    outside the station killed four")."""

    tense: str | None
    cue: str = ""
    near: bool = False
    opens: bool = False


#: The "tense" of an expression after "since": it must have started by the anchor date.
SINCE = Tense("since", "since")
#: Narrative mode: a story moves forward from the last date mentioned.
NARRATIVE = Tense("narrative", "story order")
#: "until" right before an expression: a deadline still ahead of the reference date.
UNTIL = Tense("future", "until")
#: A clause in the present perfect ("have risen in recent years"): a period up to now.
PERFECT = Tense("perfect", "present perfect")


#: Past cues that tell of the present or of what is still ahead as often as of the past:
#: "has been postponed until May", "the accession was planned for early March".
_WEAK_PAST = frozenset({"has", "have", "has been", "have been", "last", "did", "was", "were"})


def settled_past(tense: Tense) -> bool:
    """Whether the clause tells a past event by its own verb, just before the
    expression ("premiered at Cannes in May"), not by a reporting verb ("said the
    election is in May"), "was" or the present perfect: what such a clause reports may
    still be ahead of the reference date. After an expression that opens its clause a
    reporting verb is its own too: "In December, officials announced ..."."""
    return (tense.tense == "past" and tense.near and tense.cue not in _WEAK_PAST
            and (tense.opens or not reporting_past(tense.cue)))


def since_before(text: str, start: int) -> bool:
    """True when the word just before ``start`` is "since" ("since May", "since Monday")."""
    return _SINCE.search(text, max(0, start - 16), start) is not None


@dataclass(frozen=True)
class _Cues:
    """Cue phrases by first word, longest first, each with its tense; the phrases that
    are no cue ("next to"), by first word too; the words that may open a clause before
    an expression."""

    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    not_past: frozenset[str]
    not_cues: dict[str, tuple[tuple[str, ...], ...]]
    openers: frozenset[str]
    #: Cue words that are also nouns, and the words after which they are nouns.
    nouns: frozenset[str]
    noun_after: frozenset[str]


@cache
def _cues() -> _Cues:
    words = load_words()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in ("future", "past", "present", "plan"):
        for phrase in words[f"tense_{kind}"]:
            parts = tuple(phrase.replace("’", "'").split())
            table.setdefault(parts[0], []).append((parts, kind))
    ordered = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}
    not_cues: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words["tense_not_cues"]:
        parts = tuple(phrase.split())
        not_cues.setdefault(parts[0], []).append(parts)
    nouns = words["tense_cue_nouns"]
    return _Cues(ordered, frozenset(words["not_past_ed"]),
                 {k: tuple(v) for k, v in not_cues.items()},
                 frozenset(words["tense_clause_openers"]),
                 frozenset(nouns["words"]), frozenset(nouns["after"]))


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after the span, cut at sentence punctuation."""
    left = text[max(0, start - WINDOW):start]
    cuts = list(_CLAUSE_END.finditer(left))
    if cuts:
        left = left[cuts[-1].end():]
    right = text[end:end + WINDOW]
    cut = _CLAUSE_END.search(right)
    if cut:
        right = right[:cut.start()]
    return left, right


def _passive(tokens: list[str], i: int) -> bool:
    """Whether the verb at token ``i`` is a participle after "be" ("will be held")."""
    return i > 0 and tokens[i - 1] in _BE


def _cue_at(tokens: list[str], i: int, cues: _Cues) -> tuple[str, str] | None:
    """The cue starting at token ``i`` as (kind, text), or None."""
    word = tokens[i]
    if any(tuple(tokens[i:i + len(p)]) == p for p in cues.not_cues.get(word, ())):
        return None  # "next to the embassy"
    if word in cues.nouns and i > 0 and tokens[i - 1] in cues.noun_after:
        return None  # "profit beat forecasts": a noun, not "the IMF forecasts"
    if word.endswith("'ll") or word in ("won't", "wont"):
        return "future", word
    if word in ("was", "were") and _backshifted(tokens, i + 1):
        present = "is" if word == "was" else "are"
        for parts, kind in cues.phrases.get(present, ()):
            if kind == "future" and len(parts) > 1 and tuple(tokens[i + 1:i + len(parts)]) == parts[1:]:
                return "future", " ".join((word,) + parts[1:])  # "said he was due to visit"
    for parts, kind in cues.phrases.get(word, ()):
        if tuple(tokens[i:i + len(parts)]) == parts:
            if (kind in ("future", "plan") and parts[0] not in _PRESENT_AUX
                    and _PAST_AUX.intersection(tokens[max(0, i - 4):i])
                    and not _backshifted(tokens, i)):
                return "past", " ".join(parts)  # "had been due to expire", "was set to"
            if kind == "past" and len(parts) == 1 and _passive(tokens, i):
                return None  # "will be held on Christmas Day": the tense is elsewhere
            if kind == "past" and i > 0 and (tokens[i - 1] in _BASE_BEFORE or tokens[i - 1].endswith("'ll")):
                return None  # "will hit", "to set off": a base form, the tense is elsewhere
            return kind, " ".join(parts)
    if len(word) > 4 and word.endswith("ed") and word not in cues.not_past:
        if _passive(tokens, i) or (i > 0 and tokens[i - 1] in _DETERMINERS):
            return None  # "can be exercised", "a still unspecified date": not a past verb
        return "past", word
    return None


def _backshifted(tokens: list[str], i: int) -> bool:
    """Whether the past auxiliary before the cue at ``i`` is reported speech: "said he
    was due to visit Paris on Thursday" tells what "is due" ahead. "had" keeps it past
    ("said the offer had been due to expire Friday")."""
    aux = [k for k in range(max(0, i - 4), i) if tokens[k] in _PAST_AUX]
    return (bool(aux) and "had" not in tokens[aux[0]:i]
            and any(reporting_past(w) for w in tokens[max(0, aux[0] - 6):aux[0]]))


def _first_cue(tokens: list[str], order: range, cues: _Cues,
               before: bool = False) -> tuple[int, str, str, str | None]:
    """The first past or future cue in ``order``: (distance, kind, cue, first present).

    ``before``: the tokens come before the expression, where a plan told in the past
    looks ahead ("planned to leave on Thursday"); after it, it is past ("On Friday, the
    government planned to pay").
    """
    present = None
    for distance, i in enumerate(order):
        found = _cue_at(tokens, i, cues)
        if found is None:
            continue
        if found[0] == "plan":
            return distance, "future" if before else "past", found[1], present
        if found[0] != "present":
            return distance, found[0], found[1], present
        present = present or found[1]
    return len(tokens) + WINDOW, "", "", present


def clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around ``text[start:end]``; ``Tense(None)`` if unknown.

    The nearest past or future cue decides; one before the expression is preferred
    unless a cue after it is clearly nearer ("Just ahead of the trip, the ministry on
    Sunday issued..." is past). A present cue does not settle the question (a present
    clause can talk of either side); it is reported only when nothing else is found,
    after a scheduling verb in the simple present ("The summit opens Monday", also
    before a closing attribution: "..., officials said"), which reads as future.
    """
    left, right = _clause(text, start, end)
    cues = _cues()
    before = _words(_without_relative(text, start, end, left))
    after = [w.lower().replace("’", "'") for w in _WORD.findall(right)]
    if _UNTIL.search(left[-12:]) and not _PAST_AUX.intersection(before + after):
        return UNTIL
    deferral = deferral_before(left, before)
    if deferral is not None:
        return Tense("future", deferral)
    backwards = range(len(before) - 1, -1, -1)
    left_at, left_kind, left_cue, left_present = _first_cue(before, backwards, cues, True)
    right_at, right_kind, right_cue, right_present = _first_cue(after, range(len(after)), cues)
    if left_kind and left_at <= right_at + RIGHT_PENALTY:
        return Tense(left_kind, left_cue, left_at < NEAR_CUE)
    if right_kind == "past" and not left_kind:
        reported = _reported_schedule(text, start, end, before, right)
        if reported is not None:
            return reported
    if right_kind:
        opens = _opens_clause(before) and (right_at < NEAR_CUE or _FRONTED.match(right) is not None)
        return Tense(right_kind, right_cue, opens, opens)
    scheduled = scheduled_cue(text, start, end, before + after, WINDOW)
    if scheduled is not None:
        return Tense("future", scheduled)  # "The summit opens Monday": scheduled ahead
    present = left_present or right_present
    return Tense("present", present, copula_near(before)) if present else Tense(None)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _without_relative(text: str, start: int, end: int, left: str) -> str:
    """``left`` without its last relative clause set off by commas, when a verb of the
    main clause follows it ("The trial, which began three weeks ago, resumes on");
    a list ("who stepped down as chairman, president and chief executive in") is no
    such clause."""
    found = None
    for found in _RELATIVE.finditer(left):
        pass
    if found is None:
        return left
    rest = _words(left[found.end():])
    if _first_cue(rest, range(len(rest)), _cues())[1] or scheduled_cue(text, start, end, rest, WINDOW):
        return left[:found.start()] + " " + left[found.end():]
    return left


def _opens_clause(before: list[str]) -> bool:
    """Whether the expression opens its clause: only words of ``tense_clause_openers``
    ("In January, the board named ...") come before it, so the verb after is its own."""
    return set(before) <= _cues().openers


def _reported_schedule(text: str, start: int, end: int, before: list[str], right: str) -> Tense | None:
    """Future when a clause with no cue of its own but a closing attribution tells a
    scheduled event: "The summit opens Monday, officials said"; else None."""
    words = attributed(right)
    if words is None or _first_cue(words, range(len(words)), _cues())[1]:
        return None
    scheduled = scheduled_cue(text, start, end, before + words, WINDOW)
    return None if scheduled is None else Tense("future", scheduled)


#: An expression in the possessive names an event: "Wednesday's ruling".
_POSSESSIVE = re.compile(r"['’]s\b")


def possessive_tense(text: str, start: int, end: int, tense: Tense) -> Tense:
    """The tense for a weekday in the possessive, given its clause's ``tense``.

    "Wednesday's ruling" names an event already known: the future of another verb
    ("said they would look for ways to get around Wednesday's ruling") does not move
    it a week ahead; a future cue right before it ("ahead of Sunday's vote", "the
    upcoming Friday's") does. Past and unknown tenses are kept.
    """
    if tense.tense == "present" and _POSSESSIVE.match(text, end):
        return Tense(None)  # "follows Tuesday's declaration": no schedule ahead
    if tense.tense != "future" or tense.cue == UNTIL.cue or not _POSSESSIVE.match(text, end):
        return tense
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[max(0, start - 40):start])]
    while words and words[-1] == "the":
        words.pop()
    return tense if f" {' '.join(words)}".endswith(f" {tense.cue}") else Tense(None)


_PARTICIPLE_ENDS = ("ed", "en", "wn", "ne", "ught", "lt", "nt", "pt", "ft", "un", "ld")
_BETWEEN_HAD = frozenset({"already", "not", "also", "just", "been", "long", "never", "previously", "earlier"})


def pluperfect(text: str, start: int, end: int) -> bool:
    """Whether the nearest verb before the expression, in its clause, is a past perfect.

    "Chinese forces that had invaded Northern Burma in late 1943": a look back.
    """
    left, _ = _clause(text, start, end)
    return _perfect(_tokens(left), ("had", "'d"), [])


#: The present perfect tells a stretch of time up to now when the expression follows
#: one of these: "prices have risen in recent years".
_OVER = re.compile(r"\b(?:in|over|during|throughout)\s+$", re.IGNORECASE)


def present_perfect(text: str, start: int, end: int) -> bool:
    """Whether the expression, after "in", "over" or "during", belongs to a verb in the
    present perfect: "have risen in recent years", "has in recent months been
    struggling" (its period reaches the reference date), not "rose in recent years"."""
    left, right = _clause(text, start, end)
    if not _OVER.search(left[-12:]):
        return False
    before = _tokens(left)[:-1]  # without the preposition
    return _perfect(before, ("has", "have", "'ve"), _tokens(right)[:1])


def _tokens(text: str) -> list[str]:
    """Lower-case words; "they've" is read as "they have": the auxiliary counts."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return [part for w in words for part in ((w[:-3], "have") if w.endswith("'ve") and len(w) > 3
                                             else (w,))]


def _perfect(tokens: list[str], auxiliaries: tuple[str, ...], after: list[str]) -> bool:
    """Whether the nearest verb in ``tokens`` (read backwards) is a perfect formed with
    one of ``auxiliaries``; ``after``: the words after the expression, where the
    participle of an auxiliary just before it is ("has in recent years been")."""
    cues = _cues()
    for i in range(len(tokens) - 1, -1, -1):
        found = _cue_at(tokens, i, cues)
        if found is None or found[0] == "present":
            continue
        first = found[1].split()[0]
        if first in auxiliaries:  # "had already taken": the auxiliary, then a participle
            if first != found[1]:
                return True  # "has been"
            k = i + 1
            while k < len(tokens) and tokens[k] in _BETWEEN_HAD:
                k += 1
            rest = tokens[k:] or after
            return bool(rest) and rest[0].endswith(_PARTICIPLE_ENDS)
        j = i - 1
        while j >= 0 and tokens[j] in _BETWEEN_HAD:
            j -= 1
        return j >= 0 and tokens[j] in auxiliaries
    return False


"""Events told without a verb, and sources named after a dash, as wire headlines tell them.

"Clashes near Sloviansk", "Shelling in Donetsk", "One dead in Ukraine clashes", "Five
dead as Ukraine police launch assault on protesters", "Two KIA, two WIA amid enemy
attacks": a sentence that reports no clause event but is built on a violent event noun
or a casualty count reports one event. Its trigger is the event noun (the root, else the
first violent noun of the sentence when a casualty word heads it), or the casualty word
itself ("Two dead in Donetsk": a death). Only the types ``casualty_types`` lists (political
violence and deaths) are read this way: "Morning briefing" or "Situation report" stay
titles.

"Two activists shot dead during Ukraine protests: prosecutors", "Ukrainian soldier
killed in Donbas - JFO HQ": a short verbless phrase after the sentence's last colon or
dash names who reported it; it becomes the events' ``reported_by``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.events.actor_countries import reporting_country
from timeline.events.casualties import is_running_total, load_words
from timeline.events.clauses import has_subject
from timeline.events.lexicon import EventLexicon
from timeline.events.roles import Actor, Roles
from timeline.events.tokens import children_of, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from timeline.events.clause_events import EventRecord

#: The type of an event told only by its casualties ("Two dead in Donetsk").
DEATH = "death"
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
#: How many words back a headline's count may stand from its casualty word.
COUNT_REACH = 4
#: Marks before a trailing source: "...: prosecutors", "... - police".
SOURCE_MARKS = frozenset({":", "-", "–", "—"})
#: At most this many words name a trailing source, after at least ``MIN_REPORT`` words.
MAX_SOURCE = 6
MIN_REPORT = 3
#: Parts of speech a source phrase never holds (a clause or a count follows the mark:
#: "Ukraine: five killed in shelling").
NOT_SOURCE = frozenset({"VERB", "AUX", "NUM"})


def nominal_trigger(sent: Span, lexicon: EventLexicon) -> tuple[Token, tuple[str, str]] | None:
    """(trigger token, (trigger lemma, type)) of a verbless event sentence, or None."""
    root = sent.root
    if is_running_total(root):
        return None  # "The insurgency has killed 40,000 since 2009": no verbless event either
    typed = _noun_type(root, lexicon)
    if (typed is not None and typed[1] == DEATH or _casualty_word(root)) and _counts_none(root):
        return None  # "Fatalities: 0.", "No fatalities.": a tally that reports no death
    if typed is not None and not has_subject(root):
        # "Two KIA amid 32 enemy attacks", "Deaths in Donetsk shelling": the violent
        # event the casualties came from.
        violent = None if typed[1] in lexicon.violent_types else _violent_noun(sent, lexicon)
        return violent or (root, typed)
    casualty = _casualty_word(root) or _casualty_count(sent)
    if casualty is None:
        # A headline the parser read as one noun phrase: "Ukrainian army shells DPR
        # 1,774 times", "Heavy casualties reported in eastern Ukraine fighting".
        return _violent_noun(sent, lexicon)
    noun = next((t for t in sent if t is not casualty and _noun_type(t, lexicon)), None)
    if noun is not None:
        found = _noun_type(noun, lexicon)
        return (noun, found) if found is not None else None
    return casualty, (casualty.lemma_.lower(), DEATH)


def _violent_noun(sent: Span, lexicon: EventLexicon) -> tuple[Token, tuple[str, str]] | None:
    """(token, (lemma, type)) of the first violent event noun of the sentence, or None."""
    for token in sent:
        found = _noun_type(token, lexicon)
        if found is not None and found[1] in lexicon.violent_types:
            return token, found
    return None


def _noun_type(token: Token, lexicon: EventLexicon) -> tuple[str, str] | None:
    """(lemma, type) of an event noun (or a subjectless gerund, "Shelling in Donetsk")
    of a casualty type, else None."""
    if token.pos_ not in NOUN_TAGS and token.tag_ != "VBG":
        return None
    for word in (token.lemma_.lower(), token.lower_):
        found = lexicon.type_of_noun(word)
        if found in lexicon.casualty_types:
            return word, found
    return None


def _counts_none(noun: Token) -> bool:
    """True when ``noun`` is counted as none: "No fatalities", "0 fatalities",
    "Fatalities: 0"."""
    none = load_words().none
    return any(c.dep_ in {"det", "nummod", "appos"} and c.lower_ in none
               for c in children_of(noun))


def _casualty_count(sent: Span) -> Token | None:
    """A casualty word with a count anywhere in a verbless headline: "Ukrainian army
    shells DPR 277 times over past week, four killed" (parsed as a noun phrase),
    "..., killing 14 troops"."""
    known = load_words().killed | load_words().injured
    for token in sent:
        if token.lemma_.lower() not in known:
            continue
        if token.tag_ in {"VBN", "VBD", "JJ"} and (
                _counted(token, sent) or any(c.dep_ == "nummod" for c in children_of(token))):
            return token
        # "Rebels down army helicopter, killing 14 troops": a participle and its count.
        if token.tag_ == "VBG" and any(c.dep_ == "dobj" and (c.like_num or any(
                n.dep_ == "nummod" for n in children_of(c))) for c in children_of(token)):
            return token
    return None


def _counted(word: Token, sent: Span) -> bool:
    """True when a number stands before ``word`` with only nouns and adjectives between:
    "four killed", "one militia killed", "two Ukrainian soldiers wounded"."""
    doc = sent.doc
    for i in range(word.i - 1, max(sent.start, word.i - COUNT_REACH) - 1, -1):
        if doc[i].like_num:
            return True
        if doc[i].pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return False
    return False


def _casualty_word(root: Token) -> Token | None:
    """The casualty word heading a headline: the root ("KIA"), or a word describing it
    ("One dead", "Five dead as ...")."""
    words = load_words()
    known = words.killed | words.injured
    for token in (root, *children_of(root)):
        if token.lemma_.lower() in known or token.lower_ in known:
            if token is root or token.dep_ in {"amod", "appos", "acomp"}:
                return token
    return None


def trailing_source(sent: Span, lexicon: EventLexicon) -> tuple[int, str] | None:
    """(offset, text) of the source named after the sentence's last colon or dash:
    "...: prosecutors", "... - mayor's office" (a name, or a phrase ending in one of
    ``source_nouns``); None when there is none."""
    # Only the sentence's last words can name its source: read those, not the whole.
    doc = sent.doc
    tail_start = max(sent.start, sent.end - MAX_SOURCE - 4)
    last_words = span_text(doc, tail_start, sent.end)
    if not any(mark in last_words for mark in SOURCE_MARKS):
        return None  # no colon or dash among the last words: most sentences
    words = [t for t in doc[tail_start:sent.end] if not t.is_space]
    while words and words[-1].is_punct and words[-1].text not in SOURCE_MARKS:
        words.pop()
    before = tail_start - sent.start  # words not read, all before the source
    for back in range(1, min(MAX_SOURCE, len(words) - 1, len(words) + before - MIN_REPORT) + 1):
        mark = words[-back - 1]
        if mark.text in SOURCE_MARKS and (mark.text == ":" or mark.whitespace_
                                          or mark.i > 0 and mark.doc[mark.i - 1].whitespace_):
            tail = words[-back:]
            if any(t.pos_ in NOT_SOURCE for t in tail) or not (
                    any(t.pos_ == "PROPN" for t in tail)
                    or tail[-1].lower_ in lexicon.source_nouns
                    or tail[-1].lemma_.lower() in lexicon.source_nouns):
                return None
            return tail[0].idx, span_text(mark.doc, tail[0].i, tail[-1].i + 1)
    return None


def attribute_sources(records: list[EventRecord], doc: Doc,
                      lexicon: EventLexicon) -> list[EventRecord]:
    """Give the events of a sentence ending in a named source that source as
    ``reported_by`` (unless a reporting verb already gave one)."""
    sources: dict[int, tuple[int, str] | None] = {}
    out = []
    for record in records:
        if record.reported_by:
            out.append(record)
            continue
        start = record.event.sentence_start
        if start not in sources:
            span = doc.char_span(start, record.event.sentence_end, alignment_mode="expand")
            sources[start] = trailing_source(span, lexicon) if span is not None else None
        found = sources[start]
        if found is not None and record.event.start_char < found[0]:
            record = replace(record, reported_by=found[1],
                             roles=_without_source(record.roles, found[1]))
        out.append(record)
    return out


def _without_source(roles: Roles, source: str) -> Roles:
    """``roles`` without the organisation or armed force the trailing source is: who
    reported the event ("... - JFO HQ", the parser hung "HQ" on the clause) did not
    take part in it. (A force whose phrase the parser ran into the source, "shelling by
    Ukrainian Armed Forces - mayor", stays.)"""
    def kept(actor: Actor | None) -> Actor | None:
        if actor is None or actor.text != source:
            return actor
        return None if actor.kind == "ORG" or reporting_country(source) else actor

    return Roles(kept(roles.actor1), kept(roles.actor2),
                 tuple(a for a in roles.assoc if kept(a) is not None))

"""Fatalities and injuries a sentence reports, with the words they came from.

"Two soldiers were killed" gives 2 fatalities, "injuring 3 civilians" 3 injuries,
"at least 35 militants" 35; "10 to 15 people" and "dozens" are kept as text and
counted at their lower bound (10, 24). The words are in ``resources/casualties.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.errors import RuleFileError
from timeline.events.object_rules import people_nouns
from timeline.events.tokens import (children_of, conjuncts_of, has_object, of_object,
                                    sentence_bounds, spaced_dash)
from timeline.resource_files import read_bundled

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: "10 to 15", "10-15", "between 10 and 15": the lower bound counts.
#: How many tokens after a casualty participle its counted victims may stand when the
#: parser hung them elsewhere ("killing at least 17 civilians").
OBJECT_REACH = 5
RANGE = re.compile(r"\b(\w+)\s*(?:-|–|to|and|or)\s*(\w+)\b")


@dataclass(frozen=True)
class Count:
    """A number of people killed or injured: lower bound and the words it came from."""

    value: int
    text: str


@dataclass(frozen=True)
class Casualties:
    """What one sentence reports: fatalities and injuries (None when not stated)."""

    fatalities: Count | None = None
    injuries: Count | None = None


@dataclass(frozen=True)
class CasualtyWords:
    killed: frozenset[str]
    injured: frozenset[str]
    intransitive: frozenset[str]
    vague: dict[str, int]
    tolls: frozenset[str] = frozenset()
    toll_fatalities: frozenset[str] = frozenset()
    figure_verbs: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()
    one_person: frozenset[str] = frozenset()
    #: Counts of none: "No fatalities", "Fatalities: 0".
    none: frozenset[str] = frozenset()
    #: Subjects whose toll in the present perfect is a running total ("the war has
    #: killed 10,000").
    cumulative_subjects: frozenset[str] = frozenset()
    #: Words of a bound within a day or so ("since the beginning of the day").
    day_bounds: frozenset[str] = frozenset()
    #: A military's own losses: killed and wounded "in action" (KIA, WIA).
    in_action: frozenset[str] = frozenset()


@functools.cache
def load_words() -> CasualtyWords:
    """The casualty words from ``casualties.yaml``."""
    data = read_bundled("casualties.yaml")
    try:
        return CasualtyWords(frozenset(data["killed"]), frozenset(data["injured"]),
                             frozenset(data.get("intransitive", ())),
                             {str(k): int(v) for k, v in data.get("vague", {}).items()},
                             *(frozenset(map(str, data.get(key, ()))) for key in
                               ("tolls", "toll_fatalities", "figure_verbs", "not_people",
                                "one_person", "none", "cumulative_subjects", "day_bounds",
                                "in_action")))
    except (KeyError, TypeError, ValueError) as error:
        raise RuleFileError("casualties.yaml", f"needs 'killed' and 'injured' word lists and "
                            f"integer 'vague' counts ({error})") from error


def read(sentence: Span) -> Casualties:
    """Fatalities and injuries stated in ``sentence`` (summed over the phrases)."""
    words = load_words()
    killed: list[Count] = []
    injured: list[Count] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in words.toll_fatalities:
            count = toll_count(token)
            killed += [count] if count is not None else []
            continue
        kind = killed if lemma in words.killed else injured if lemma in words.injured else None
        if kind is None or is_running_total(token):
            continue
        for victim in _victims(token, words):
            # "Two Ukrainian troops, one civilian killed": the first victim's own words.
            # A conjunct ("killing a woman and two children") has its own words too.
            listed = victim.dep_ == "conj" or any(
                c.dep_ == "appos" and victim.i < c.i < token.i for c in children_of(victim))
            count = _count(victim, victim if listed else token, words)
            if count is not None:
                kind.append(count)
    return Casualties(_total(killed), _total(injured))


def is_running_total(verb: Token) -> bool:
    """True when a casualty verb in the present perfect counts a running total, not one
    happening's toll: its subject is war-long ("the war has killed more than 10,000",
    "Fighting erupted in April 2023 and has killed 15,000") or it counts from a bound
    ("have been killed since February 2022", and without the auxiliaries a headline
    drops, "8,000 killed since start of conflict"). Not "Russian shelling has killed three
    people in Kherson", a fresh event told in the perfect."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in _casualty_verbs():
        return False
    words = load_words()
    own = [c for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    # A verb with no subject of its own shares its partner's ("erupted ... and has
    # killed"), not one that has its own ("the war has displaced millions and militias
    # have killed 10").
    owner = verb.head if verb.dep_ == "conj" and not own else verb
    helpers = [c for t in {verb, owner} for c in children_of(t) if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.lower_ != "having"
                  for c in helpers)
    # A headline drops the perfect's auxiliaries ("Nearly 8,000 killed since start of
    # Ukraine conflict: UN"), as does a participle ("the civilians killed since 2014"):
    # with a bound, the count is the same running total.
    if not perfect and helpers:
        return False
    short = words.day_bounds | _weekday_names()
    if any(c.dep_ == "prep" and c.lower_ == "since" and not any(
            t.lower_ in short for t in c.subtree) for c in children_of(verb)):
        return True  # not "have died since the beginning of the day": a day's toll
    if not perfect:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "since" for c in children_of(verb)):
        return True  # "has since killed more than 42,000": since the event told before
    subjects = own or [c for c in children_of(owner) if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(c.lemma_.lower() in words.cumulative_subjects for c in subjects)


@functools.cache
def _weekday_names() -> frozenset[str]:
    from timeline.resource_files import calendar_words

    return frozenset(calendar_words().weekday_names)


@functools.cache
def _casualty_verbs() -> frozenset[str]:
    words = load_words()
    return words.killed | words.injured


def counted_noun(token: Token) -> Token | None:
    """The noun a count heads ("hundreds of farmers", "30 of 35 drones"), or None."""
    return of_object(token) if _is_number(token, load_words()) else None


def toll_count(noun: Token) -> Count | None:
    """The figure a toll noun states: "a death toll of 35", "the death toll rose to 35",
    "losses ... amounted to 40 people"; None when it states none of people."""
    words = load_words()
    if noun.lemma_.lower() not in words.tolls:
        return None
    figures = [g for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"
               for g in children_of(c) if g.dep_ == "pobj"]
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in words.figure_verbs:
        figures += [g for c in children_of(verb) if c.dep_ == "dobj" or (
                        c.dep_ == "prep" and c.lower_ in {"to", "at"})
                    for g in ((c,) if c.dep_ == "dobj" else children_of(c)) if g.dep_ in {"dobj", "pobj"}]
    for figure in figures:
        if any(t.lower_ in words.not_people or t.tag_ == "$" for t in figure.subtree):
            continue
        count = _count(figure, figure, words)
        if count is not None:
            return count
    return None


def is_toll_subject(noun: Token) -> bool:
    """True for a toll the subject of a figure verb that states a count of people: "the
    death toll rose to 35", "losses amounted to 40 people" (not "a death toll of 35 was
    confirmed", whose verb reports it)."""
    words = load_words()
    # The toll word first: most subjects are none, and their verb need not be read.
    return (noun.lemma_.lower() in words.tolls and noun.dep_ == "nsubj"
            and noun.head.lemma_.lower() in words.figure_verbs and toll_count(noun) is not None)


def _total(counts: list[Count]) -> Count | None:
    if not counts:
        return None
    unique = list({c.text: c for c in counts}.values())
    return Count(sum(c.value for c in unique), "; ".join(c.text for c in unique))


def is_headline_passive(verb: Token) -> bool:
    """True for a headline's passive read as an active verb: "Two Ukrainian soldiers
    killed, 16 wounded", "Two activists shot dead" (a casualty verb, or a verb with a
    casualty complement, with a subject, no object and no auxiliary): its subject is
    the victim."""
    if verb.pos_ != "VERB":
        return False
    words = load_words()
    casualty = _casualty_lemmas()
    # An object after a spaced dash is the source the parser hung on a past form ("one
    # soldier killed - JFO"; not "shelling kills civilian - DPR Operational Command").
    past = verb.tag_ in {"VBD", "VBN"}
    children = [c for c in children_of(verb)
                if c.dep_ != "dobj" or not past or spaced_dash(verb.doc, verb.i, c.i) < 0]
    deps = {c.dep_ for c in children}
    # A clause before the verb is a headline's other half ("Fighting erupts in Donbas,
    # three soldiers killed"), not what the verb reports.
    if "nsubj" not in deps or deps & {"dobj", "aux", "auxpass", "xcomp"} or any(
            c.dep_ == "ccomp" and c.i > verb.i for c in children):
        return False
    lemma = verb.lemma_.lower()
    # "Two activists shot dead": the complement makes the verb a killing.
    return (lemma in casualty and lemma not in words.intransitive) or any(
        c.dep_ in {"oprd", "acomp"} and c.lemma_.lower() in casualty for c in children)


@functools.cache
def _casualty_lemmas() -> frozenset[str]:
    words = load_words()
    return words.killed | words.injured


def _victims(word: Token, words: CasualtyWords) -> list[Token]:
    """Noun phrases naming the people ``word`` reports killed or injured."""
    deps = {"nsubjpass", "dobj"}
    headline = (word.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in children_of(word))
                ) or is_headline_passive(word)
    if word.lemma_.lower() in words.intransitive or headline:
        deps.add("nsubj")  # "three people died"; a headline's "two wounded"
    found = [c for c in children_of(word) if c.dep_ in deps]
    if not found and word.tag_ == "VBG":
        # "killing at least 17 civilians including children, a resistance group said":
        # the parser hung the counted noun elsewhere; it follows the participle closely.
        end = min(word.i + 1 + OBJECT_REACH, sentence_bounds(word)[1])
        found = [t for t in word.doc[word.i + 1:end]
                 if t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in children_of(t))][:1]
    if (word.dep_ in {"oprd", "acomp"} or word.dep_ in {"advcl", "advmod"} and word.pos_ == "ADJ"
            ) and word.head.pos_ == "VERB":
        # "leaves one militiaman dead"; a headline's "Two activists shot dead"; "shot two
        # protesters dead" (parsed as an adverbial clause); "shot dead a journalist"
        # ("dead" parsed as an adverb of the verb)
        verb = word.head
        passive = {"nsubj", "nsubjpass"} if is_headline_passive(verb) else {"nsubjpass"}
        found += [c for c in children_of(verb) if c.dep_ == "dobj" or c.dep_ in passive]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            found.append(verb.head)
    if word.dep_ == "acl" and word.tag_ in {"VBN", "VBD"} and not has_object(word):
        found.append(word.head)  # a headline's "Ten civilians killed in ..."
        listed = word.head.head if word.head.dep_ == "appos" else None
        if listed is not None and not any(c.lemma_.lower() in _casualty_lemmas()
                                          for c in children_of(listed)):
            # "Two Ukrainian troops, one civilian killed" (not "Two militiamen killed,
            # another two wounded": the first have their own word).
            found.append(listed)
    if word.pos_ in {"NOUN", "ADJ", "PROPN"}:
        # "12 deaths", "35 dead", "Two KIA": the number modifies the word itself.
        found.append(word)
        if word.dep_ in {"amod", "acomp", "oprd"} and (
                word.head.pos_ in {"NOUN", "NUM"} or word.head.ent_type_ == "NORP"):
            found.append(word.head)  # "shot dead two Palestinians": a people counted
    before = word.doc[word.i - 1] if word.i else None
    if not found and before is not None and before.like_num and before.dep_ == "conj":
        return [before]  # "left 27 dead and 106 wounded": the number joined to "dead"
    # A listed number with a casualty word of its own counts for that word.
    return [p for v in found for p in (v, *(c for c in conjuncts_of(v) if not _has_own_word(c, word)))]


def _has_own_word(number: Token, word: Token) -> bool:
    """True when another casualty word follows ``number`` ("27 dead and 106 wounded")."""
    doc = number.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    return (number.like_num and after is not None and after.i != word.i
            and after.lemma_.lower() in _casualty_lemmas())


def _count(noun: Token, word: Token, words: CasualtyWords) -> Count | None:
    """The count a victim phrase gives, or None when it gives none."""
    number = noun if _is_number(noun, words) else next(
        (c for c in children_of(noun) if c.dep_ == "nummod" or (
            c.dep_ in {"amod", "quantmod"} and _is_number(c, words))), None)
    if number is None:
        # "dozens of people": the vague word heads the phrase.
        head = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        number = head.head if head is not None and _is_number(head.head, words) else None
    if number is None:
        return _one_person(noun, word)
    value = _lower_bound(number, words)
    if value is None:
        return None
    doc = noun.doc
    start = min(number.left_edge.i, noun.left_edge.i, word.i)
    end = max(noun.i, word.i, number.i) + 1
    return Count(value, doc[start:end].text)


def _one_person(noun: Token, word: Token) -> Count | None:
    """One for a singular person noun with an indefinite article ("killing a woman and
    two children" is three); None for any other phrase without a number."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in person_nouns() or not any(
            c.dep_ == "det" and c.lower_ in load_words().one_person for c in children_of(noun)):
        return None
    start, end = min(noun.left_edge.i, word.i), max(noun.i, word.i) + 1
    return Count(1, noun.doc[start:end].text)


@functools.cache
def person_nouns() -> frozenset[str]:
    """Nouns for people, as the bundled event types list them (``people_nouns``)."""
    return people_nouns("event_types.yaml", read_bundled("event_types.yaml"))


def _is_number(token: Token, words: CasualtyWords) -> bool:
    return token.like_num or token.lower_ in words.vague


def _lower_bound(number: Token, words: CasualtyWords) -> int | None:
    """The least the number phrase can mean: "10 to 15" is 10, "dozens" 24."""
    doc = number.doc
    text = doc[number.left_edge.i:number.i + 1].text.lower()
    values = [v for v in (_value(w, words) for w in _range_ends(text)) if v is not None]
    own = _value(number.lower_, words)
    if own is not None:
        values.append(own)
    return min(values) if values else None


def _range_ends(text: str) -> list[str]:
    match = RANGE.search(text)
    return [match.group(1), match.group(2)] if match else []


def _value(word: str, words: CasualtyWords) -> int | None:
    word = word.replace(",", "")
    if word.isdigit():
        return int(word)
    if word in words.vague:
        return words.vague[word]
    from timeline.temporal.build import parse_number

    try:
        value = parse_number(word)
    except ValueError:  # build.NotADate: not a number word
        return None
    return None if value is None or value != int(value) or value < 0 else int(value)

"""What kind of event a clause reports, coded as ACLED, CAMEO and PLOVER code it
(whether it happened is ``modality``'s).

The rules are data (``resources/event_types.yaml``): the verb lemma picks a type, a
light verb takes its type from a noun ("held talks", "responded with drone strikes",
"fighting erupted"), a perpetrator turns a killing into an attack, cue words move an
attack to shelling, an air strike, an explosion, an armed clash or crowd repression,
and pick the sub-type. A negated or hypothetical clause keeps its type.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.actor_groups import armed_group
from timeline.events.casualties import (counted_noun, is_headline_passive, is_running_total,
                                        is_toll_subject)
from timeline.events.clauses import RELATIVE_TAGS, antecedent
from timeline.events.event_nouns import (aimed_type, event_nouns, noun_event_type, noun_type,
                                         object_words, violent_type)
from timeline.events.lexicon import EventLexicon, EventType
from timeline.events.tokens import children_of, conjuncts_of, has_object

if TYPE_CHECKING:
    from spacy.tokens import Token

OTHER = "other"
#: Dependencies whose nouns may carry a light verb's event.
NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
#: Dependents that make a noun more than its bare word ("a cease-fire", "new fire rules").
_MODIFIERS = frozenset({"det", "compound", "amod", "nummod", "poss", "nmod"})
#: Most retype steps one clause takes (death -> attack -> clash).
MAX_RETYPES = 3


@dataclass(frozen=True)
class Coding:
    """An event's type in our taxonomy and in ACLED's, CAMEO's and PLOVER's."""

    event_type: str
    sub_event_type: str = ""
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    cameo: str = ""
    plover: str = ""


def event_type(trigger: Token, lexicon: EventLexicon) -> tuple[str, str] | None:
    """(trigger lemma, event type) for a verb, or None when it reports no event.

    A light verb takes its type from its object, subject or "with" noun ("held talks",
    "fighting is going on", "responded with drone strikes"); a subject of a
    ``subject_types`` type decides ("an earthquake struck"); stative verbs ("remain",
    "be") report no event, nor does a running total ("the war has killed 10,000").
    """
    if is_running_total(trigger):
        return None  # "the war has killed more than 10,000 since 2022": a running total
    lemma = trigger.lemma_.lower()
    particle = next((c.lower_ for c in children_of(trigger) if c.dep_ == "prt"), "")
    phrasal = f"{lemma} {particle}" if particle else lemma
    by_object = object_type(trigger, lexicon)
    if by_object is not None:
        # "A Ukrainian drone attack set fire to an oil depot": the attack, which burned it.
        attack = next((noun_type(c, lexicon) for c in children_of(trigger) if c.dep_ == "nsubj"
                       and noun_type(c, lexicon) in lexicon.violent_types), None)
        return lemma, attack or _cause(trigger, by_object, lexicon)
    undergone = undergone_nouns(trigger, lexicon)
    if undergone:
        # "came under fire": the noun's event, undergone by the subject.
        found = _noun_event(undergone, lexicon)
        if found is not None:
            return f"{lemma} under", found
    partaken = partaken_nouns(trigger, lexicon)
    if partaken:
        # "took part in Sunday's march": the noun's event, done by the subject.
        found = _noun_event(partaken, lexicon)
        if found is not None:
            return phrasal, found
    if phrasal in lexicon.light_verbs or lemma in lexicon.light_verbs:
        found = _noun_event(_nouns(trigger, phrasal, lexicon), lexicon)
        if found is not None:
            return phrasal, found
    own = lexicon.type_of_verb(phrasal) or lexicon.type_of_verb(lemma)
    for subject in (c for c in children_of(trigger) if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.dep_ == "nsubjpass" and own in lexicon.violent_types:
            continue  # "Protesters were attacked by police": the attack, on them
        # "landslides that killed 12 people": a relative pronoun stands for its noun.
        noun = antecedent(subject, trigger)
        if is_toll_subject(noun):
            # "The death toll rose to 35", "losses amounted to 40 people": deaths.
            return phrasal, lexicon.type_of_noun("death") or OTHER
        found = lexicon.type_of_noun(noun.lemma_.lower()) or _named_kind(noun, lexicon)
        if found is None and noun.pos_ == "PROPN" and noun.lower_.endswith("s"):
            # "Wildfires killed 5": a capitalised plural the tagger took for a name.
            found = lexicon.type_of_noun(noun.lower_[:-1])
        if found in lexicon.subject_types:
            return phrasal, aimed_type(noun, lexicon) or found
    if lemma in lexicon.non_events and phrasal not in lexicon.phrasal_verbs:
        return None
    found = lexicon.type_of_verb(phrasal) or lexicon.type_of_verb(lemma) or OTHER
    return phrasal, _cause(trigger, found, lexicon)


def _named_kind(noun: Token, lexicon: EventLexicon) -> str | None:
    """The type of the kind word before a name ("Hurricane Helene", "Super Typhoon
    Haiyan"): one of ``named_kinds``, so that a weapon's name ("Storm Shadow") is none."""
    if noun.pos_ != "PROPN" or noun.ent_type_ == "PRODUCT":
        return None
    kinds = [c.lemma_.lower() for c in children_of(noun) if c.dep_ == "compound" and c.i < noun.i]
    return next((lexicon.type_of_noun(k) for k in kinds if k in lexicon.named_kinds), None)


def _cause(trigger: Token, found: str, lexicon: EventLexicon) -> str:
    """The type of the violent event a casualty clause names ("Ten civilians killed in
    shelling", "lost 40 servicemen in battles"), else ``found``."""
    if found in lexicon.casualty_types and found not in lexicon.violent_types:
        nouns = event_nouns(trigger, lexicon)
        if nouns:
            return violent_type(nouns[0], lexicon) or found
    return found


def object_type(trigger: Token, lexicon: EventLexicon) -> str | None:
    """The type an ``object_verbs`` rule gives the verb from what it acts on: its
    direct objects, or its passive subjects ("bodies were found"; a headline's bare
    passive, "200 servicemen lost", has a plain subject and no object)."""
    lemma = trigger.lemma_.lower()
    rules = lexicon.object_rules_of(lemma)
    if not rules:
        return None
    children = list(children_of(trigger))
    objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects and trigger.tag_ == "VBN":
        objects = [c for c in children if c.dep_ == "nsubj"]
    # "shot down 30 of 35 drones": what is counted.
    objects += [n for n in map(counted_noun, objects) if n is not None]
    words = object_words(objects)
    armed = None
    for rule in rules:
        if rule.by:
            if armed is None:
                armed = any(armed_group(c) for c in children if c.dep_ == "nsubj")
            if armed != (rule.by == "armed"):
                continue  # "Police blocked traffic" is no protest
        # "was set on fire": a preposition the rule reads as the object's.
        more = [g for c in children if c.dep_ == "prep" and c.lower_ in rule.via
                for g in children_of(c) if g.dep_ == "pobj"] if rule.via else []
        if rule.objects & (_bare_words(objects + more) if rule.bare else words | object_words(more)):
            return rule.type_id
    return None


def _bare_words(nouns: Sequence[Token]) -> set[str]:
    """Lemmas of ``nouns`` that stand bare, with no determiner or modifier."""
    return {n.lemma_.lower() for n in nouns
            if not any(c.dep_ in _MODIFIERS for c in children_of(n))}


def subject_suffers(verb: Token, lexicon: EventLexicon) -> bool:
    """True when a ``victim_subject`` rule holds the verb and its object: "Ukraine lost
    40 servicemen", "shot down 30 of 35 drones" (the subject fended the attack off)."""
    return lexicon.suffered_by_subject(
        verb.lemma_.lower(), (w.lemma_.lower() for c in children_of(verb) if c.dep_ == "dobj"
                              for w in (c, counted_noun(c)) if w is not None))


def _noun_event(nouns: Sequence[Token], lexicon: EventLexicon) -> str | None:
    """The type of the first violent event noun among ``nouns`` and their conjuncts
    ("launched four missile and 27 air strikes" is an air strike, not missile aid),
    else of the first event noun."""
    words = [w for n in nouns for w in (n, *conjuncts_of(n))]
    types = [t for t in (noun_event_type(w, lexicon) for w in words) if t]
    return next((t for t in types if t in lexicon.violent_types), types[0] if types else None)


def undergone_nouns(trigger: Token, lexicon: EventLexicon) -> list[Token]:
    """Nouns of an event the subject undergoes ("came under fire"): the objects of the
    verb's preposition when verb and preposition are one of ``undergo_verbs``."""
    lemma = trigger.lemma_.lower()
    if lemma not in _openings(lexicon.undergo_verbs):
        return []  # no phrase of them starts with the verb: most verbs
    return [o for c in children_of(trigger) if c.dep_ == "prep"
            and f"{lemma} {c.lower_}" in lexicon.undergo_verbs
            for o in children_of(c) if o.dep_ == "pobj"]


def partaken_nouns(trigger: Token, lexicon: EventLexicon) -> list[Token]:
    """Nouns of an event the subject takes part in ("took part in the march", "engaged
    in fighting"): the objects of a preposition of the verb, or of its object, when
    verb (and object) and preposition are one of ``partake_verbs``."""
    lemma = trigger.lemma_.lower()
    if lemma not in _openings(lexicon.partake_verbs):
        return []
    heads = [("", trigger)] + [(f" {c.lemma_.lower()}", c) for c in children_of(trigger)
                               if c.dep_ == "dobj"]
    return [o for _, head in heads for c in children_of(head) if c.dep_ == "prep"
            if any(f"{lemma}{obj} {c.lower_}" in lexicon.partake_verbs for obj, _ in heads)
            for o in children_of(c) if o.dep_ == "pobj"]


@functools.cache
def _openings(phrases: frozenset[str]) -> frozenset[str]:
    """Every beginning of a phrase of ``phrases`` that a space follows ("come" and "come
    under" of "come under fire"): a verb's lemma starts one of the phrases only if it
    is one of these."""
    return frozenset(phrase[:at] for phrase in phrases for at, char in enumerate(phrase)
                     if char == " ")


def _nouns(trigger: Token, phrasal: str, lexicon: EventLexicon) -> list[Token]:
    """Nouns that may name a light verb's event: objects, subjects, then "with" phrases
    (and "for" phrases of ``preparation_verbs``); a share's "of" noun after the share
    ("won 51.9% of the vote")."""
    preps = {"with", "for"} if phrasal in lexicon.preparation_verbs else {"with"}
    by_dep: dict[str, list[Token]] = {}
    for child in children_of(trigger):  # one pass: each child's label read once
        by_dep.setdefault(child.dep_, []).append(child)
    found = [c for dep in NOUN_DEPS for c in by_dep.get(dep, ())]
    found += [o for c in by_dep.get("prep", ()) if c.lower_ in preps
              for o in children_of(c) if o.dep_ == "pobj"]
    shares = [o for n in found if n.like_num or n.lower_ in lexicon.quantity_nouns
              for c in children_of(n) if c.dep_ == "prep" and c.lower_ == "of"
              for o in children_of(c) if o.dep_ == "pobj"]
    return found + shares


def code(trigger: Token, type_id: str, lexicon: EventLexicon,
         tokens: Sequence[Token]) -> Coding:
    """The full coding of a clause typed ``type_id`` whose words are ``lemmas``.

    A killing with a perpetrator becomes that type's ``with_agent`` type; ``retype``
    cues move it on (an attack "with drones" is an air strike), each rule reading the
    lemmas of its scope (``_scoped``: the clause, its target, its subjects, its doers or
    its verb); the sub-type comes from its cues.
    """
    entry = lexicon.get(type_id)
    if entry is None:
        return Coding(OTHER)  # no cue moves or sub-types other: its words are not read
    lemmas, described = _clause_lemmas(trigger, tokens)
    if entry.with_agent and has_agent(trigger) and trigger.lemma_.lower() not in (
            lexicon.light_verbs) and not subject_suffers(trigger, lexicon) and not any(
            c.dep_ == "nsubj" and lexicon.type_of_noun(c.lemma_.lower()) == entry.id
            for c in children_of(trigger)):
        # "Ukraine reports 1 KIA": a light verb's subject did not do its noun's event,
        # nor did a subject that is the event ("the death toll rose").
        entry = lexicon.get(entry.with_agent) or entry
    scoped: dict[str, frozenset[str]] = {"clause": lemmas}
    for _ in range(MAX_RETYPES):
        target = None
        for rule in entry.retype:
            if rule.scope not in scoped:
                scoped[rule.scope] = _scoped(rule.scope, tokens, trigger, described)
            if rule.cues & scoped[rule.scope]:
                target = rule.to
                break
        moved = lexicon.get(target) if target else None
        if moved is None or moved is entry:
            break
        entry = moved
    return coding_of(entry, entry.sub_type_id(lemmas))


def _clause_lemmas(trigger: Token, tokens: Sequence[Token]
                   ) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of the clause's ``tokens``, and those of the noun a participle
    describes when it is the target."""
    lemmas = frozenset(t.lemma_.lower() for t in tokens)
    described: frozenset[str] = frozenset()
    if trigger.dep_ == "acl" and trigger.head.pos_ in NOUN_TAGS:
        # "Three Ukrainian soldiers killed in ...": the noun the clause describes is its
        # subject (a killing's victims), and, for a past participle, the target.
        head = trigger.head  # with its own modifiers: "air strikes killed ..."
        lemmas |= {head.lemma_.lower(), *(c.lemma_.lower() for c in children_of(head)
                                          if c.dep_ in {"compound", "amod"})}
        if trigger.tag_ == "VBN":
            described = frozenset({trigger.head.lemma_.lower()})
    return lemmas, described


#: Codings made so far, by the type entry's identity and sub-type id (with the entry,
#: which keeps the identity from being reused): entries are frozen and few.
_CODINGS: dict[tuple[int, str], tuple[EventType, Coding]] = {}
MAX_CODINGS = 4096


def coding_of(entry: EventType, sub_id: str) -> Coding:
    """The coding of ``entry`` at its sub-type ``sub_id`` (the default when unknown)."""
    known = _CODINGS.get((id(entry), sub_id))
    if known is None or known[0] is not entry:
        if len(_CODINGS) > MAX_CODINGS:  # many lexicons loaded: start again
            _CODINGS.clear()
        known = _CODINGS[(id(entry), sub_id)] = (entry, _coding_of(entry, sub_id))
    return known[1]


def _coding_of(entry: EventType, sub_id: str) -> Coding:
    subs = [entry.coded(s) for s in entry.sub_types]
    extra = [entry.coded(s) for s in (entry.with_intervention, entry.with_excessive_force) if s]
    sub = next((s for s in subs + extra if s.id == sub_id), None) or entry.sub_type(frozenset())
    return Coding(entry.id, sub.id, sub.acled_type or entry.acled_type, sub.acled_sub_type,
                  sub.cameo or "", entry.plover)


def classify(trigger: Token, lexicon: EventLexicon) -> Coding | None:
    """The full coding of the clause ``trigger`` heads, or None when it reports no event."""
    from timeline.events.clauses import clause_tokens

    typed = event_type(trigger, lexicon)
    if typed is None:
        return None
    return code(trigger, typed[1], lexicon, clause_tokens(trigger))


def object_lemmas(tokens: Sequence[Token], trigger: Token | None = None) -> frozenset[str]:
    """Lemmas of the clause outside its doers (active subjects, "by" agents): the
    target, not the attacker ("protesters were attacked by police": the protesters). A
    headline's bare passive has its victims as subject ("DPR militiaman killed by
    Ukrainian troops"): they are the target."""
    victims = trigger is not None and is_headline_passive(trigger)
    doer_deps = {"agent"} if victims else {"nsubj", "agent"}
    doers = {t.i for s in tokens if s.dep_ in doer_deps for t in s.subtree}
    return frozenset(t.lemma_.lower() for t in tokens if t.i not in doers)


def _scoped(scope: str, tokens: Sequence[Token], trigger: Token,
            described: frozenset[str]) -> frozenset[str]:
    """The lemmas a retype rule of ``scope`` reads (see ``lexicon.RETYPE_SCOPES``)."""
    if scope == "object":
        return object_lemmas(tokens, trigger) | described
    if scope == "verb":
        return frozenset({trigger.lemma_.lower()})
    return subject_lemmas(tokens, doers=scope == "doer")


def subject_lemmas(tokens: Sequence[Token], doers: bool = False) -> frozenset[str]:
    """Lemmas of the heads of the clause's subjects and their conjuncts ("the attackers
    fled", "soldiers were evacuated"; not "the wives of soldiers fled"); with ``doers``,
    of its active subjects and "by" agents instead ("were attacked by a mob"; not
    "protesters were attacked by police")."""
    # A relative pronoun stands for the noun its clause describes ("protesters who
    # stormed parliament").
    deps = {"nsubj"} if doers else {"nsubj", "nsubjpass"}
    heads = {h.i: h for h in (
        s.head.head if s.tag_ in RELATIVE_TAGS and s.head.dep_ == "relcl" else s
        for s in tokens if s.dep_ in deps)}  # one antecedent for many pronouns, once
    if doers:
        heads.update((g.i, g) for s in tokens if s.dep_ == "agent"
                     for g in children_of(s) if g.dep_ == "pobj")
    # "Hundreds of Russian soldiers": the people counted.
    heads = [counted_noun(s) or s for s in heads.values()]
    return frozenset(t.lemma_.lower() for s in heads for t in (s, *conjuncts_of(s)))


def has_agent(trigger: Token) -> bool:
    """True when someone is said to do it: an active subject or a "by" agent."""
    children = list(children_of(trigger))
    if any(c.dep_ == "agent" for c in children):
        return True
    # "gunmen killed five villagers"; in "the general died" the subject is the victim;
    # "Israeli air strikes killed 45 Palestinians", parsed as a participle on its
    # subject, is active too: it has an object.
    if trigger.dep_ == "acl" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        return has_object(trigger)
    return any(c.dep_ == "nsubj" for c in children) and any(c.dep_ == "dobj" for c in children)

"""Whether a clause's event happened: asserted, negated, hypothetical or planned.

"did not agree" is negated, "would travel" hypothetical, "will meet" planned, by the
verb's own auxiliaries, negation and markers; a clause takes its governor's modality
when it shares its subject ("would close three factories and cut jobs") or complements
it ("refused to meet", "urged them to leave"). The words are data
(``resources/event_types.yaml``, ``modality``). A negated or hypothetical clause keeps
its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clauses import shared_conjuncts
from timeline.events.lexicon import EventLexicon, Modality
from timeline.events.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Modality values, in the order they are tested; anything else is asserted.
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "planned")
#: Modalities of what has not happened (yet): no period of the past dates them.
UNREALISED: frozenset[str] = frozenset({"hypothetical", "planned"})


def modality(trigger: Token, lexicon: EventLexicon) -> str:
    """asserted, negated, hypothetical or planned, from the clause and what governs it.

    "did not agree" and "refused to meet" are negated, "would travel" hypothetical,
    "will meet" and "decided to meet" planned, "hope that Zaluznyi would travel" and
    "urged them to leave" hypothetical; a clause under a negated or hypothetical
    governor ("did not plan to attack") takes its modality.
    """
    words = lexicon.modality
    own = _own_modality(trigger, lexicon)
    if own == "asserted" and _planned_in_present(trigger, words.planned_passives):
        return "planned"
    dep = trigger.dep_
    if own != "asserted" or dep not in _GOVERNED_DEPS:
        return own  # a main clause's, a modifier's: no governor lends it one
    head = trigger.head
    if dep == "conj" and head is not trigger and trigger in shared_conjuncts(head):
        # "would close three factories and cut thousands of jobs", "did not attack or
        # loot": a verb sharing its head's subject and auxiliaries shares its modality.
        return modality(head, lexicon)
    if dep in {"xcomp", "ccomp"} and head is not trigger:
        governing = _own_modality(head, lexicon)
        if governing in {"negated", "hypothetical"}:
            return governing
        if dep == "xcomp" and head.lemma_.lower() in words.negating_governors:
            return "negated"
        if dep == "xcomp" and head.lemma_.lower() in words.planned_governors:
            return "planned"
        if head.lemma_.lower() in words.directive_governors and (
                dep == "xcomp" or trigger.tag_ == "VB" and not any(
                    c.dep_ in {"aux", "auxpass"} for c in children_of(trigger))):
            # "urged the RSF to halt", "demanded that the RSF halt" (the bare verb of a
            # demand; not "told reporters it had halted"): asked for, not done.
            return "hypothetical"
    if dep in {"acl", "ccomp"}:
        noun = head.lemma_.lower()
        if noun in words.hypothetical_nouns:
            return "hypothetical"
        if noun in words.planned_nouns:
            return "planned"
    return "asserted"


#: Dependencies by which a clause hangs off a governor that may lend it its modality.
_GOVERNED_DEPS = frozenset({"conj", "xcomp", "ccomp", "acl"})


def _denies(subject: Token, words: Modality) -> bool:
    """True for a subject that denies its clause: "nobody", "No group", "neither side"."""
    return subject.lower_ in words.negated_subjects or any(
        c.dep_ == "det" and c.lower_ in words.negated for c in children_of(subject))


def _planned_in_present(verb: Token, governors: frozenset[str]) -> bool:
    """True for a plan told in the present passive: "Further protests are planned for
    Tuesday", "A rally is scheduled for Friday" (not "The attack was planned for
    months", which may have happened)."""
    return verb.lemma_.lower() in governors and verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in children_of(verb))


def _own_modality(verb: Token, lexicon: EventLexicon) -> str:
    """The modality the verb's own auxiliaries, negation and markers give it."""
    words = lexicon.modality
    children = children_of(verb)
    marks = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass", "neg", "mark"}}
    if marks & words.negated or any(_denies(c, words) for c in children
                                    if c.dep_ in {"nsubj", "nsubjpass"}):
        return "negated"
    if marks & words.hypothetical:
        return "hypothetical"
    if marks & words.planned:
        return "planned"
    return "asserted"

"""Times a clause that names none shares with a clause tied to it: an adverbial clause
of the same moment ("fled when rebels stormed the town on Monday"), or the past
progressive that tells what its participants were doing then ("fired tear gas at
protesters who were demonstrating on Thursday")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.anchoring import TimeIndex
    from timeline.model import TimeExpression

#: Dependencies of a clause's participants whose relative clause may tell its moment.
PARTICIPANT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})


def linked_time(index: TimeIndex, trigger: Token, linked: frozenset[str]) -> TimeExpression | None:
    """The time of an adverbial clause after ``trigger`` introduced by one of ``linked``
    ("Residents fled when rebels stormed the town on Monday", "Police fired tear gas as
    protesters marched on Tuesday"): the two happened together. Else that of a relative
    clause in the past progressive on one of its participants ("fired tear gas at
    protesters who were demonstrating on Thursday"): what they were doing when it
    happened (not "arrested the man who killed his wife on Thursday")."""
    for clause in (c for c in children_of(trigger) if c.dep_ == "advcl" and c.i > trigger.i):
        if not any(m.dep_ in {"mark", "advmod"} and m.lower_ in linked and m.i < clause.i
                   for m in children_of(clause)) or any(
                       m.dep_ == "npadvmod" for m in children_of(clause)):
            continue  # "struck Rafah two days after Hamas attacked on Friday": not together
        found = _own_times(index, clause)
        if found:
            return found[0]
    for clause in _progressive_relatives(trigger):
        found = _own_times(index, clause)
        if found:
            return found[0]
    return None


def _own_times(index: TimeIndex, clause: Token) -> list[TimeExpression]:
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return [index.times[i] for i in index.within(start, end) if index.owners[i] == clause.i]


def _progressive_relatives(trigger: Token) -> list[Token]:
    """Relative clauses in the past progressive ("who were demonstrating") on the
    participants of ``trigger``'s clause: its subjects, objects and the objects of its
    prepositions."""
    participants = [c for c in children_of(trigger) if c.dep_ in PARTICIPANT_DEPS]
    participants += [o for c in children_of(trigger) if c.dep_ == "prep"
                     for o in children_of(c) if o.dep_ == "pobj"]
    return [r for p in participants for r in children_of(p) if r.dep_ == "relcl"
            and r.tag_ == "VBG" and any(a.dep_ == "aux" and a.lemma_ == "be" and a.tag_ == "VBD"
                                        for a in children_of(r))]

"""Verbs typed by what they act on, read from ``event_types.yaml``'s ``object_verbs``.

"violated the ceasefire" is a clash, "lost 40 servicemen" a death the subject
suffered, "bodies were found" a discovery: the verb alone says too little, its object
(in a passive, its subject) decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.errors import RuleFileError
from timeline.resource_files import word_list


@dataclass(frozen=True)
class ObjectRule:
    """Verbs whose type depends on what they act on: ``type_id`` when their object (in a
    passive, their subject) is one of ``objects`` ("violated the ceasefire", "lost 40
    servicemen", "bodies were found"). With ``victim_subject`` the subject suffered it
    ("lost 40 servicemen"): it is no perpetrator."""

    verbs: frozenset[str]
    objects: frozenset[str]
    type_id: str
    victim_subject: bool = False
    #: Nouns typed the same way by what they govern ("ceasefire violations").
    nouns: frozenset[str] = frozenset()
    #: The object must be the bare word, with no determiner or modifier: "set fire to
    #: the building", not "set a cease-fire" or "set new fire regulations".
    bare: bool = False
    #: Prepositions whose object counts as the verb's: "was set on fire".
    via: frozenset[str] = frozenset()
    #: Who the rule holds for: "armed" (a force or armed group as the subject: "the army
    #: regained control"), "unarmed" (anyone else: "farmers blocked highways"), or "".
    by: str = ""


def people_nouns(name: str, data: dict[str, Any]) -> frozenset[str]:
    """Nouns for people in an event-types file: its ``people_nouns`` and
    ``combatant_nouns``."""
    return frozenset(word_list(data, name, "people_nouns")
                     + word_list(data, name, "combatant_nouns"))


def object_rules(name: str, data: dict[str, Any]) -> tuple[ObjectRule, ...]:
    """The ``object_verbs`` rules; ``objects: people`` stands for ``people_nouns``."""
    people = people_nouns(name, data)
    try:
        return tuple(ObjectRule(
            frozenset(map(str, r["verbs"])),
            people if r["objects"] == "people" else frozenset(map(str, r["objects"])),
            str(r["type"]), bool(r.get("victim_subject")),
            frozenset(map(str, r.get("nouns", ()))), bool(r.get("bare")),
            frozenset(map(str, r.get("via", ()))), _by(r))
            for r in data.get("object_verbs") or ())
    except (KeyError, TypeError, ValueError) as error:
        raise RuleFileError(name, f"malformed object_verbs rule ({error})") from error


#: The values of an object rule's ``by``.
BY = frozenset({"", "armed", "unarmed"})


def _by(rule: dict[str, Any]) -> str:
    by = str(rule.get("by", ""))
    if by not in BY:
        raise ValueError(f"'by' is armed or unarmed, not {by!r}")
    return by

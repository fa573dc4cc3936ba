"""Load and validate the rule files used by entity, place and event extraction.

Each loader reads one ``timeline/resources/*.yaml`` file through
``timeline.resource_files``, which checks every entry has an id, the fields it needs
and at least one example, and returns frozen dataclasses. Loaders are pure and cached;
a malformed file raises ``RuleFileError`` naming the file and the entry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from timeline.errors import RuleFileError
from timeline.events.object_rules import ObjectRule, object_rules
from timeline.resource_files import entries, read_bundled, word_list


@dataclass(frozen=True)
class SubType:
    """A sub-event type: its label, ACLED sub-type and CAMEO code, and the cue lemmas
    that select it (none for a type's default)."""

    id: str
    acled_sub_type: str = ""
    cameo: str | None = None
    cues: frozenset[str] = frozenset()
    #: ACLED event type when it differs from the type's ("combatants killed": Battles).
    acled_type: str = ""


#: Where a retype rule's cues count: anywhere in the clause; outside its doers (the
#: target, not the attacker); in its grammatical subjects (who moved: "the attackers
#: fled", "soldiers were evacuated"); in its doers, active subjects and "by" agents
#: ("attacked by a mob"); or in the verb itself ("protesters stormed").
RETYPE_SCOPES = ("clause", "object", "subject", "doer", "verb")


@dataclass(frozen=True)
class Retype:
    """Move a clause to type ``to`` when one of ``cues`` is among the lemmas of its
    ``scope`` (one of ``RETYPE_SCOPES``)."""

    to: str
    cues: frozenset[str]
    scope: str = "clause"


@dataclass(frozen=True)
class EventType:
    """One entry of the event taxonomy, with its ACLED, CAMEO and PLOVER codes."""

    id: str
    cameo: str | None
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    examples: tuple[str, ...] = ()
    plover: str = ""
    acled_type: str = ""
    acled_sub_type: str = ""
    #: ACLED sub-type when a state force acts ("Government regains territory").
    acled_sub_type_state: str = ""
    sub_types: tuple[SubType, ...] = ()
    retype: tuple[Retype, ...] = ()
    #: Type of the clause when a perpetrator is its subject ("gunmen killed ...").
    with_agent: str = ""
    #: Type of the clause when its target is a state's forces ("attacked a post; 12
    #: soldiers were killed" is fought between armed sides).
    state_target: str = ""
    #: The group (an ``actors.yaml`` id) whose name civilians acting in it take:
    #: "teachers demonstrated" are Protesters, the teachers an associated actor.
    participants: str = ""
    #: Sub-types set from the article: a crowd dispersed, or protesters killed.
    with_intervention: SubType | None = None
    with_excessive_force: SubType | None = None

    def sub_type(self, lemmas: frozenset[str]) -> SubType:
        """The first sub-type whose cues appear among ``lemmas``, else the default."""
        for sub in self.sub_types:
            if not sub.cues or sub.cues & lemmas:
                return self.coded(sub)
        return SubType(self.id, self.acled_sub_type, self.cameo)

    def sub_type_id(self, lemmas: frozenset[str]) -> str:
        """The id of ``sub_type(lemmas)``, without coding the sub-type."""
        return next((sub.id for sub in self.sub_types
                     if not sub.cues or not sub.cues.isdisjoint(lemmas)), self.id)

    def coded(self, sub: SubType) -> SubType:
        """``sub`` with the type's ACLED sub-type and CAMEO code where it names none."""
        return SubType(sub.id, sub.acled_sub_type or self.acled_sub_type,
                       sub.cameo or self.cameo, sub.cues, sub.acled_type or self.acled_type)


@dataclass(frozen=True)
class Modality:
    """Words that make a clause negated, hypothetical or planned."""

    negated: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]
    planned_governors: frozenset[str] = frozenset()
    negating_governors: frozenset[str] = frozenset()
    hypothetical_nouns: frozenset[str] = frozenset()
    planned_nouns: frozenset[str] = frozenset()
    #: Verbs whose complement is asked of someone, not done: "urged X to halt".
    directive_governors: frozenset[str] = frozenset()
    #: Subjects that deny the clause: "nobody was hurt", "none claimed the attack".
    negated_subjects: frozenset[str] = frozenset()
    #: Verbs whose present passive tells a plan: "Further protests are planned".
    planned_passives: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """The whole event taxonomy plus the verb lists that steer typing."""

    types: tuple[EventType, ...]
    light_verbs: frozenset[str]
    non_events: frozenset[str]
    modality: Modality
    phrasal_types: tuple[tuple[str, str], ...] = ()
    time_bounds: frozenset[str] = frozenset()
    subject_types: frozenset[str] = frozenset()
    object_place_types: frozenset[str] = frozenset()
    object_actor_types: frozenset[str] = frozenset()
    target_types: frozenset[str] = frozenset()
    violent_types: frozenset[str] = frozenset()
    casualty_types: frozenset[str] = frozenset()
    #: Types whose toll is read, though no one's violence caused it (disasters).
    toll_types: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    recent_prepositions: frozenset[str] = frozenset()
    recent_day_periods: frozenset[str] = frozenset()
    recent_week_periods: frozenset[str] = frozenset()
    event_noun_prepositions: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    #: Verbs with no passive: the noun a participle of theirs describes does them.
    doer_verbs: frozenset[str] = frozenset()
    partake_verbs: frozenset[str] = frozenset()
    preparation_verbs: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    #: Verbs whose object does what their complement says: "forced doctors to evacuate".
    object_control_verbs: frozenset[str] = frozenset()
    #: A verb and the preposition of its addressee: "called on residents to leave".
    addressees: frozenset[str] = frozenset()
    object_rules: tuple[ObjectRule, ...] = ()
    #: A clause measured from its governor's day: days per unit ("a day after", "two
    #: weeks before") and which way each mark counts ("after": the clause is earlier).
    offset_units: tuple[tuple[str, int], ...] = ()
    offset_marks: tuple[tuple[str, int], ...] = ()
    #: Marks of an adverbial clause whose time its governor shares ("fled when ...").
    linked_marks: frozenset[str] = frozenset()
    #: Kind words before a name that type it ("Hurricane Helene", "Typhoon Haiyan").
    named_kinds: frozenset[str] = frozenset()
    #: Subject nouns of a ``subject_types`` type that someone can aim, and the type they
    #: take when a nationality, force or armed group owns them ("Israeli fire").
    aimed_nouns: tuple[tuple[str, str], ...] = ()

    def suffered_by_subject(self, verb: str, objects: Iterable[str]) -> bool:
        """True when a ``victim_subject`` rule holds ``verb`` with one of the lemmas
        ``objects`` ("lost 40 servicemen", not "took control")."""
        lemmas = set(objects)
        return any(r.victim_subject and verb in r.verbs and lemmas & r.objects
                   for r in self.object_rules)

    def aimed_type(self, noun: str) -> str | None:
        """The type ``aimed_nouns`` gives ``noun`` when someone aims it, or None."""
        return self._aimed.get(noun)

    @functools.cached_property
    def _aimed(self) -> dict[str, str]:
        return dict(self.aimed_nouns)

    @functools.cached_property
    def phrasal_verbs(self) -> frozenset[str]:
        """The phrasal verbs ``phrasal_types`` types ("go on"), built once."""
        return frozenset(verb for verb, _ in self.phrasal_types)

    def object_rules_of(self, verb: str) -> tuple[ObjectRule, ...]:
        """The ``object_rules`` whose verbs include ``verb``, in order."""
        return self._object_rules_by_verb.get(verb, ())

    def object_rules_of_noun(self, noun: str) -> tuple[ObjectRule, ...]:
        """The ``object_rules`` whose nouns include ``noun``, in order."""
        return self._object_rules_by_noun.get(noun, ())

    @functools.cached_property
    def _object_rules_by_verb(self) -> dict[str, tuple[ObjectRule, ...]]:
        """Rules by verb, built once: every clause's verb is looked up."""
        return _rules_by(self.object_rules, lambda rule: rule.verbs)

    @functools.cached_property
    def _object_rules_by_noun(self) -> dict[str, tuple[ObjectRule, ...]]:
        """Rules by noun, built once: event nouns are looked up as often."""
        return _rules_by(self.object_rules, lambda rule: rule.nouns)

    def type_of_verb(self, lemma: str) -> str | None:
        """The event type whose verbs include ``lemma`` (a phrasal verb first), or None."""
        return self._verb_types.get(lemma)

    def type_of_noun(self, lemma: str) -> str | None:
        """The event type whose nouns include ``lemma``, or None."""
        return self._noun_types.get(lemma)

    @functools.cached_property
    def _verb_types(self) -> dict[str, str]:
        """Type by verb lemma (phrasal verbs win), built once: typing every clause looks
        verbs up many times."""
        table: dict[str, str] = {}
        for event_type in self.types:
            for verb in event_type.verbs:
                table.setdefault(verb, event_type.id)
        table.update(dict(self.phrasal_types))
        return table

    @functools.cached_property
    def _noun_types(self) -> dict[str, str]:
        """Type by noun lemma, built once."""
        table: dict[str, str] = {}
        for event_type in self.types:
            for noun in event_type.nouns:
                table.setdefault(noun, event_type.id)
        return table

    def get(self, type_id: str) -> EventType | None:
        """The taxonomy entry ``type_id`` (None for other)."""
        return self._by_id.get(type_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, EventType]:
        """Entries by id (the first of an id), built once: coding every clause looks
        types up several times."""
        return {t.id: t for t in reversed(self.types)}  # reversed: the first one stays

    def cameo(self, type_id: str) -> str | None:
        """The CAMEO code of ``type_id`` (None for other or uncoded types)."""
        found = self.get(type_id)
        return found.cameo if found else None


def rule_entries(name: str, key: str, required: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The checked entries under ``key`` of the bundled file ``name``."""
    return entries(read_bundled(name), name, key, required)


def examples_of(entry: dict[str, Any]) -> tuple[str, ...]:
    """An entry's worked examples (checked to be texts by ``entries``), run by the tests."""
    return tuple(entry["examples"])


@dataclass(frozen=True)
class LocationWords:
    """Prepositions that introduce places, and nouns a nationality word turns into one."""

    static: frozenset[str]
    motion: frozenset[str]
    place_nouns: frozenset[str]
    #: Place nouns that, after a nationality word, name its country's capital city.
    capital_nouns: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    motion_types: frozenset[str] = frozenset()
    target_types: frozenset[str] = frozenset()
    feature_words: frozenset[str] = frozenset()
    feature_modifiers: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    near_features: frozenset[str] = frozenset()
    mislabelled: frozenset[str] = frozenset()
    soft_targets: frozenset[str] = frozenset()
    sentence_types: frozenset[str] = frozenset()
    area_features: frozenset[str] = frozenset()
    town_parts: frozenset[str] = frozenset()
    government_types: frozenset[str] = frozenset()
    transliterations: tuple[tuple[str, str], ...] = ()
    endings: tuple[tuple[str, str], ...] = ()
    sentence_skip: frozenset[str] = frozenset()
    #: Facilities a country named before them owns rather than holds ("a US base").
    owned_features: frozenset[str] = frozenset()


@functools.cache
def load_location_words() -> LocationWords:
    """Prepositions and place nouns from ``locations.yaml``."""
    name = "locations.yaml"
    data = read_bundled(name)
    preps = data.get("prepositions")
    if not isinstance(preps, dict) or not {"static", "motion"} <= set(preps):
        raise RuleFileError(name, "'prepositions' needs 'static' and 'motion' lists")
    lists = {key: frozenset(word_list(preps, name, key))
             for key in ("static", "motion", "target", "motion_types", "target_types")}
    extra = {field: frozenset(word_list(data, name, key)) for field, key in (
        ("feature_words", "feature_words"), ("feature_modifiers", "feature_modifiers"),
        ("near", "near_prepositions"), ("near_features", "near_features"), ("mislabelled", "mislabelled_place_prepositions"),
        ("soft_targets", "soft_label_target_prepositions"),
        ("sentence_types", "sentence_place_types"), ("area_features", "area_features"),
        ("town_parts", "town_part_features"),
        ("government_types", "government_capital_types"),
        ("sentence_skip", "sentence_skip_prepositions"),
        ("owned_features", "owned_features"), ("capital_nouns", "capital_nouns"))}
    pairs = tuple((str(a), str(b)) for a, b in data.get("transliterations") or ())
    endings = tuple((str(a), str(b)) for a, b in data.get("ending_transliterations") or ())
    return LocationWords(place_nouns=frozenset(word_list(data, name, "place_nouns")), **lists,
                         **extra, transliterations=pairs, endings=endings)


@functools.cache
def load_event_lexicon() -> EventLexicon:
    """The event taxonomy from ``event_types.yaml``, checked for ambiguous lemmas and
    for type names that point nowhere."""
    name = "event_types.yaml"
    types = tuple(_event_type(name, e) for e in rule_entries(name, "types", ("cameo", "verbs", "nouns")))
    _check_unambiguous(name, types)
    data = read_bundled(name)
    phrasal = data.get("phrasal_types") or {}
    aimed = data.get("aimed_nouns") or {}
    if not isinstance(phrasal, dict) or not isinstance(aimed, dict):
        raise RuleFileError(name, "'phrasal_types' and 'aimed_nouns' map words to event types")
    known = {t.id for t in types} | {"other"}
    rules = object_rules(name, data)
    named = [*phrasal.values(), *aimed.values(), *(r.to for t in types for r in t.retype),
             *(r.type_id for r in rules),
             *(t.with_agent for t in types if t.with_agent),
             *(v for key in _TYPE_LISTS for v in data.get(key, ()))]
    unknown = sorted(v for v in named if v not in known)
    if unknown:
        raise RuleFileError(name, f"unknown event types named: {unknown}")
    violent = set(data.get("violent_types") or ())
    if not set(map(str, aimed.values())) <= violent:
        raise RuleFileError(name, "'aimed_nouns' must map to violent_types")
    lists = {key: frozenset(word_list(data, name, key)) for key in _WORD_LISTS + _TYPE_LISTS}
    modality = data.get("modality")
    if not isinstance(modality, dict):
        raise RuleFileError(name, "'modality' must be a mapping of word lists")
    words = {key: frozenset(word_list(modality, name, key)) for key in _MODALITY}
    try:
        offsets = {key: tuple((str(k), int(v)) for k, v in (data.get(key) or {}).items())
                   for key in ("offset_units", "offset_marks")}
    except (AttributeError, TypeError, ValueError) as error:
        raise RuleFileError(name, f"offset_units and offset_marks map words to whole numbers "
                                  f"({error})") from error
    return EventLexicon(types=types, phrasal_types=tuple(sorted(phrasal.items())),
                        aimed_nouns=tuple(sorted((str(k), str(v)) for k, v in aimed.items())),
                        modality=Modality(**words), object_rules=rules, **offsets, **lists)



_WORD_LISTS = ("light_verbs", "non_events", "time_bounds", "reporting_verbs",
               "recent_prepositions", "recent_day_periods", "recent_week_periods",
               "event_noun_prepositions", "source_nouns", "undergo_verbs", "doer_verbs",
               "partake_verbs", "preparation_verbs", "quantity_nouns", "object_control_verbs",
               "addressees", "linked_marks", "named_kinds")
_TYPE_LISTS = ("subject_types", "object_place_types", "object_actor_types", "target_types",
               "violent_types", "casualty_types", "toll_types")
_MODALITY = ("negated", "hypothetical", "planned", "planned_governors", "negating_governors",
             "hypothetical_nouns", "planned_nouns", "negated_subjects",
             "directive_governors", "planned_passives")


def _event_type(name: str, entry: dict[str, Any]) -> EventType:
    """One ``types`` entry as an EventType; its ACLED, sub-type and retype fields checked."""
    acled = entry.get("acled") or {}
    if not isinstance(acled, dict):
        raise RuleFileError(name, "'acled' must be a mapping", entry["id"])
    try:
        subs = tuple(_sub_type(s) for s in entry.get("sub_types") or ())
        retype = tuple(Retype(str(r["to"]), frozenset(map(str, r["cues"])),
                              str(r.get("scope") or "clause")) for r in entry.get("retype") or ())
        if any(r.scope not in RETYPE_SCOPES for r in retype):
            raise TypeError(f"a retype scope must be one of {', '.join(RETYPE_SCOPES)}")
        context = {key: _sub_type(entry[key]) if entry.get(key) else None
                   for key in ("with_intervention", "with_excessive_force")}
    except (KeyError, TypeError) as error:
        raise RuleFileError(name, f"malformed sub_types, retype or with_* field ({error})",
                            entry["id"]) from error
    cameo = entry["cameo"]
    return EventType(
        str(entry["id"]), None if cameo is None else str(cameo),
        str(entry.get("description", "")), frozenset(entry["verbs"]), frozenset(entry["nouns"]),
        plover=str(entry.get("plover") or ""), acled_type=str(acled.get("type", "")),
        acled_sub_type=str(acled.get("sub_type", "")),
        acled_sub_type_state=str(entry.get("acled_sub_type_state", "")),
        examples=examples_of(entry), sub_types=subs, retype=retype,
        with_agent=str(entry.get("with_agent") or ""),
        state_target=str(entry.get("state_target") or ""),
        participants=str(entry.get("participants") or ""), **context,
    )


def _sub_type(entry: dict[str, Any]) -> SubType:
    cameo = entry.get("cameo")
    return SubType(str(entry["id"]), str(entry.get("acled_sub_type", "")),
                   None if cameo is None else str(cameo),
                   frozenset(map(str, entry.get("cues", ()))), str(entry.get("acled_type", "")))


def _check_unambiguous(name: str, types: tuple[EventType, ...]) -> None:
    """Each verb and each noun lemma may belong to one type only."""
    for kind in ("verbs", "nouns"):
        seen: dict[str, str] = {}
        for event_type in types:
            for lemma in getattr(event_type, kind):
                if lemma in seen:
                    raise RuleFileError(name, f"{kind[:-1]} {lemma!r} is in both "
                                        f"{seen[lemma]!r} and {event_type.id!r}", event_type.id)
                seen[lemma] = event_type.id


def _rules_by(rules: Iterable[ObjectRule],
              words: Callable[[ObjectRule], Iterable[str]]) -> dict[str, tuple[ObjectRule, ...]]:
    """``rules`` by each of their ``words``, in order."""
    table: dict[str, list[ObjectRule]] = {}
    for rule in rules:
        for word in words(rule):
            table.setdefault(word, []).append(rule)
    return {word: tuple(found) for word, found in table.items()}

"""Common-noun and group actors ("protesters", "government forces", "unidentified armed
men") and the words around them, from ``resources/actors.yaml``: one home for the
actor vocabulary that roles, entities and event nouns read."""

from __future__ import annotations

import functools
import weakref
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from timeline.errors import RuleFileError
from timeline.events.lexicon import rule_entries
from timeline.events.known_names import load_gazetteer
from timeline.events.tokens import children_of
from timeline.resource_files import read_bundled, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.clauses import MentionIndex
    from timeline.events.roles import Roles
    from timeline.model import Mention


#: The kind of an actor named by a group (``roles.Actor.kind``).
GROUP = "GROUP"


@dataclass(frozen=True)
class ActorGroup:
    """A common-noun actor: head nouns, required modifiers and its ACLED-style name."""

    id: str
    nouns: frozenset[str]
    modifiers: frozenset[str]
    name: str
    unknown: str
    state: bool = False
    victim: bool = False
    #: The other side's forces ("the enemy", "invaders"): see ``other_side``.
    hostile: bool = False
    #: A crowd, named by the event it takes part in: Protesters in a protest, Rioters
    #: in a riot (``as_participants``).
    crowd: bool = False
    #: A civil body whose members act as themselves ("members of parliament").
    civil: bool = False
    #: Forces of many states ("the coalition"): only a leader named with it ("Saudi-led")
    #: gives them a country, never the place.
    multinational: bool = False

    def named(self, country: str) -> str:
        return self.name.format(country=country) if country else self.unknown


@functools.cache
def load_groups() -> tuple[ActorGroup, ...]:
    """Group actors from ``actors.yaml``."""
    return tuple(
        ActorGroup(str(e["id"]), frozenset(map(str, e["nouns"])),
                   frozenset(map(str, e.get("modifiers", ()))), str(e["name"]),
                   str(e["unknown"]), bool(e.get("state")), bool(e.get("victim")),
                   bool(e.get("hostile")), bool(e.get("crowd")), bool(e.get("civil")),
                   bool(e.get("multinational")))
        for e in rule_entries("actors.yaml", "groups", ("nouns", "name", "unknown"))
    )


@functools.cache
def groups_by_unknown() -> dict[str, ActorGroup]:
    """The first group of each name used when its country is not known ("Rioters")."""
    found: dict[str, ActorGroup] = {}
    for group in load_groups():
        found.setdefault(group.unknown, group)
    return found


@functools.cache
def groups_by_id() -> dict[str, ActorGroup]:
    """Groups by id."""
    return {group.id: group for group in load_groups()}


def as_participants(roles: Roles, group_id: str) -> Roles:
    """``roles`` whose civilian actor1 is named as the group ``group_id`` ("teachers
    demonstrated": Protesters (Malawi), as ACLED names them), the civilians kept as an
    associated actor."""
    actor, group = roles.actor1, groups_by_id().get(group_id)
    if actor is None or group is None or actor.kind != GROUP:
        return roles
    if not actor.victim:
        # Protesters who riot are Rioters, rioters who only march Protesters.
        crowd = any(g.crowd and actor.name == g.named(actor.country) for g in load_groups())
        return replace(roles, actor1=replace(actor, name=group.named(actor.country))) \
            if crowd else roles
    named = replace(actor, name=group.named(actor.country), victim=False)
    return replace(roles, actor1=named, assoc=(actor, *roles.assoc))


@functools.cache
def groups_by_noun() -> dict[str, tuple[ActorGroup, ...]]:
    """Groups by head noun, in file order."""
    index: dict[str, list[ActorGroup]] = {}
    for group in load_groups():
        for noun in group.nouns:
            index.setdefault(noun, []).append(group)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def organisation_words() -> dict[str, str]:
    """Each organisation of ``gazetteer_orgs.yaml`` by the word an alias of it puts
    before a group noun ("houthi" of "Houthi rebels" -> "Houthis", "m23" of "M23
    rebels"): that word before any group noun names it ("Houthi militants")."""
    nouns = groups_by_noun()
    found: dict[str, str] = {}
    for entry in load_gazetteer():
        for alias in entry.aliases if entry.label == "ORG" else ():
            word, _, rest = alias.partition(" ")
            if rest.lower() in nouns:
                found.setdefault(word.lower(), entry.name)
    return found


def group_of(token: Token) -> ActorGroup | None:
    """The group a noun phrase headed by ``token`` names, if any."""
    index = groups_by_noun()
    candidates = index.get(token.lemma_.lower()) or index.get(token.lower_)
    if not candidates:
        return None
    modifiers = {c.lemma_.lower() for c in children_of(token) if c.dep_ in {"amod", "compound"}}
    if token.i >= 1 and token.doc[token.i - 1].lower_ in patron_words():
        # "Saudi-led coalition air strikes": the parser hung "led" on "strikes".
        modifiers.add(token.doc[token.i - 1].lemma_.lower())
    return next((g for g in candidates if not g.modifiers or g.modifiers & modifiers), None)


@functools.cache
def partitive_nouns() -> frozenset[str]:
    """Nouns for a part of a force or group ("units of the National Guard")."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "partitive_nouns"))


@functools.cache
def reporting_force_words() -> tuple[tuple[str, ...], ...]:
    """Word sequences naming a state's armed forces as a report's source (``actors.yaml``
    ``reporting_forces``): "general staff", "military"."""
    return tuple(tuple(w.split()) for w in word_list(
        read_bundled("actors.yaml"), "actors.yaml", "reporting_forces"))


@functools.cache
def reporting_force_units() -> frozenset[str]:
    """Words that may follow a force's name in a report's source ("the army's spokesman")."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "reporting_force_units"))


@functools.cache
def movement_words() -> frozenset[str]:
    """Words naming an armed movement, not a state's forces ("Free Syrian Army")."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "movement_words"))


@functools.cache
def loss_words() -> frozenset[str]:
    """Words counting the enemy's losses in a force's report (``actors.yaml``)."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "loss_words"))


#: How a patron stands to the forces it is written before (``patron_words``): it leads
#: them (its own forces) or backs them (a proxy).
LEADER, BACKER = "leader", "backer"


@functools.cache
def patron_words() -> dict[str, str]:
    """Words naming a patron's hold on a force ("led", "backed"): leader or backer."""
    words = read_bundled("actors.yaml").get("patron_words") or {}
    if not isinstance(words, dict) or not set(map(str, words.values())) <= {LEADER, BACKER}:
        raise RuleFileError("actors.yaml", "'patron_words' maps words to leader or backer")
    return {str(k): str(v) for k, v in words.items()}


def proxy_group() -> ActorGroup:
    """The group a backed force is named as (``proxy_group``): a militia of its place."""
    name = str(read_bundled("actors.yaml").get("proxy_group", ""))
    try:
        return groups_by_id()[name]
    except KeyError:
        raise RuleFileError("actors.yaml", f"'proxy_group' names no group: {name!r}") from None


@functools.cache
def hostile_words() -> frozenset[str]:
    """Words naming the other side's forces: the modifier a group needs ("occupation
    troops"), else its nouns ("the enemy", "invaders")."""
    return frozenset(w for g in load_groups() if g.hostile for w in g.modifiers or g.nouns)


@functools.cache
def acled_inter_codes() -> tuple[tuple[str, str, str, int], ...]:
    """(name when no country is known, prefix, suffix, ACLED code) of each group name
    ``actors.yaml`` gives an ACLED actor type code (``acled_inter``)."""
    codes = read_bundled("actors.yaml").get("acled_inter") or {}
    if not isinstance(codes, dict):
        raise RuleFileError("actors.yaml", "'acled_inter' must map group names to codes")
    unknown = {g.name: g.unknown for g in load_groups()}
    found = []
    for name, code in codes.items():
        prefix, _, suffix = str(name).partition("{country}")
        found.append((unknown.get(str(name), prefix.strip(" (")), prefix, suffix, int(code)))
    return tuple(found)


def acled_inter(name: str) -> tuple[int, str] | None:
    """(ACLED's actor type code, the country the name gives or "") of an actor named as
    a group ("Military Forces of Sudan": (1, "Sudan"), "Protesters": (6, "")), None for
    any other name."""
    for unknown, prefix, suffix, code in acled_inter_codes():
        if name == unknown:
            return code, ""
        inside = len(name) - len(prefix) - len(suffix)
        if inside > 0 and name.startswith(prefix) and name.endswith(suffix):
            return code, name[len(prefix):len(name) - len(suffix)]
    return None


@functools.cache
def unit_words() -> frozenset[str]:
    """Words naming a kind of unit before a group noun ("Riot police"), never its name."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "unit_words"))


@functools.cache
def capitals() -> dict[str, str]:
    """Country by the gazetteer name of its capital ("Kyiv" -> "Ukraine")."""
    import countryinfo

    from timeline.events import places

    table: dict[str, str] = {}
    for record in countryinfo.all_countries():
        try:
            capital = record.capital()
        except (KeyError, AttributeError):
            continue
        place = places.geocode(capital) if isinstance(capital, str) and capital else None
        if place is not None and place.country and place.precision != "country":
            table.setdefault(place.name, place.country)
    return table


@functools.cache
def capital_types() -> frozenset[str]:
    """Event types in which a capital named as the actor stands for its government."""
    return _event_types("capital_types")


@functools.cache
def agentless_types() -> frozenset[str]:
    """Event types no one does, in which a country named as the actor is none."""
    return _event_types("agentless_types")


@functools.cache
def combat_types() -> frozenset[str]:
    """Event types in which a country named as the target stands for its forces
    ("repelled Russian assaults": Military Forces of Russia)."""
    return _event_types("combat_target_types")


@functools.cache
def mutual_types() -> frozenset[str]:
    """Event types both sides of which a joined subject names ("M23 rebels and the
    Congolese army clashed": the second is the first's counterpart)."""
    return _event_types("mutual_types")


def _event_types(key: str) -> frozenset[str]:
    """The event types listed under ``key`` in ``actors.yaml``, checked against the
    taxonomy."""
    from timeline.errors import RuleFileError
    from timeline.events.lexicon import load_event_lexicon

    types = frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", key))
    unknown = sorted(types - {t.id for t in load_event_lexicon().types})
    if unknown:
        raise RuleFileError("actors.yaml", f"{key} names unknown event types: {unknown}")
    return types


def is_armed(token: Token) -> bool:
    """True for a noun of a group that carries out violence ("rebel shelling"), not of
    its victims."""
    group = group_of(token)
    return group is not None and not group.victim


def armed_group(token: Token) -> bool:
    """True for a noun of a force or an armed group: not its victims, a crowd or a civil
    body ("troops", "rebels", "police"; not "farmers", "protesters", "lawmakers")."""
    group = group_of(token)
    return group is not None and not (group.victim or group.crowd or group.civil)


def is_force(token: Token) -> bool:
    """True for a noun of a state force group ("Forces", "army", "troops")."""
    group = group_of(token)
    return group is not None and group.state


def other_side(token: Token, index: MentionIndex, own: str) -> str:
    """The country of a hostile group ("the enemy", "invaders") that its phrase does not
    name: the first country its sentence, else its document, names (by a nationality
    word or a country's name, outside a closing attribution, which names who reported)
    other than ``own``, the country the event happens in; "" when there is none or
    ``own`` is unknown (which side is the other cannot be told)."""
    if not own:
        return ""
    sent = token.sent
    named = _countries_named(index, token.doc)
    inside = [(at, c) for at, c in named if sent.start_char <= at < sent.end_char]
    return next((c for at, c in (*inside, *named) if c != own), "")


#: The countries each article's mentions name, worked out once per article (its
#: ``MentionIndex``): a report that says "the enemy" often reads them once, not once
#: per mention of it.
_NAMED: weakref.WeakKeyDictionary[MentionIndex, list[tuple[int, str]]] = (
    weakref.WeakKeyDictionary())


def _countries_named(index: MentionIndex, doc: Doc) -> list[tuple[int, str]]:
    """(start character, country) of each mention of ``index`` naming a country."""
    found = _NAMED.get(index)
    if found is None:
        found = _NAMED[index] = [(m.start_char, country) for m in index.mentions
                                 if (country := _mention_country(m, doc))]
    return found


def _mention_country(mention: Mention, doc: Doc) -> str:
    """The country a GPE or NORP mention names by itself ("Russian", "the Russian
    Federation", its capital "Moscow"; not another town), or "" (also inside a closing
    attribution)."""
    from timeline.events import places
    from timeline.events.sentence_places import in_attribution

    if mention.label not in {"GPE", "NORP"}:
        return ""
    country = places.country_of_demonym(mention.text) or ""
    if not country:
        place = places.country_table().get(places.normalise(mention.text))
        # A capital stands for its state here: "Moscow says ... the invaders".
        country = place.country if place is not None else capitals().get(
            mention.canonical or mention.text, "")
    if not country:
        return ""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    return "" if span is None or in_attribution(span[-1]) else country

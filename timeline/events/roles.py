"""Who did what to whom: ``actor1`` (who acted), ``actor2`` (the target or
counterpart) and associated actors, named as written and the way ACLED names them.

Named actors come from the entity mentions ("Al Shabaab militants" is Al Shabaab);
common-noun and group actors ("protesters", "government forces", "unidentified armed
men", "police") from ``resources/actors.yaml``, with the country a nationality word in
the phrase gives ("Russian forces": Military Forces of Russia), else the event's
country (its place's, else its paragraph's: ``clause_events``). A passive subject is
the target ("Two soldiers were killed"); a victim group is never the initiator of
violence. The group vocabulary lives in ``actor_groups``, event nouns and their
perpetrators in ``event_nouns``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from timeline.events import clause_places, clauses, places
from timeline.events.actor_groups import (GROUP, LEADER, ActorGroup, agentless_types,
                                          capital_types, capitals, combat_types, group_of,
                                          mutual_types,
                                          groups_by_id, groups_by_noun, is_force,
                                          load_groups, organisation_words, other_side,
                                          partitive_nouns,
                                          proxy_group, unit_words)
from timeline.events.casualties import counted_noun
from timeline.events.clauses import MentionIndex
from timeline.events.event_nouns import event_nouns, light_nouns, noun_type
from timeline.events.known_names import non_state_organisations
from timeline.events.lexicon import EventLexicon, load_location_words
from timeline.events.patrons import country_named, leading_organisation, patron_of
from timeline.events.role_tokens import role_tokens
from timeline.events.tokens import children_of, of_object, span_text
from timeline.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

STATE_NAME = "Military Forces of {country}"
#: The group of ``actors.yaml`` that names the people violence is done to.
CIVILIANS = "civilians"
#: Re-exported: callers read the group vocabulary and event nouns through the roles.
__all__ = ["GROUP", "STATE_NAME", "Actor", "ActorGroup", "Roles", "actor_of", "assign",
           "capital_types", "event_nouns", "group_of", "light_nouns", "load_groups",
           "noun_type", "phrase", "without_places"]


@dataclass(frozen=True)
class Actor:
    """One actor of an event: its standard name, the phrase as written, its kind."""

    name: str
    text: str
    kind: str
    country: str = ""
    state: bool = False
    victim: bool = False


@dataclass(frozen=True)
class Roles:
    """The actors of one event by role."""

    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: tuple[Actor, ...] = ()


def phrase(token: Token) -> str:
    """The noun phrase as written: modifiers up to the head, plus a bracketed acronym
    ("government security forces (SNA)"), without determiners or possessive pronouns."""
    doc = token.doc
    start = token.i
    # Stop at a break in the phrase: "MOGADISHU (Reuters) - Al Shabaab fighters".
    while start > token.left_edge.i and not _breaks(doc[start - 1]):
        start -= 1
    while start < token.i and _leads_phrase(doc[start]):
        start += 1
    end = token.i + 1
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3
    return span_text(doc, start, end)


def _leads_phrase(token: Token) -> bool:
    """A determiner, pronoun or number in front of a noun phrase's name."""
    return (token.pos_ in {"DET", "PRON"} or token.tag_ == "PRP$" or token.like_num
            or token.dep_ in {"quantmod", "nummod"})


def _breaks(token: Token) -> bool:
    """Punctuation that ends a noun phrase to its left (not the hyphen of "al-Burhan"),
    or blank space (a dateline blanked before parsing)."""
    return token.is_space or token.is_punct and (token.text in {",", ":", ";", "(", ")", "—", "–", '"'}
                               or (token.text == "-" and bool(token.whitespace_)))


def actor_of(token: Token, index: MentionIndex, country: str) -> Actor | None:
    """The actor a noun phrase names, or None; ``country`` fills a group's name when the
    phrase names none."""
    doc = token.doc
    counted = counted_noun(token)
    if counted is None and token.lemma_.lower() in partitive_nouns():
        # "units of the National Guard", "members of Hamas": the force or the named
        # group (not "members of parliament", who act as themselves).
        owner = of_object(token)
        mention = index.at(owner) if owner is not None else None
        owning = group_of(owner) if owner is not None else None
        if owner is not None and (is_force(owner) or (
                owning is not None and not owning.victim and not owning.civil) or (
                mention is not None and mention.label == "ORG")):
            counted = owner
    if counted is not None:
        # "Hundreds of farmers", "dozens of demonstrators": the people counted.
        return actor_of(counted, index, country)
    follower = index.at_index(token.i + 1)
    if token.pos_ == "NOUN" and follower is not None and follower.label == "PERSON":
        # "Sudan's army chief Abdel Fattah al-Burhan": the noun titles the person.
        return Actor(follower.canonical or follower.text, follower.text, "PERSON")
    # "Riot police": a unit word the recogniser took for a name is none.
    # "Army" opening a sentence, tagged as a name, is the common noun.
    mentions = [_as_name(m) for m in clauses.actors_of(token, index)
                if m.text.lower() not in unit_words() and m.text.lower() not in groups_by_noun()]
    group = group_of(token)
    if not mentions and group is None:
        return _demonym_actor(token)
    written = phrase(token)
    if group is not None:
        # "Houthi militants", "Houthi gunmen": the word an alias of an organisation puts
        # before a group noun ("Houthi rebels") names it before any other.
        words = organisation_words()
        known = next((words[c.lower_] for c in children_of(token)
                      if c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in words), None)
        if known is not None:
            return Actor(known, written, "ORG")
    nationality = next((m for m in mentions if m.label in {"GPE", "NORP"}), None)
    named = next((m for m in mentions if m.label in {"PERSON", "ORG"}), None)
    compound_named = named is not None and _modifies(named, token, index)
    unnamed = [c for c in children_of(token) if c.dep_ == "compound" and c.pos_ == "PROPN"
               and index.at(c) is None and c.lower_ not in unit_words()]
    if group is not None and unnamed and named is None and nationality is None:
        # "Al Shabaab fighters", "Wagner forces": a group the NER did not tag; a
        # capitalised group noun is part of its name ("the Jalisco Cartel").
        end = token.i + 1 if token.pos_ == "PROPN" else unnamed[-1].i + 1
        return Actor(doc[unnamed[0].left_edge.i:end].text.strip(), written, "ORG")
    leader = leading_organisation(token, index) if group is not None and not group.state else ""
    if leader:
        return Actor(leader, written, "ORG")  # "Hamas-led militants": Hamas's
    if group is not None and not compound_named and (group.state or named is None):
        patron, hold, first = patron_of(token)
        if hold and first < token.i and doc[first].text not in written:
            written = span_text(doc, first, token.i + 1)  # "Russia-led forces - JFO HQ"
        if hold and hold != LEADER:
            # "Iran-backed militias", "Russia-backed forces": a proxy, of the place;
            # "Saudi-backed government forces" stay the government's.
            own = any(c.dep_ in {"amod", "compound"} and c.lower_ in unit_words()
                      for c in children_of(token))
            group = proxy_group() if group.state and not own else group
            home = "" if country == patron else country  # the place's, never the patron's
            return Actor(group.named(home), written, GROUP, home, group.state, group.victim)
        # A people that is no nation ("Maoist rebels", "Kurdish fighters") names none;
        # a leader is the country only of forces ("Russia-led forces"), not of an armed
        # group, named for where it fights ("Russia-led militants near Katerynivka").
        led = patron if group.state else ""
        home = patron if group.multinational else led or (_country_of(nationality) if nationality else "") or (
            _forces_country(named, group)[1] if named is not None and not nationality
            else "") or (
            _modifier_country(token) or _of_country(token)
            or (other_side(token, index, country) if group.hostile else country))
        if group.hostile and not home:
            return None  # "The enemy shelled Kherson": tied to no country, no actor
        return Actor(group.named(home), written, GROUP, home, group.state, group.victim)
    chosen = named or nationality or (mentions[0] if mentions else None)
    if chosen is None:
        return None
    state, forces_of = _forces_country(chosen, group)
    if state is not None:
        # "Armed Forces of Ukraine", "Ukrainian Armed Forces", "AFU": a state's forces
        # by their own name, in ACLED's style.
        text = chosen.text if written in chosen.text else written  # "Armed Forces of Ukraine"
        return Actor(state.named(forces_of), text, GROUP, forces_of, True)
    kind = "GPE" if chosen.label in {"GPE", "NORP"} else chosen.label
    text = written if chosen.text in written else chosen.text
    return Actor(chosen.canonical or chosen.text, text, kind,
                 chosen.canonical if kind == "GPE" else "")


def _forces_country(mention: Mention, group: ActorGroup | None) -> tuple[ActorGroup | None, str]:
    """The state force group and country an organisation's name names ("Armed Forces
    of Ukraine", "Ukrainian Armed Forces", "National Police of Ukraine"), else
    (None, "")."""
    if mention.label != "ORG" or (mention.canonical or mention.text) in non_state_organisations():
        return None, ""
    words = (mention.canonical or mention.text).replace("’", "'").split()
    lowered = {w.lower() for w in words}
    state = group if group is not None and group.state else next(
        (g for g in load_groups() if g.state and g.nouns & lowered), None)
    if state is None:
        return None, ""
    for start in range(len(words)):
        for end in range(min(len(words), start + 3), start, -1):
            name = " ".join(words[start:end])
            country = places.country_of_demonym(name) or country_named(name)
            if country:
                return state, country
    return None, ""


def _demonym_actor(token: Token) -> Actor | None:
    """The country a nationality word the entity recogniser missed names ("Ukrainian"
    before "shelling"), else None."""
    country = places.country_of_demonym(token.text)
    return Actor(country, token.text, "GPE", country) if country else None


def _modifier_country(token: Token) -> str:
    """The country a nationality word before the noun names when the entity recogniser
    missed it: "One Ukrainian serviceman killed" (a headline's capitals hide it)."""
    doc = token.doc
    for child in (c for c in children_of(token) if c.dep_ in {"amod", "compound"}):
        if child.i >= 2 and doc[child.i - 1].text == "-" and doc[child.i - 2].lower_ in {"pro", "anti"}:
            continue  # "pro-Russian separatists" are no Russian forces
        country = places.country_of_demonym(child.text)
        if country:
            return country
    return ""


def _of_country(token: Token) -> str:
    """The country an "of" phrase names: "Artillerymen of the Russian Federation"."""
    for prep in (c for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in children_of(prep) if g.dep_ == "pobj"):
            start = next((t.i for t in obj.subtree if t.pos_ != "DET"), obj.i)
            country = country_named(token.doc[start:obj.i + 1].text)
            if not country and is_force(obj) and obj is not token:
                country = _of_country(obj)  # "aviation of the Armed Forces of Ukraine"
            if country:
                return country
    return ""


def _capital_as_country(actor: Actor) -> Actor:
    """The country of a capital city named as an actor; other actors unchanged."""
    if actor.kind != "GPE":
        return actor
    place = places.geocode(actor.name)
    if place is None or place.precision == "country":
        return actor
    country = capitals().get(place.name, "")
    return replace(actor, name=country, country=country) if country == place.country else actor


def _as_name(mention: Mention) -> Mention:
    """A place label on a name that is none ("M23 rebels", tagged as a place) read as
    an organisation's name, not as a country whose forces they would be. A people's
    word ("Kurdish fighters") keeps its label unless it is written as a code ("M23"); a
    nationality word tagged as an organisation is a nationality word."""
    text = mention.text
    if mention.label == "ORG" and places.country_of_demonym(text):
        return replace(mention, label="NORP")  # "a Bangladeshi ferry": a nationality
    if mention.label != "GPE" and not (mention.label == "NORP" and (
            text.isupper() or any(c.isdigit() for c in text))):
        return mention
    if places.country_of_demonym(text) or places.geocode(mention.canonical or text) is not None:
        return mention
    return replace(mention, label="ORG")


def _country_of(mention: Mention) -> str:
    """The country a nationality word or place names: "Kiev forces" are Ukraine's; ""
    for a people that is no nation ("Maoist", "Kurdish")."""
    name = mention.canonical or mention.text
    place = places.geocode(name)
    if place is not None and place.country:
        return place.country
    return "" if mention.label == "NORP" else name


def _modifies(mention: Mention, token: Token, index: MentionIndex) -> bool:
    """True when ``mention`` is a compound or modifier of ``token`` ("Al Shabaab militants")."""
    return index.at(token) is mention or any(
        index.at(c) is mention for c in children_of(token) if c.dep_ in {"compound", "amod", "nmod"})


def assign(trigger: Token, index: MentionIndex, lexicon: EventLexicon, type_id: str,
           country: str, subjects: list[Token] | None = None) -> Roles:
    """actor1, actor2 and associated actors of the clause headed by ``trigger``
    (``subjects``: ``clauses.subjects(trigger)`` when the caller has them)."""
    if subjects is None:
        subjects = clauses.subjects(trigger)
    initiators, targets = role_tokens(trigger, lexicon, type_id, subjects)
    first = _actors(initiators, index, country)
    second = _actors(targets, index, country, skip_places=True)
    violent = type_id in lexicon.violent_types
    entry = lexicon.get(type_id)
    crowd = entry is not None and bool(entry.participants)  # a riot's or a protest's
    if type_id in agentless_types():
        first = [a for a in first if a.kind != "GPE"]  # "Nepalese factory fire": whose, not who
    if violent or type_id in capital_types():
        # "Kiev reports", "Moscow denies": a capital stands for its government (not in
        # "London voted to remain", where its people vote).
        first = [_capital_as_country(a) for a in first]
    if violent:
        # Victims are targets, never initiators; a country acting violently is its
        # military ("Israel responded with drone strikes"). But civilians who riot are
        # its participants ("Supporters of Imran Khan clashed with police": Rioters).
        second = [a for a in first if a.victim and not crowd] + second
        # "Ukrainian army": Ukraine and its army are one actor, written as it first is.
        states: dict[str, Actor] = {}
        for actor in map(_as_state, (a for a in first if crowd or not a.victim)):
            states.setdefault(actor.name, actor)
        first = list(states.values())
    if type_id in combat_types():
        second = [_as_state(a) for a in second]  # a side of a battle is its forces
    elif violent:
        second = [_as_people(a) for a in second]
    actor1 = first[0] if first else None
    actor2 = next((a for a in second if actor1 is None or a.name != actor1.name), None)
    if actor2 is None and len(first) > 1 and type_id in mutual_types() and \
            trigger.lemma_.lower() not in lexicon.light_verbs:
        # "M23 rebels and the Congolese army clashed": the other side, not an ally; in a
        # riot the crowd first ("Police and protesters clashed": the police second).
        # Not who "reported fighting" or "held talks": they tell of it or do it together.
        sides = sorted(first, key=lambda a: crowd and a.state)
        return Roles(sides[0], _as_state(sides[1]), tuple(sides[2:]))
    return Roles(actor1, actor2, tuple(first[1:]))


def without_places(roles: Roles, places: Iterable[str]) -> Roles:
    """``roles`` without a target that is the event's own place (``places``: the names
    of its places below a country): "attacked El Fasher", the town tagged as an
    organisation, is where, not whom; "attacked Ukraine" keeps its target."""
    names = set(places)
    two = roles.actor2
    if two is None or not {two.name, two.text} & names:
        return roles
    return replace(roles, actor2=None)


def _as_people(actor: Actor) -> Actor:
    """A people a violent act is done to, named by their nationality in the plural, are
    civilians of their country ("shot dead two Palestinians": Civilians (Palestine))."""
    word = actor.text.split()[-1] if actor.text else ""
    if actor.kind != "GPE" or not word.endswith("s") or country_named(word) or not (
            places.country_of_demonym(word)):
        return actor
    civilians = groups_by_id()[CIVILIANS]
    return Actor(civilians.named(actor.name), actor.text, GROUP, actor.name, False, True)


def _as_state(actor: Actor) -> Actor:
    if actor.kind != "GPE":
        return actor
    return replace(actor, name=STATE_NAME.format(country=actor.name), state=True)


def _actors(tokens: Iterable[Token], index: MentionIndex, country: str,
            skip_places: bool = False) -> list[Actor]:
    found: dict[str, Actor] = {}
    for token in tokens:
        if skip_places and (_is_place(token, index) or _is_feature(token)):
            continue
        actor = actor_of(token, index, country)
        if actor is not None and skip_places and actor.kind == "GPE" and _is_town(actor.name):
            continue  # "an assault on Kiev camp": a place, not a target actor
        if actor is not None:
            found.setdefault(actor.name, actor)
    return list(found.values())


def _is_place(token: Token, index: MentionIndex) -> bool:
    """True for a town or region named as an object ("shelled Kupiansk"): where the
    event happened, not an actor. Countries stay actors ("attacked Ukraine")."""
    mention = index.at(token)
    if mention is None:
        return False
    if mention.label not in clauses.PLACE_LABELS:
        return clause_places.mislabelled(mention)  # "shelling Gorlovka", tagged as a person
    return _is_town(mention.canonical or mention.text) or places.geocode(
        mention.canonical or mention.text) is None


def _is_feature(token: Token) -> bool:
    """A place named by its kind: "a military base", "Hmeimim Air Base"."""
    return token.lemma_.lower() in load_location_words().feature_words


def _is_town(name: str) -> bool:
    place = places.geocode(name)
    return place is not None and place.precision != "country"

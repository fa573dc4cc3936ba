"""Reading a place phrase: the name without its preposition or feature word, the kind
of place, the admin areas written beside it, and whether the event was near it.

"in Ceel Buur town (Ceel Buur, Galgaduud)" is Ceel Buur, feature "town", hint
Galgaduud; "the city of Kharkiv" is Kharkiv; "off the port of Rotterdam" Rotterdam
(feature "port", near); "Kupiansk, Kharkiv" Kupiansk in Kharkiv; "near Kandi
(Alibori)" Kandi in Alibori, near; "the main railway station in Lviv" Lviv with the
feature "railway station". Words are in ``resources/locations.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events import places
from timeline.events.lexicon import load_location_words
from timeline.events.places import Place
from timeline.events.tokens import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Dependencies by which a bracketed or comma-joined admin area hangs off a place.
HINT_DEPS = frozenset({"appos", "npadvmod", "nmod", "conj", "compound"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels of names that are no place however the gazetteer reads them ("in March").
NON_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                              "PERCENT", "QUANTITY", "EVENT", "LAW", "LANGUAGE",
                              "WORK_OF_ART", "PRODUCT"})


@dataclass(frozen=True)
class Location:
    """A place an event happened at: its name as written (no preposition or feature
    word), its geocode, the kind of place ("town", "port") and whether "near" it."""

    text: str
    place: Place | None
    feature: str = ""
    near: bool = False


@dataclass(frozen=True)
class PlacePhrase:
    """The parts of a place noun phrase."""

    name: str
    head: Token
    feature: str = ""
    hints: tuple[str, ...] = ()


def read_phrase(obj: Token) -> PlacePhrase | None:
    """The place a noun phrase names, or None when it names none."""
    words = load_location_words()
    if obj.lemma_.lower() in words.feature_words:
        of = next((g for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "of"
                   for g in children_of(c) if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if of is not None:  # "the city of Kharkiv", "the port of Rotterdam"
            phrase = read_phrase(of)
            return None if phrase is None else PlacePhrase(
                phrase.name, phrase.head, _feature(obj), phrase.hints)
        name = [c for c in children_of(obj) if c.dep_ == "compound" and c.pos_ == "PROPN"
                or _tagged_name(c)]
        # "Hmeimim Air Base": "Air" belongs to the feature, not the name.
        while name and name[-1].lower_ in words.feature_modifiers:
            name.pop()
        if not name:
            return None
        # "Ceel Buur town", "Hmeimim Air Base": the proper nouns before the feature.
        text = obj.doc[name[0].left_edge.i:name[-1].i + 1].text
        return PlacePhrase(text, name[-1], _feature(obj), _hints(obj, {t.i for t in name}))
    if obj.pos_ != "PROPN":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(obj)):
        return None  # "the Park of Forged Figures", "Bank of America": not "Park"
    inner = [c for c in children_of(obj) if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = min([obj.i, *(c.left_edge.i for c in inner)])
    return PlacePhrase(obj.doc[first:obj.i + 1].text, obj, "", _hints(obj, {c.i for c in inner}))


def _tagged_name(modifier: Token) -> bool:
    """A place name the tagger took for an adjective: "in the Bakhmut direction"
    (not a nationality word: "the Ukrainian border" is a place noun's)."""
    return (modifier.dep_ == "amod" and modifier.ent_type_ in {"GPE", "LOC"}
            and modifier.is_title and not places.country_of_demonym(modifier.text))


def _feature(noun: Token) -> str:
    """The feature word with the words that join it ("railway station", "air base")."""
    words = load_location_words()
    parts = [c for c in children_of(noun) if c.dep_ in {"compound", "amod"}
             and c.lower_ in words.feature_modifiers and c.i == noun.i - 1]
    if parts and parts[0].i > 0 and noun.doc[parts[0].i - 1].lower_ in words.feature_modifiers:
        parts.insert(0, noun.doc[parts[0].i - 1])  # "main railway station"
    return " ".join([*(p.lower_ for p in parts), noun.lemma_.lower()])


def _hints(obj: Token, skip: set[int]) -> tuple[str, ...]:
    """Admin areas written beside the place: "(Ceel Buur, Galgaduud)", "(Alibori)"."""
    name = obj.doc[min([obj.i, *skip]):obj.i + 1].text
    found = []
    for child in obj.subtree:
        if (child.i == obj.i or child.i in skip or child.pos_ != "PROPN"
                or child.dep_ not in HINT_DEPS - {"compound"}):
            continue
        parts = [c.i for c in children_of(child) if c.dep_ == "compound" and c.pos_ == "PROPN"]
        text = obj.doc[min([child.i, *parts]):child.i + 1].text
        if text != name:
            found.append(text)
    return tuple(dict.fromkeys(found))


def locate(prep: str, obj: Token, label: str | None, context: tuple[str, ...]) -> Location | None:
    """The Location of a place phrase after preposition ``prep`` (or "" for an object).

    ``label`` is the NER label of the phrase's head; a name the NER took for a person
    is read as a place only after a locative preposition and when the gazetteer knows it.
    """
    words = load_location_words()
    phrase = read_phrase(obj)
    if phrase is None:
        return None
    first, hints = _split_admin(phrase)
    area = phrase.feature.rpartition(" ")[2] in words.area_features
    place = places.geocode(first, context, hints, area=area)
    if label not in PLACE_LABELS and not phrase.feature:
        if prep not in words.mislabelled or place is None or label in NON_PLACE_LABELS \
                or obj.ent_type_ in NON_PLACE_LABELS:
            return None
    near = prep in words.near or phrase.feature.rpartition(" ")[2] in words.near_features
    feature = phrase.feature or _facility(obj)
    if place is None:
        # A place the gazetteer lacks, in an area it knows: "Ceel Buur town (Ceel Buur,
        # Galgaduud)" is placed in Galgaduud, as part of that region.
        area = next((p for p in (places.geocode(h, context) for h in hints) if p), None)
        return Location(first, area, feature, True) if area else Location(first, None, feature)
    return Location(place.name, place, feature, near)


def _split_admin(phrase: PlacePhrase) -> tuple[str, tuple[str, ...]]:
    """"Kupiansk, Kharkiv" parses as Kharkiv with Kupiansk attached: the first name is
    the place, what follows it its admin area."""
    head = phrase.head
    before = [c for c in children_of(head) if c.dep_ in {"nmod", "compound", "appos"}
              and c.pos_ == "PROPN" and c.i < head.i and head.doc[c.i + 1].text == ","]
    if before:
        return before[0].text, (head.text, *phrase.hints)
    return phrase.name, phrase.hints


def _facility(obj: Token) -> str:
    """The facility a place phrase is inside: "the main railway station in Lviv"."""
    words = load_location_words()
    prep = obj.head if obj.dep_ == "pobj" else None
    noun = prep.head if prep is not None and prep.dep_ == "prep" else None
    if noun is not None and noun.lemma_.lower() in words.feature_words:
        return _feature(noun)
    return ""

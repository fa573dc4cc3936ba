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

from timeline.events import namesakes, places
from timeline.events.lexicon import load_location_words
from timeline.events.places import Place
from timeline.events.tokens import ATTRIBUTION_DASHES, children_of, span_text

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Dependencies by which a bracketed or comma-joined admin area hangs off a place.
HINT_DEPS = frozenset({"appos", "npadvmod", "nmod", "conj", "compound", "poss"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Marks that join the words of one name written tight ("Port-au-Prince").
HYPHEN_MARKS = frozenset({"-", "\u2010"})
#: Labels of names that are no place however the gazetteer reads them ("in March").
NON_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                              "PERCENT", "QUANTITY", "EVENT", "LAW", "LANGUAGE",
                              "WORK_OF_ART", "PRODUCT"})
#: Labels the NER gives unfamiliar place names by mistake ("Energodar" as NORP,
#: "Svitlodarsk" as PRODUCT, "Rafah (Rafah, Gaza Strip)" as a work of art): such a name
#: the gazetteer knows may still be a place.
SOFT_LABELS = frozenset({"NORP", "PRODUCT", "WORK_OF_ART"})


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
    #: The feature is a part of the named place ("the Kiev district of Donetsk").
    part: bool = False


def read_phrase(obj: Token) -> PlacePhrase | None:
    """The place a noun phrase names, or None when it names none."""
    words = load_location_words()
    obj = before_attribution(obj)
    if obj.lemma_.lower() in words.feature_words:
        of = next((g for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "of"
                   for g in map(before_attribution, children_of(c))
                   if g.dep_ in {"pobj", "compound"}
                   and (g.pos_ == "PROPN" or _mistagged_name(g))), None)
        name = [c for c in children_of(obj) if c.dep_ == "compound" and c.pos_ == "PROPN"
                or _tagged_name(c)]
        if of is not None:  # "the city of Kharkiv", "the port of Rotterdam"
            phrase = read_phrase(of)
            return None if phrase is None else _of_phrase(obj, name, phrase)
        # "Hmeimim Air Base": "Air" belongs to the feature, not the name.
        while name and name[-1].lower_ in words.feature_modifiers:
            name.pop()
        if not name:
            return None
        # "Deir ez-Zor province": "Deir" hung off the feature right before the rest.
        name[:0] = [c for c in children_of(obj) if c.dep_ == "nmod" and c.pos_ == "PROPN"
                    and c.i + 1 == name[0].left_edge.i][:1]
        # "Ceel Buur town", "Hmeimim Air Base": the proper nouns before the feature.
        text = span_text(obj.doc, name[0].left_edge.i, name[-1].i + 1)
        if obj.lemma_.lower() in words.owned_features and _is_country(text):
            return None  # "a US base in Syria": the owner, not where the base is
        return PlacePhrase(text, name[-1], _feature(obj), _hints(obj, {t.i for t in name}))
    if obj.pos_ != "PROPN" and not _mistagged_name(obj):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(obj)):
        # "the Gulf of Aden", "the Strait of Hormuz": a place the NER reads as one name;
        # "the Park of Forged Figures", "Bank of America": not "Park".
        whole = _place_entity(obj)
        return PlacePhrase(whole, obj) if whole and places.geocode(whole) else None
    if joined_part(obj):
        return None  # "Kashmir" of "Jammu and Kashmir" is read with "Jammu"
    inner = [c for c in children_of(obj) if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = min([obj.i, *(c.left_edge.i for c in inner)])
    whole = _joined_name(obj, first) or _hyphenated_name(obj)
    if whole:
        return PlacePhrase(whole, obj)  # "Jammu and Kashmir": one name, not Jammu
    return PlacePhrase(span_text(obj.doc, first, obj.i + 1), obj, _area_after(obj),
                       _hints(obj, {c.i for c in inner}))


def _joined_name(obj: Token, first: int) -> str:
    """ "Jammu and Kashmir", "Trinidad and Tobago": a name joined by "and" to the next
    that the gazetteer knows as one place, or ""."""
    doc = obj.doc
    if obj.i + 2 >= len(doc) or doc[obj.i + 1].lower_ != "and":
        return ""
    other = next((c for c in children_of(obj) if c.dep_ == "conj" and c.pos_ == "PROPN"
                  and c.left_edge.i == obj.i + 2), None)
    whole = span_text(doc, first, other.i + 1) if other is not None else ""
    return whole if whole and places.geocode(whole) else ""


def _hyphenated_name(obj: Token) -> str:
    """ "Port-au-Prince": a name whose words hyphens join tight, which the parser split
    ("Prince" the object, "Port" a modifier), when the gazetteer knows it; else ""."""
    doc, first = obj.doc, obj.i
    while first > 1 and doc[first - 1].text in HYPHEN_MARKS and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    whole = span_text(doc, first, obj.i + 1) if first < obj.i else ""
    return whole if whole and places.geocode(whole) else ""


def joined_part(obj: Token) -> bool:
    """True for the second name of a place written "X and Y" ("Kashmir" of "Jammu and
    Kashmir"): it is read with the first, not as a place of its own."""
    return obj.dep_ == "conj" and bool(_joined_name(obj.head, obj.head.i))


def _place_entity(obj: Token) -> str:
    """The place name the NER found starting at ``obj`` and running past it ("Gulf of
    Aden" from "Gulf"), or ""."""
    if obj.ent_iob_ != "B" or obj.ent_type_ not in {"LOC", "GPE"}:
        return ""
    end = obj.i + 1
    while end < len(obj.doc) and obj.doc[end].ent_iob_ == "I":
        end += 1
    return span_text(obj.doc, obj.i, end) if end > obj.i + 1 else ""


def _is_country(name: str) -> bool:
    """True when ``name`` is a country's ("US", "Syria")."""
    place = places.geocode(name)
    return place is not None and place.precision == "country"


def before_attribution(obj: Token) -> Token:
    """The name written right before a spaced dash that the parser hung off the source
    named after it: "in Energodar - Rogov", "of Donetsk - mayor", "near Ugledar - RF
    Ministry of Defense" parse as objects "Rogov", "mayor", "Ministry" with the place a
    compound; the place is the name, the rest who reported it. Else ``obj``."""
    doc = obj.doc
    for child in children_of(obj):
        if child.i + 2 > obj.i:
            break
        dash = doc[child.i + 1]
        if (child.dep_ in {"compound", "nmod", "amod"} and child.is_title
                and dash.text in ATTRIBUTION_DASHES and child.whitespace_ and dash.whitespace_):
            return child
    return obj


def _of_phrase(obj: Token, name: list[Token], whole: PlacePhrase) -> PlacePhrase:
    """ "the city of Kharkiv" is Kharkiv; "the Kiev district of Donetsk", a named part of
    a town, and "a district of Kharkiv", an unnamed one, are that town (the district
    inside it); "the Kharkiv region of Ukraine" is the region, in the country named
    after it."""
    town = places.geocode(whole.name)
    if not name:
        # "a residential district of Kharkiv" is in the city, not Kharkiv's district;
        # "the province of Kunduz", "the district of Kupwara" are the area.
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(obj))
        part = obj.lemma_.lower() in load_location_words().town_parts and not definite and (
            town is not None and town.level == "place")
        return PlacePhrase(whole.name, whole.head, _feature(obj), whole.hints, part=part)
    text = span_text(obj.doc, name[0].left_edge.i, name[-1].i + 1)
    if town is not None and town.level == "place":
        return PlacePhrase(whole.name, whole.head, _feature(obj), whole.hints, part=True)
    return PlacePhrase(text, name[-1], _feature(obj), (whole.name, *whole.hints))


def _area_after(name: Token) -> str:
    """An admin-area word written right after a name but parsed apart from it ("15
    settlements in Kharkiv oblast", "oblast" hung off "settlements"), or ""."""
    doc = name.doc
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    if after is None or after.head.i == name.i or after.is_title:
        return ""
    return after.lower_ if after.lower_ in load_location_words().area_features else ""


def _mistagged_name(obj: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for an adverb or a
    foreign word ("shelled Toretsk/ADV again"): a name if the gazetteer vouches for it
    (not a common noun: title-case headlines capitalise those)."""
    return (obj.pos_ in {"ADV", "X"} and obj.is_title and obj.is_alpha
            and not obj.is_sent_start and obj.dep_ in {"dobj", "pobj"})


def _tagged_name(modifier: Token) -> bool:
    """A place name the tagger took for an adjective or a verb: "in the Bakhmut
    direction", "in Sagaing/VERB region" (not a nationality word: "the Ukrainian
    border" is a place noun's)."""
    return (modifier.dep_ in {"amod", "compound"} and modifier.ent_type_ in {"GPE", "LOC"}
            and modifier.is_title and not places.country_of_demonym(modifier.text))


def _feature(noun: Token) -> str:
    """The feature word with the words that join it ("railway station", "air base")."""
    words = load_location_words()
    parts = [c for c in children_of(noun) if c.dep_ in {"compound", "amod"}
             and c.lower_ in words.feature_modifiers and c.i == noun.i - 1]
    if parts and parts[0].i > 0 and noun.doc[parts[0].i - 1].lower_ in words.feature_modifiers:
        parts.insert(0, noun.doc[parts[0].i - 1])  # "main railway station"
    # A word listed as written keeps its form: "outskirts", not the lemma "outskirt".
    word = noun.lower_ if noun.lower_ in words.feature_words else noun.lemma_.lower()
    return " ".join([*(p.lower_ for p in parts), word])


def in_written_area(place: Place | None, token: Token, context: tuple[str, ...],
                    name: str) -> Place | None:
    """``place``, the geocode of ``name`` ending at ``token`` read alone, or the area
    written as its phrase's possessor when it lies outside it: "Seno" in "Burkina Faso's
    Seno province" is no namesake in Laos, but its namesake in Burkina Faso, else
    somewhere in that country (as ``locate`` reads a place phrase's areas)."""
    head = token.head if token.dep_ == "compound" else token
    hints = _possessors(head) if place is not None else ()
    if place is None or not hints or disagreeing_area(place, hints, context) is None:
        return place
    named = places.geocode(name, context, hints)
    return named if named is not None and disagreeing_area(named, hints, context) is None \
        else disagreeing_area(place, hints, context)


def _possessors(obj: Token) -> tuple[str, ...]:
    """Names written as the possessor of a place noun: "Burkina Faso" in "Burkina Faso's
    Seno province"."""
    owners = [c for c in children_of(obj) if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return tuple(span_text(obj.doc, min([c.i, *(g.i for g in children_of(c)
                                                if g.dep_ == "compound" and g.pos_ == "PROPN")]),
                           c.i + 1) for c in owners)


def _hints(obj: Token, skip: set[int]) -> tuple[str, ...]:
    """Admin areas written beside the place: "(Ceel Buur, Galgaduud)", "(Alibori)"."""
    name = span_text(obj.doc, min([obj.i, *skip]), obj.i + 1)
    found = []
    for child in obj.subtree:
        if (child.i == obj.i or child.i in skip or child.pos_ != "PROPN"
                or child.dep_ not in HINT_DEPS - {"compound"}):
            continue
        parts = [c.i for c in children_of(child) if c.dep_ == "compound" and c.pos_ == "PROPN"]
        text = span_text(obj.doc, min([child.i, *parts]), child.i + 1)
        if text != name:
            found.append(text)
    return tuple(dict.fromkeys(found))


def locate(prep: str, obj: Token, label: str | None, context: tuple[str, ...]) -> Location | None:
    """The Location of a place phrase after preposition ``prep`` (or "" for an object).

    ``label`` is the NER label of the phrase's head; a name the NER took for a person
    (or for a people: "near Kidal" as NORP) is read as a place only after a locative
    preposition and when the gazetteer knows it; a name it missed, as the object of the
    verb too, when the place lies in a country the article names ("attacked Afgooye").
    """
    words = load_location_words()
    phrase = read_phrase(obj)
    if phrase is None:
        return None
    if before_attribution(obj) is not obj:
        obj, label = phrase.head, phrase.head.ent_type_ or None  # "in Energodar - Rogov"
    first, hints = _split_admin(phrase)
    kind = "" if phrase.part else phrase.feature.rpartition(" ")[2]
    place = _geocode_phrase(first, kind, hints, context)
    if label not in PLACE_LABELS and not phrase.feature and not _vouched(
            prep, place, label if label else obj.ent_type_, obj, hints, context):
        return None
    # "in Ceel Dheer district": only the district's town is known, the event is near it.
    near = prep in words.near or kind in words.near_features or bearing_from(obj) or (
        kind in words.area_features and place is not None and place.level == "place")
    feature = phrase.feature or _facility(obj)
    if place is None:
        # A place the gazetteer lacks, in an area it knows: "Ceel Buur town (Ceel Buur,
        # Galgaduud)" is placed in Galgaduud, as part of that region.
        area = next((p for p in (places.geocode(h, context) for h in hints) if p), None)
        return Location(first, area, feature, True) if area else Location(first, None, feature)
    area = disagreeing_area(place, hints, context)
    if area is not None:
        # "Kuru village (Jos South, Plateau)": the gazetteer's Kuru is a Finnish
        # village; the areas written beside the name say where this one lies.
        return Location(first, area, feature, True)
    return Location(place.name, place, feature, near)


def disagreeing_area(place: Place, hints: tuple[str, ...],
                     context: tuple[str, ...]) -> Place | None:
    """The admin area or country written beside a name whose geocode lies in none of
    the areas written there, or None (no hint, a hint agrees, or no hint is an area:
    "Sake, 25 km west of Goma" names a town beside it, not its area)."""
    if not hints or any(namesakes.place_in_area(place.admin1, place.admin2, place.country, h)
                        or places.normalise(h) == places.normalise(place.name) for h in hints):
        return None
    areas = (places.geocode(h, context, area=True) for h in hints)
    return next((a for a in areas if a is not None and (
        a.level in {"admin1", "admin2"} or a.precision == "country")), None)


def bearing_from(obj: Token) -> bool:
    """True for a place a distance and bearing are measured from: "50 nautical miles
    southwest of Aden", "25 km west of Goma" (ACLED's precision 2: near it)."""
    prep = obj.head if obj.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and prep.head.i != prep.i and \
        places.is_direction(prep.head.lower_)


def _geocode_phrase(name: str, kind: str, hints: tuple[str, ...],
                    context: tuple[str, ...]) -> Place | None:
    """The place a phrase names: for an admin-area word, the area under its full name
    first ("Plateau State" is Nigeria's, not Benin's department Plateau), then by name."""
    if kind not in load_location_words().area_features:
        return places.geocode(name, context, hints)
    whole = places.geocode(f"{name} {kind}", context, hints, area=True)
    if whole is not None and whole.precision != "city":
        return whole
    return places.geocode(name, context, hints, area=True)


def _vouched(prep: str, place: Place | None, label: str, obj: Token, hints: tuple[str, ...],
             context: tuple[str, ...]) -> bool:
    """A name the NER did not call a place counts as one when the gazetteer knows it and
    a locative preposition introduces it or an admin area written beside it agrees
    ("Krymske, Luhansk Oblt"); missed by the NER, or taken for a people ("Energodar"
    as NORP), also as the object or target of the verb ("shelled Toretsk", "fired on
    Energodar") when it is a town of some size or a region the curated gazetteer lists
    ("shelled the DPR"), in a country the article names (or the article names none).
    Never a date, number or nationality word."""
    if place is None or _not_a_place(label, obj.text) or _not_a_place(obj.ent_type_, obj.text):
        return False
    if prep in load_location_words().mislabelled or any(
            namesakes.place_in_area(place.admin1, place.admin2, place.country, h) for h in hints):
        return True
    words = load_location_words()
    if label == "ORG" and prep in words.soft_targets:
        # "an Israeli strike on Nabatieh in south Lebanon", the town tagged as an
        # organisation: a town of some size in a country the article names by a place.
        return place.population >= places.MIN_CONTEXT_POPULATION and \
            place.country in places.named_countries(context)
    if label not in {"", "NORP"} or prep not in words.target | {""}:
        return False  # "costs at Opel": a company, whatever village shares its name
    if obj.is_sent_start or place.population < places.MIN_CONTEXT_POPULATION and \
            places.curated(obj.text) is None:  # "shelled the DPR": listed, no population
        return False
    return not places.named_countries(context) or \
        place.country in places.context_countries(context)


def _not_a_place(label: str, text: str) -> bool:
    """Labels no place has; a "nationality" that is no nationality word ("near Kidal",
    "in Omdurman" as NORP) or a "product" may still be one."""
    if label == "NORP":
        return places.country_of_demonym(text) is not None
    return label in NON_PLACE_LABELS - SOFT_LABELS


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
    if noun is not None and noun.pos_ == "VERB":
        # "attacked the main police station in Maiduguri", "in" hung off the verb: the
        # object written right before the place phrase.
        noun = next((c for c in children_of(noun) if c.dep_ == "dobj"
                     and c.i + 1 == prep.i), None)
    if noun is not None and noun.lemma_.lower() in words.feature_words:
        return _feature(noun)
    return ""

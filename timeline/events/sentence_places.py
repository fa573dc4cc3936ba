"""Places an event's sentence names when its own clause names none.

Headlines and short wire sentences often put the place outside the clause of the
event: "Brother of the mayor of Mariupol detained by police", "49 troops killed as
plane downed in Lugansk", "Death toll from Odessa violence rises", "Ukraine forces
suffer casualties in Slaviansk clash", "Dead man found on Kiev's Independence
Square". An event of a type in ``sentence_place_types`` (``resources/locations.yaml``)
with no place of its own takes the most precise place named in its sentence.

A place naming who acted rather than where is not taken as the event's place: a
subject ("Kiev blames Moscow") or a capital modifying its forces ("Kiev forces": the
government). Another place modifying an actor ("Donetsk rebels") places the event
near it (ACLED's precision 2): the group is from there, the event likely nearby.
Only proper nouns are looked up, so the gazetteer is not asked about every word.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from timeline.events import namesakes, places
from timeline.events.actor_groups import is_force
from timeline.events.lexicon import load_event_lexicon, load_location_words
from timeline.events.place_phrases import (NON_PLACE_LABELS, PLACE_LABELS, SOFT_LABELS, Location,
                                            bearing_from, in_written_area)
from timeline.events.tokens import children_of, column, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from timeline.events.clauses import MentionIndex
    from timeline.model import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
R = TypeVar("R")
#: A closing attribution is at most this many tokens after its mark.
ATTRIBUTION_TOKENS = 6
ATTRIBUTION_MARKS = frozenset({":", "-", "–", "—"})
#: Dependencies by which a name modifies a noun ("Kiev forces", "Kiev's shelling").
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
#: Modifier arcs climbed from a name to the head of its phrase.
MAX_PHRASE_DEPTH = 6
#: A name opening a sentence that the NER did not call a place is taken for a city of
#: this size only (common words opening a headline name villages somewhere).
MIN_OPENING_POPULATION = 100_000
#: Tags of the words ``_in_name`` may take for part of a name.
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
#: Marks that join the parts of one name ("Kamenka-Dniprovska").
HYPHENS = frozenset({"-", "‐"})


def sentence_locations(sent: Span, index: MentionIndex, context: tuple[str, ...] = (),
                       reported: bool = True) -> tuple[Location, ...]:
    """Every place the sentence names as a proper noun, in text order, up to a closing
    attribution ("...: Kiev", "... - Ukrainian interior ministry"); with ``reported``
    false, only names, and not where a source spoke ("police in Jammu said")."""
    found: list[Location] = []
    # Read from the document's columns: only a capitalised word may end a name.
    doc = sent.doc
    text, pos = column(doc, "text"), column(doc, "pos")
    for i in range(sent.start, sent.end):
        if not text[i][:1].isupper() or pos[i] not in NAME_POS:
            continue
        token = doc[i]
        if not _name_head(token) or token.dep_ in SUBJECT_DEPS or in_attribution(token) \
                or _destination(token) or names_force(token) or (
                    not reported and _where_reported(token)):
            continue
        place = in_written_area(_place_of(token, index.at(token), context), token, context,
                                _name(token)[0])
        if place is None or names_government(token, place) or (
                place.precision == "country" and _owns_speaker(token)):
            continue
        found.append(Location(place.name, place, near=_modifies_actor(token) or _near(token)))
    part = _compass_part(sent, index, context) if reported else None
    return (*found, part) if part is not None else tuple(found)


def _place_of(token: Token, mention: Mention | None,
              context: tuple[str, ...]) -> places.Place | None:
    """The place a name ending at ``token`` names, or None. A mention run across a
    dash by the NER ("Maryinka - DPR Defense Ministry") is read as the name alone."""
    soft = _soft_place(token)
    if token.ent_type_ in NON_PLACE_LABELS and not soft:
        return None  # "in March"
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token)):
        return None  # "the Park of Forged Figures" is no town called Park
    name, area = _name(token)
    if not name:
        return None  # "the Donetsk People`s Republic": "Republic" alone names no place
    if area:
        # "killed in Donetsk Republic": the area, though the NER calls it an organisation.
        return places.geocode(name, context, area=True)
    if soft:
        return places.geocode(name, context)  # "in Energodar" tagged as a people
    if mention is not None and mention.label in PLACE_LABELS:
        whole = mention.canonical or mention.text
        return places.geocode(whole, context) or places.geocode(name, context)
    if not _maybe_place(mention, token):
        # An acronym is no place unless the curated gazetteer lists it and a locative
        # preposition introduces it ("wounded in the LPR"; not "talks at the UN") or it
        # modifies the people it names ("DPR servicemen": near the territory).
        listed = token.text.isupper() and (
            _preposition(token) in load_location_words().mislabelled or _modifies_actor(token))
        return places.curated(name) if listed and not (mention and mention.title) else None
    place = places.geocode(name, context)
    return place if place is not None and _plausible(place, context, token) else None


def _soft_place(token: Token) -> bool:
    """A name the NER took for a people or product ("Energodar" as NORP) that is no
    nationality word, after a locative or target preposition ("airstrikes on Rafah
    (Rafah, Gaza Strip)", tagged a work of art): it may be a place."""
    words = load_location_words()
    return (token.ent_type_ in SOFT_LABELS and places.country_of_demonym(token.text) is None
            and _preposition(token) in words.mislabelled | words.soft_targets)


def _compass_part(sent: Span, index: MentionIndex,
                  context: tuple[str, ...]) -> Location | None:
    """ "Nine Ukrainian servicemen killed in the east": a compass noun after a place
    preposition is that part of the one country the sentence (or else the article)
    names."""
    words = load_location_words()
    compass = next((t for t in sent if t.dep_ == "pobj" and t.pos_ in {"NOUN", "PROPN"}
                    and t.lower_ in words.place_nouns and places.is_direction(t.lower_)
                    and t.head.lower_ in words.static), None)
    if compass is None:
        return None
    named = {places.country_of_demonym(m.text) if m.label == "NORP" else
             getattr(places.geocode(m.canonical or m.text), "country", None)
             for t in sent if (m := index.at(t)) is not None and m.label in {"GPE", "NORP"}}
    named.discard(None)
    if not named:
        named = {c for c in countries(context) if places.country_table().get(places.normalise(c))}
    if len(named) != 1:
        return None
    country = places.geocode(next(iter(named)))
    if country is None or country.precision != "country":
        return None
    part = places.directional(compass.lower_, country)
    return Location(part.name, part)


def in_attribution(token: Token) -> bool:
    """True inside a closing attribution: the verbless end of a sentence after a colon
    or a spaced dash ("...: Kiev", "... - Ukrainian interior ministry"), which names
    who reported the event, not where it happened."""
    # Read from the document's columns: this runs for every place phrase.
    doc, start = token.doc, token.i
    pos, text, space = column(doc, "pos"), column(doc, "text"), column(doc, "space")
    # A sentence ends at a token when the next one starts a sentence.
    starts, last = column(doc, "sent_start"), len(doc) - 1
    while start > 0 and token.i - start <= ATTRIBUTION_TOKENS:
        before = start - 1
        if pos[before] == "VERB" or starts[before + 1] == 1:
            return False
        if text[before] in ATTRIBUTION_MARKS and (text[before] == ":" or space[before]):
            break
        start -= 1
    else:
        return False
    end = token.i
    while end < last and starts[end + 1] != 1:
        if pos[end] == "VERB" or end - start > ATTRIBUTION_TOKENS:
            return False
        end += 1
    return pos[end] != "VERB" and end - start <= ATTRIBUTION_TOKENS


def _preposition(token: Token) -> str:
    """The preposition whose object phrase holds ``token`` ("near" for "Maryinka" in
    "near Maryinka - DPR Defense Ministry"), or ""."""
    for _ in range(MAX_PHRASE_DEPTH):
        if token.dep_ == "pobj":
            return token.head.lower_ if token.head.dep_ == "prep" else ""
        if token.dep_ not in MODIFIER_DEPS | {"appos"} or token.head.i == token.i:
            return ""
        token = token.head
    return ""


def _where_reported(token: Token) -> bool:
    """True for a place in a reporting clause: "police in Jammu said", "reported in the
    LNR" (a phrase hanging off a reporting verb or off the source that is its subject)."""
    lexicon = load_event_lexicon()
    for _ in range(MAX_PHRASE_DEPTH):
        head = token.head
        if head.i == token.i:
            return False
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower() in lexicon.reporting_verbs
        if head.lower_ in lexicon.source_nouns and head.dep_ in SUBJECT_DEPS:
            return head.head.lemma_.lower() in lexicon.reporting_verbs
        token = head
    return False


def _near(token: Token) -> bool:
    """A name after "near", "outside", "around" ..., a bearing's "50 nautical miles
    southwest of Aden", or a name before a feature word that places the event near it
    ("in the Bakhmut direction"): ACLED's precision 2."""
    words = load_location_words()
    return _preposition(token) in words.near or bearing_from(token) or (
        token.dep_ in MODIFIER_DEPS and token.head.lemma_.lower() in words.near_features)


def _destination(token: Token) -> bool:
    """A name after a preposition of motion ("leaving for Chiang Mai", "fled to
    Poland"): where someone went, not where the event happened; not a name modifying
    another noun there ("the death toll from Odessa violence": where the violence was),
    unless that noun is a kind of place ("fled from the Kharkiv region")."""
    words = load_location_words()
    if _preposition(token) not in words.sentence_skip:
        return False
    head = token.head
    lemma = head.lemma_.lower()
    return not (token.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN"
                and lemma not in words.feature_words | words.place_nouns
                and lemma not in words.area_features)


def _plausible(place: places.Place, context: tuple[str, ...], token: Token) -> bool:
    """A name the NER did not call a place is taken in a country the article names (by
    a place name; a nationality word alone does not rule other countries out); else
    after a locative preposition, or as a town of some size that does not open the
    sentence ("Over 20 killed")."""
    if place.country in countries(context):
        return True
    if places.named_countries(context):
        return False
    # A country named only by a nationality word ("Over 50 Russian servicemen killed
    # near Novoaidar") may be who acted or suffered, not where.
    if _preposition(token) in load_location_words().mislabelled:
        return True  # "killed in Chermalyk": a locative preposition vouches for it
    if token.is_sent_start:
        # "Over 20 killed" is no village; "Horlivka resident injured" is the city.
        return token.pos_ == "PROPN" and place.population >= MIN_OPENING_POPULATION
    return place.population >= places.MIN_CONTEXT_POPULATION


def countries(context: tuple[str, ...]) -> frozenset[str]:
    """The countries the context names or holds a named place in."""
    return places.context_countries(context)


def _in_name(token: Token) -> bool:
    """A capitalised word tagged as a proper noun or, in headlines, as a noun or a
    compound adjective ("Donetsk/ADJ rebels", "shelling of Donetsk/NOUN"), or as an
    adjective the NER calls a place before a feature word ("in the Bakhmut/ADJ
    direction"; not a nationality word: "the Ukrainian border")."""
    if not token.text[:1].isupper() or not token.is_alpha:
        return False
    if token.pos_ != "ADJ":
        return token.pos_ in {"PROPN", "NOUN"}
    return token.dep_ == "compound" or (
        token.dep_ == "amod" and token.ent_type_ in PLACE_LABELS
        and token.head.lemma_.lower() in load_location_words().feature_words
        and places.country_of_demonym(token.text) is None)


def _name_head(token: Token) -> bool:
    """The last word of a proper name ("Kiev", "Chiang Mai International Airport")."""
    if not _in_name(token):
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and not token.whitespace_ and following.text in HYPHENS:
        return False  # "Kamenka" of "Kamenka-Dniprovska"
    return not (following is not None and following.pos_ == "PROPN" and _in_name(following)
                and token.whitespace_)


def _name(token: Token) -> tuple[str, bool]:
    """The proper name ending at ``token`` (the adjacent proper nouns before it) without
    the feature words that end it ("" when nothing else is left), and whether those name
    an admin area: "Chiang Mai International Airport" is Chiang Mai, "Donetsk Republic"
    the area Donetsk."""
    doc, first = token.doc, token.i
    while first > 0:
        before = doc[first - 1]
        if before.pos_ == "PROPN" and _in_name(before) and before.whitespace_:
            first -= 1
        elif before.text in HYPHENS and not before.whitespace_ and first > 1 and \
                _in_name(doc[first - 2]) and not doc[first - 2].whitespace_:
            first -= 2  # "Kamenka-Dniprovska" is one name
        elif first > 3 and _joined(doc, first - 1) and doc[first - 2].is_lower and \
                _joined(doc, first - 3) and _in_name(doc[first - 4]):
            first -= 4  # "Port-au-Prince": a lower-case particle between hyphens
        else:
            break
    words = load_location_words()
    kinds = words.feature_words | words.feature_modifiers
    last = token.i
    while last >= first and doc[last].lower_ in kinds:
        last -= 1
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # "Donetsk Republic"; "in the Zaporozhye region", the area word in lower case.
    area = (last < token.i and token.lower_ in words.area_features) or (
        after is not None and after.lower_ in words.area_features and not after.is_title)
    return (span_text(doc, first, last + 1) if last >= first else ""), area


def _joined(doc: Doc, hyphen: int) -> bool:
    """True when ``hyphen`` is a hyphen written tight between two words."""
    return doc[hyphen].text in HYPHENS and not doc[hyphen].whitespace_ and \
        not doc[hyphen - 1].whitespace_ and doc[hyphen - 1].is_alpha


def _maybe_place(mention: Mention | None, token: Token) -> bool:
    """A name the NER missed, or mislabelled as a person or organisation without a
    title or role ("Slaviansk" as a PERSON); no acronym ("UN", "EU")."""
    if mention is None:
        return not token.text.isupper()
    if mention.label in NON_PLACE_LABELS or mention.title or mention.role:
        return False
    return not mention.text.isupper() and mention.canonical in {"", mention.text}


def names_force(token: Token) -> bool:
    """True for the country in a state force's name: "Military Forces of Israel",
    "the Armed Forces of Ukraine" (whose, not where)."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of" and prep.head is not prep
            and is_force(prep.head))


def _owns_speaker(token: Token) -> bool:
    """True for the owner of a reporting verb's subject: "South Korea's military said"
    names whose source spoke (a country's), not where the event was."""
    head = token.head
    return (token.dep_ == "poss" and head.dep_ in SUBJECT_DEPS
            and head.head.lemma_.lower() in load_event_lexicon().reporting_verbs)


def _modifies_actor(token: Token) -> bool:
    """True for a place modifying a noun that names people ("Donetsk rebels")."""
    head = token.head
    return (token.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN"
            and head.lemma_.lower() not in load_location_words().feature_words
            and load_event_lexicon().type_of_noun(head.lemma_.lower()) is None)


def names_government(token: Token, place: places.Place) -> bool:
    """A capital naming its government: "Kiev forces", "Kiev's shelling of the east",
    "Kiev shelling in Donetsk"; not "Kiev protest", "Kiev's Independence Square"."""
    if place.name not in _capitals():
        return False
    words = load_location_words()
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    lexicon = load_event_lexicon()
    if following is not None and words.government_types & {
            lexicon.type_of_noun(following.lemma_.lower()),
            lexicon.type_of_noun(following.lower_)}:
        return True  # "Kiev shelling", whatever the parse
    if token.dep_ not in MODIFIER_DEPS:
        return False
    head = token.head
    if head.lemma_.lower() in words.feature_words or head.ent_type_ in {"FAC", "LOC"}:
        return False
    # "Kiev forces", "Kiev's military"; an event noun only in the possessive.
    return token.dep_ == "poss" or load_event_lexicon().type_of_noun(
        head.lemma_.lower()) is None


@functools.cache
def _capitals() -> frozenset[str]:
    return places.capital_names()


def with_sentence_place(record: R, sent: Span, index: MentionIndex,
                        context: tuple[str, ...] = ()) -> R:
    """``record`` (an ``EventRecord``) placed at its sentence's places when none of
    its own is geocoded and its type happens somewhere; or, when its own places are
    all regions (below the country, which stays for speed: few sentences narrow it),
    at a town its sentence names inside one of them ("three killed in the DPR in the
    shelling of Perevalsk": Perevalsk)."""
    event, own = record.event, record.locations  # type: ignore[attr-defined]
    if event.event_type not in load_location_words().sentence_types:
        return record
    areas = [loc.place for loc in own if loc.place is not None]
    if any(place.precision in {"city", "country"} for place in areas):
        return record
    # Places the clause names but the gazetteer lacks ("the Park of Forged Figures")
    # stay first: "... in Donetsk" places them.
    found = sentence_locations(sent, index, context, reported=not areas)
    if areas:
        # Not a town naming who acted ("Lviv volunteer killed in Donbas"): near ones
        # are left out with them.
        found = tuple(loc for loc in found if loc.place is not None and not loc.near
                      and loc.place.precision == "city"
                      and any(_inside(loc.place, area) for area in areas))
    if not found:
        return record
    event = replace(event, locations=tuple(loc.text for loc in (*own, *found)))
    return replace(record, event=event, locations=(*own, *found))  # type: ignore[type-var]


def _inside(town: places.Place, area: places.Place) -> bool:
    """True when ``town`` lies in ``area``: its admin-1 area, else its country (a part
    of a country such as "east Ukraine" is checked as the country); not the town the
    area is named after, which is the area's name read again ("in Mykolaiv and Kherson
    regions", "Kamyanka, Donetsk Obl", "in Jammu and Kashmir")."""
    town_stem = namesakes.stem(town.name)
    if area.country != town.country or town_stem == namesakes.stem(area.admin1) or \
            namesakes.stem(area.name).startswith(town_stem):
        return False
    return not area.admin1 or namesakes.place_in_area(town.admin1, town.admin2, town.country,
                                                       area.admin1)

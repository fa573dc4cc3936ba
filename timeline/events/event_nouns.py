"""Event nouns and who carried them out: "killed in shelling by Ukrainian troops",
"Russian shelling", "the shelling of the Armed Forces of Ukraine", "responded with
drone strikes". Read by the roles and by the taxonomy (a killing's cause)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events import places
from timeline.events.actor_groups import armed_group, is_armed, is_force
from timeline.events.lexicon import EventLexicon
from timeline.events.tokens import before_dash, children_of, conjuncts_of, sentence_bounds

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Entity types of a place named as a modifier.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: How deep below a preposition an event noun may name a killing's cause ("as a result
#: of the shelling": as -> result -> of -> shelling).
CAUSE_DEPTH = 3
#: How many words before an event noun may name who carried it out.
MODIFIER_REACH = 4


def carried_out_by(noun: Token) -> list[Token]:
    """The owners of an event noun that name who carried it out: not a place ("Ukraine
    clashes", "Donetsk shelling"): a place modifier says where, not who; but a country
    written as its own nationality word ("a U.S. drone strike") says whose."""
    return [o for o in owners(noun) if o.dep_ != "compound" or o.ent_type_ not in PLACE_ENTITIES
            or names_nationality(o)]


def names_nationality(modifier: Token) -> bool:
    """True for a country's name written as its nationality word before a noun ("U.S."
    in "a U.S. drone strike"): whose, not where."""
    return places.country_of_demonym(modifier.text) is not None


def owners(noun: Token) -> list[Token]:
    """The possessor, modifiers and "by" phrase of an event noun, and an "of" or "from"
    phrase naming armed forces ("the shelling of the Armed Forces of Ukraine", as
    reports translated from Russian and Ukrainian put the perpetrator; "shelling from
    Ukrainian troops"); a phrase run on into a source after a dash ends at the dash."""
    children = [c for c in children_of(noun) if c.dep_ in {"poss", "amod", "compound"}
                and c.pos_ in {"NOUN", "PROPN", "ADJ"}]
    return children + [w for w in _words_before(noun) if w not in children] + [
        g for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in {"by", "of", "from"}
        for g in (before_dash(c.i, o) for o in children_of(c) if o.dep_ == "pobj")
        if c.lower_ == "by" or is_force(g) or c.lower_ == "from" and is_armed(g)
    ] + _participle_agents(noun)


def _participle_agents(noun: Token) -> list[Token]:
    """The "by" agent of a participle describing the noun: "drones launched by Russia",
    "an attack carried out by Al Shabaab"."""
    return [g for verb in children_of(noun) if verb.dep_ == "acl" and verb.tag_ == "VBN"
            for agent in children_of(verb) if agent.dep_ == "agent"
            for g in children_of(agent) if g.dep_ == "pobj"]


def _words_before(noun: Token) -> list[Token]:
    """Nationality words and forces in the words right before an event noun, however
    the parser hung them: "in Ukrainian shelling of Donetsk" (read as "in Ukrainian",
    then a verb), "Ukrainian army's Donetsk shelling"."""
    found = []
    for i in range(noun.i - 1, max(sentence_bounds(noun)[0], noun.i - MODIFIER_REACH) - 1, -1):
        word = noun.doc[i]
        if word.pos_ not in {"ADJ", "NOUN", "PROPN"} and word.tag_ != "POS":
            break
        if places.country_of_demonym(word.text) or is_force(word) or is_armed(word):
            found.append(word)
    return found


def event_nouns(trigger: Token, lexicon: EventLexicon) -> list[Token]:
    """Violent event nouns in the verb's "in"/"during" phrases and causes ("killed in
    shelling", "died as a result of shelling by ...", "killed due to enemy shelling"):
    up to ``CAUSE_DEPTH`` arcs down through prepositions and their objects."""
    found: list[Token] = []
    stack = [(c, 0) for c in children_of(trigger)
             if c.dep_ in {"prep", "agent"} and c.lower_ in lexicon.event_noun_prepositions]
    while stack:
        token, depth = stack.pop()
        if token.dep_ in {"pobj", "pcomp"} and violent_type(token, lexicon) is not None:
            found.append(token)
            continue
        if depth < CAUSE_DEPTH:
            stack += [(c, depth + 1) for c in children_of(token)
                      if c.dep_ in {"prep", "pobj", "pcomp"}]
    if not found:
        after = _noun_after(trigger, lexicon)
        found = [after] if after is not None else []
    return sorted(found, key=lambda t: t.i)


def _noun_after(trigger: Token, lexicon: EventLexicon) -> Token | None:
    """The violent noun of the phrase right after the verb, read word by word where the
    parser broke the phrase up: "killed in Gorlovka shelling by Ukrainian army", "Four
    killed in Ukrainian shelling of Donetsk republic" (the gerund hung elsewhere)."""
    doc = trigger.doc
    # The next word first: the sentence's end is only needed after a preposition.
    if trigger.i + 1 >= len(doc) or doc[trigger.i + 1].lower_ not in lexicon.event_noun_prepositions:
        return None
    end = sentence_bounds(trigger)[1]
    if trigger.i + 1 >= end:
        return None
    for word in doc[trigger.i + 2:min(end, trigger.i + 2 + MODIFIER_REACH + 1)]:
        if noun_type(word, lexicon) in lexicon.violent_types and (
                word.pos_ in {"NOUN", "PROPN"} or word.tag_ == "VBG"):
            return word
        if word.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} and word.tag_ != "POS":
            return None
    return None


def noun_type(token: Token, lexicon: EventLexicon) -> str | None:
    """The type of an event noun by lemma or form ("shelling", parsed as a gerund)."""
    return lexicon.type_of_noun(token.lemma_.lower()) or lexicon.type_of_noun(token.lower_)


def violent_type(token: Token, lexicon: EventLexicon) -> str | None:
    """The type of a noun naming someone's violence: a violent event noun, one an
    ``object_verbs`` rule makes violent by what it governs ("an exchange of fire"), or
    a noun someone aimed ("the army's fire", ``aimed_type``); else None."""
    found = noun_type(token, lexicon)
    if found in lexicon.violent_types:
        return found
    if lexicon.object_rules_of_noun(token.lemma_.lower()):
        found = noun_event_type(token, lexicon)
        if found in lexicon.violent_types:
            return found
    return aimed_type(token, lexicon)


def aimed_type(noun: Token, lexicon: EventLexicon) -> str | None:
    """The type ``aimed_nouns`` gives a noun someone aimed ("the army's fire", "troops'
    fire") when a force or an armed group owns it; else None. A nationality alone does
    not aim it: "Nigerian market fire kills 12", "Indian hospital fire"."""
    aimed = lexicon.aimed_type(noun.lemma_.lower())
    if aimed is None:
        return None
    return aimed if any(armed_group(o) for o in carried_out_by(noun)) else None


def light_nouns(trigger: Token) -> Sequence[Token]:
    """Event nouns a light verb governs: its object, or its "with" phrase ("responded
    with drone strikes on X"); not "for a meeting between NATO and ..." after "travel"."""
    return [o for c in children_of(trigger) if c.dep_ == "dobj" or (
                c.dep_ == "prep" and c.lower_ == "with")
            for o in ((c,) if c.dep_ == "dobj" else [g for g in children_of(c) if g.dep_ == "pobj"])]


def object_words(nouns: Sequence[Token]) -> set[str]:
    """Lemmas and forms of ``nouns``, their conjuncts and their compounds ("two
    breakthrough attempts", "plane, three tanks, 80 troops")."""
    heads = [w for n in nouns for w in (n, *conjuncts_of(n))]
    heads += [c for h in heads for c in children_of(h)
              if c.dep_ in {"compound", "appos", "nmod"} or c.dep_ == "amod" and c.pos_ == "NOUN"]
    return {w.lemma_.lower() for w in heads} | {w.lower_ for w in heads}


def noun_event_type(noun: Token, lexicon: EventLexicon) -> str | None:
    """The type of an event noun: an ``object_verbs`` rule's noun by what it governs
    ("ceasefire violations", "violations of the truce"), else the noun's own type."""
    lemma = noun.lemma_.lower()
    rules = lexicon.object_rules_of_noun(lemma)
    if rules:
        governed = [c for c in children_of(noun) if c.dep_ in {"compound", "amod", "nmod"}]
        # "ceasefire violations": a compound is read by ``object_words`` itself.
        governed += [o for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"
                     for o in children_of(c) if o.dep_ == "pobj"]
        found = next((r.type_id for r in rules if r.objects & object_words(governed)), None)
        if found is not None:
            return found
    return lexicon.type_of_noun(lemma)

"""Which words of a clause name who acted and who underwent it: the tokens ``roles``
turns into actor1, actor2 and associated actors.

Active subjects and "by" agents act (a violent event noun's owner for it: "Russian
shelling kills 2"); passive subjects, objects of target types, "on" / "against" /
"with" phrases, a casualty participle's victims and a toll's sufferers undergo;
"between" names both sides ("Fighting raged between the army and the RSF").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events import clauses
from timeline.events.actor_groups import group_of, is_armed, is_force
from timeline.events.casualties import (counted_noun, is_headline_passive, is_toll_subject,
                                        load_words, person_nouns)
from timeline.events.event_nouns import (carried_out_by, event_nouns, light_nouns,
                                         noun_type, owners, violent_type)
from timeline.events.lexicon import EventLexicon, load_location_words
from timeline.events.taxonomy import subject_suffers, undergone_nouns
from timeline.events.tokens import before_dash, children_of, conjuncts_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions whose object is the target of a violent event ("strikes on Hezbollah
#: positions", "fired at protesters") or the counterpart of any event ("clashed with").
TARGET_PREPS = frozenset({"on", "against", "at", "upon"})
COUNTERPART_PREPS = frozenset({"with", "between"})
#: How many place or time phrases deep a "between" phrase may hang below the clause.
BETWEEN_DEPTH = 3


def role_tokens(trigger: Token, lexicon: EventLexicon, type_id: str,
                 subjects: list[Token]) -> tuple[list[Token], list[Token]]:
    """(initiator tokens, target tokens): active subjects or the "by" agent act; passive
    subjects, objects of target types and "on"/"against"/"with" phrases undergo."""
    # "Two Ukrainian soldiers killed"
    headline = type_id in lexicon.casualty_types and is_headline_passive(trigger)
    # "Ukrainian positions came under Russian fire": the subject undergoes it.
    undergone = undergone_nouns(trigger, lexicon)
    # "Russian troops suffered heavy casualties", "Ukraine lost 40 servicemen": the
    # subject suffered the losses.
    suffered = type_id in lexicon.casualty_types and subject_suffers(trigger, lexicon)
    # "Five soldiers died": whoever dies or drowns underwent it.
    lemma = trigger.lemma_.lower()
    suffered = suffered or lemma in load_words().intransitive
    passive = [s for s in subjects if headline or suffered or undergone or clauses.undergoes(s, trigger)
               or clauses.described_by(s, trigger) and lemma not in lexicon.doer_verbs
               or (s.dep_ == "conj" and s.head.dep_ == "nsubjpass")]
    # "Two protesters were shot dead by security forces": the agent stands as the
    # clause's subject; the passive subject underwent the act.
    passive += [p for c in children_of(trigger) if c.dep_ == "nsubjpass" and c not in subjects
                for p in (c, *conjuncts_of(c))]
    # "Two Ukrainian troops, one civilian killed": a headline's list of victims, parsed
    # as a noun and its appositive, names them all, the first first.
    passive = [v for s in passive for v in (
        (s.head, s) if s.dep_ == "appos" and s.head.pos_ in {"NOUN", "PROPN"} else (s,))]
    # "Losses of the Armed Forces of Ukraine amounted to 40 people": whose losses.
    tolls = [s for s in subjects if is_toll_subject(s)]
    subjects = [s for s in subjects if s not in tolls]
    passive = [s for s in passive if s not in tolls] + [o for s in tolls for o in _sufferers(s)]
    initiators = ([o for s in subjects if s not in passive for o in _doers(s, lexicon)]
                  + _agents(trigger, lexicon) + _event_noun_owners(trigger, lexicon)
                  + [o for n in undergone for o in owners(n)])
    if trigger.pos_ in {"NOUN", "PROPN"} or trigger.tag_ == "VBG":
        # A headline's event noun: "separatist attack", "Ukrainian army's shelling".
        initiators += carried_out_by(trigger)
    targets = list(passive)
    heads = [trigger, *light_nouns(trigger)]
    # The direct object is the target of violence, the counterpart of a meeting, and
    # whom any other act is done to when it names an actor ("accused Russia", "Apple
    # sued Samsung"); a theme ("signed the contract") names none and gives no actor2.
    objects = [p for c in children_of(trigger) if c.dep_ == "dobj" and not _spatial(c)
               for p in (c, *conjuncts_of(c))]
    if not objects and type_id in lexicon.target_types and not any(
            c.dep_ in {"xcomp", "ccomp"} for c in children_of(trigger)):
        # "Taliban fighters beat and detained several women": verbs that share a subject
        # share the object the parser hangs on the last.
        objects = [p for c in clauses.shared_conjuncts(trigger)[:1] for o in children_of(c)
                   if o.dep_ == "dobj" and not _spatial(o) for p in (o, *conjuncts_of(o))]
    if suffered:
        # "shot down 30 of 35 Russian drones": whoever launched what the subject fended
        # off is the other side; the drones themselves are no target.
        weapons = [w for c in objects for w in (c, counted_noun(c))
                   if w is not None and w.lemma_.lower() not in person_nouns()]
        initiators += [o for w in weapons for o in owners(w)]
        objects = [c for c in objects if c not in weapons and counted_noun(c) not in weapons]
    targets += objects
    if lemma not in lexicon.light_verbs:
        # "repelled an attack by the RSF", "beat back a Russian assault": whoever carried
        # out the violent act done to the subject is the other side.
        violent_objects = [n for n in objects if noun_type(n, lexicon) in lexicon.violent_types]
        targets += [o for n in violent_objects for o in carried_out_by(n)]
        if violent_objects and not passive:
            # "fended off an assault by JNIM militants": the parser hangs the noun's "by"
            # phrase on the verb.
            targets += [g for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ == "by"
                        for g in children_of(c) if g.dep_ == "pobj"]
    preps = COUNTERPART_PREPS | (TARGET_PREPS if type_id in lexicon.target_types else set())
    if type_id in lexicon.violent_types and not any(
            t.pos_ in {"NOUN", "PROPN"} or t.ent_type_ for t in initiators):
        # "Fighting raged between the army and the RSF", "clashes between two clans":
        # the first side named acts, the other is its counterpart.
        sides = _between(heads, subjects)
        entry = lexicon.get(type_id)
        if entry is not None and entry.participants:
            # "scuffles between police and protesters": the crowd riots, the police
            # are its counterpart.
            sides.sort(key=lambda t: (group := group_of(t)) is None or group.state)
        if sides:
            initiators, targets = sides[:1], [*targets, *sides[1:]]
            preps = preps - {"between"}
    for head in heads:
        for prep in (c for c in children_of(head) if c.dep_ == "prep" and c.lower_ in preps):
            targets += [p for o in children_of(prep) if o.dep_ == "pobj"
                        for p in (o, *conjuncts_of(o))]
    if type_id in lexicon.target_types:
        # "detonated his vest at a checkpoint, killing 3 soldiers": the victims its
        # casualty participle names.
        targets += _participle_victims(trigger)
    return initiators, targets


def _between(heads: list[Token], subjects: list[Token]) -> list[Token]:
    """The sides of a "between" phrase on the clause's heads or subjects, or on a place
    phrase of theirs ("broke out outside the legislature between police and
    protesters"), in text order."""
    for node in (*heads, *subjects):
        preps = [c for c in children_of(node) if c.dep_ == "prep"]
        for _ in range(BETWEEN_DEPTH):  # "after midnight outside the legislature between"
            sides = [p for c in preps if c.lower_ == "between" for o in children_of(c)
                     if o.dep_ == "pobj" for p in (o, *conjuncts_of(o))]
            if sides:
                return sides
            preps = [p for c in preps for o in children_of(c) if o.dep_ == "pobj"
                     for p in children_of(o) if p.dep_ == "prep"]
    return []


def _participle_victims(trigger: Token) -> list[Token]:
    """Whom the casualty participles joined to ``trigger`` name ("..., killing 3
    soldiers and wounding 27 civilians")."""
    words = load_words()
    hurt = words.killed | words.injured
    joined = [c for c in children_of(trigger) if c.dep_ == "advcl" and c.tag_ == "VBG"]
    joined += [j for c in joined for j in conjuncts_of(c) if j.tag_ == "VBG"]
    return [p for c in joined if c.lemma_.lower() in hurt
            for o in children_of(c) if o.dep_ == "dobj" for p in (o, *conjuncts_of(o))]


def _sufferers(toll: Token) -> list[Token]:
    """Who suffered a toll's losses: its possessor or modifier ("enemy losses", "Russia's
    losses") or its "of" / "among" phrase ("losses of the Armed Forces of Ukraine", "the
    toll among civilians")."""
    killed = load_words().killed
    return [c for c in children_of(toll) if c.dep_ in {"poss", "compound", "amod"}
            and c.lower_ not in killed] + [
        g for c in children_of(toll) if c.dep_ == "prep" and c.lower_ in {"of", "among"}
        for g in children_of(c) if g.dep_ == "pobj" and not g.like_num]


def _spatial(noun: Token) -> bool:
    """A place the parser took for an object: "gathered outside parliament", with the
    preposition read as the noun's modifier."""
    words = load_location_words().mislabelled
    return any(c.lower_ in words and c.i < noun.i for c in children_of(noun)
               if c.dep_ in {"amod", "advmod", "prep"})


def _doers(subject: Token, lexicon: EventLexicon) -> list[Token]:
    """Who acted, for a subject: itself, or, for a violent event noun ("Ukrainian army's
    shelling of Donetsk kills a civilian", "Russian shelling kills 2"), whoever carried
    it out; a place modifier says where, not who ("Donetsk shelling"). A noun that is
    also a group ("a mob lynched two men") acts itself."""
    if violent_type(subject, lexicon) is None or group_of(subject):
        return [subject]
    # "an IED planted by Al Shabaab exploded", "a rocket fired by Hezbollah hit": the
    # agent of the participle describing the weapon acted.
    planters = [g for p in children_of(subject) if p.dep_ == "acl" and p.tag_ == "VBN"
                for a in children_of(p) if a.dep_ == "agent"
                for g in children_of(a) if g.dep_ == "pobj"]
    return planters or carried_out_by(subject)


def _agents(trigger: Token, lexicon: EventLexicon) -> list[Token]:
    """The "by" agent of a headline's bare passive ("soldier killed by sniper"), or the
    owner of the agent's event noun ("killed by Ukrainian mortar fire")."""
    found = []
    # "23 civilians die in shellings by Ukrainian forces": a "by" phrase the parser hung
    # on an intransitive verb, when it names a force or an armed group.
    agents, by_forces = [], []
    for child in children_of(trigger):  # one pass: each child's label read once
        dep = child.dep_
        if dep == "agent":
            agents += [g for g in children_of(child) if g.dep_ == "pobj"]
        elif dep == "prep" and child.lower_ == "by":
            by_forces += [g for g in (before_dash(child.i, o) for o in children_of(child)
                                      if o.dep_ == "pobj") if is_force(g) or is_armed(g)]
    agents += by_forces
    for agent in agents:
        if violent_type(agent, lexicon) is not None:
            found += owners(agent)
        else:
            found.append(agent)
    return found


def _event_noun_owners(trigger: Token, lexicon: EventLexicon) -> list[Token]:
    """Who carried out the event noun a killing happened in: "killed in Ukrainian
    army's shelling", "killed in separatist ambush", "killed in shelling by Ukrainian
    troops"; not "killed amid Donbas hostilities", where the place says where)."""
    return [o for noun in event_nouns(trigger, lexicon) for o in carried_out_by(noun)]



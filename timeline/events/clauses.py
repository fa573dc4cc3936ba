"""Read who and where out of a clause's dependency parse.

A clause is a verb and the tokens it governs, minus the nested clauses that report
events of their own (complements, relative and adverbial clauses). A participle
without a subject ("Speaking at the World Economic Forum in Davos, Duda said") is
folded into the clause it modifies: it only adds circumstances.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING

from timeline.events.casualties import load_words
from timeline.events.lexicon import load_event_lexicon
from timeline.events.token_offsets import TokenOffsets
from timeline.events.tokens import children_of, conjuncts_of, has_object, sentence_bounds
from timeline.model import Mention
from timeline.resource_files import read_bundled, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Dependencies that start a nested clause with its own event.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass",
                         "parataxis", "conj", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: A conjunct verb with one of these tells its own predicate, not a share of its head's.
_OWN_PREDICATE = SUBJECT_DEPS | {"aux", "auxpass"}
#: Tags of plural nouns, which "they" may stand for.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Tags of relative pronouns ("which", "who", "that" heading a relative clause).
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Dependencies along which a clause without a subject borrows its governor's.
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl"})
#: Most joined participles walked back to the one that modifies a verb ("killing six
#: and wounding 27").
MAX_JOINED = 4
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Pronouns resolved to the nearest person named before them.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Pronouns standing for an organisation as a clause's subject, and what they stand for.
ORG_PRONOUNS = frozenset({"it"})
ORG_LABELS = frozenset({"ORG"})
#: How many sentences back "the company" may find the organisation it describes.
DESCRIPTION_REACH = 2
#: Mentions a description looks back over, at most.
DESCRIPTION_MENTIONS = 40


def has_subject(verb: Token) -> bool:
    """True when ``verb`` has a subject of its own."""
    return any(c.dep_ in SUBJECT_DEPS for c in children_of(verb))


def shared_conjuncts(verb: Token) -> list[Token]:
    """The verbs coordinated after ``verb`` that share its subject and tense ("beat and
    detained several women"), in text order; not one with a subject of its own
    ("gathered ..., and police fired tear gas") or an auxiliary of its own ("was
    released as a beta and is scheduled for release in June")."""
    return [c for c in conjuncts_of(verb) if c.i > verb.i and c.pos_ == "VERB"
            and not any(k.dep_ in _OWN_PREDICATE for k in children_of(c))]


def is_folded(token: Token) -> bool:
    """True for a subjectless participle modifying a verb ("Speaking at ..., Duda said"),
    and for one joined to it ("struck Kharkiv, killing six people and wounding 27")."""
    for _ in range(MAX_JOINED):  # bounded: every verb of a long list asks this
        if token.dep_ != "conj" or token.tag_ not in {"VBG", "VBN"} or has_subject(token):
            break
        token = token.head
    return (token.dep_ == "advcl" and token.tag_ in {"VBG", "VBN"}
            and token.head.pos_ in {"VERB", "AUX"}
            and not has_subject(token))


def clause_tokens(trigger: Token, max_depth: int = 0) -> list[Token]:
    """The trigger and what it governs, without nested clauses but with folded ones.

    With ``max_depth`` > 0, only tokens at most that many arcs below the trigger (or
    below a folded participle) are kept.
    """
    out, stack = [], [(trigger, 0)]
    while stack:
        token, depth = stack.pop()
        out.append(token)
        if max_depth and depth >= max_depth:
            continue
        for child in children_of(token):
            folded = _walk_step(child)
            if folded is not None:
                stack.append((child, 0 if folded else depth + 1))
    out.sort(key=_INDEX)
    return out


def clause_and_near(trigger: Token, max_depth: int) -> tuple[list[Token], list[Token]]:
    """``clause_tokens(trigger)`` and ``clause_tokens(trigger, max_depth)`` in one walk."""
    out, near, stack = [], [], [(trigger, 0, True)]
    while stack:
        token, depth, within = stack.pop()
        out.append(token)
        if within:
            near.append(token)
        for child in children_of(token):
            folded = _walk_step(child)
            if folded is not None:
                stack.append((child, 0 if folded else depth + 1, within and depth < max_depth))
    out.sort(key=_INDEX)
    near.sort(key=_INDEX)
    return out, near


#: A token's index, as a sort key (a C-level getter: clause walks sort every clause).
_INDEX = operator.attrgetter("i")


def _walk_step(child: Token) -> bool | None:
    """How a clause walk treats ``child``: None to leave it out (it opens a nested
    clause), True when it is folded in (``is_folded``), False for an ordinary
    dependent. The dependency label is read once: walks ask it of every token."""
    dep = child.dep_
    if dep == "advcl" and is_folded(child):
        return True
    if dep in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
        return None  # a verb starting a nested clause with its own event
    return False


def subjects(trigger: Token) -> list[Token]:
    """Subject tokens of the clause (with conjuncts), borrowed from a governor if none."""
    # "LPR servicemen killed in shelling": the tagger may call the participle a past tense.
    if trigger.dep_ == "acl" and trigger.tag_ in {"VBN", "VBD"} and (
            trigger.head.dep_ == "ROOT" or trigger.lemma_.lower() in _casualty_verbs()):
        # A headline's passive without its auxiliary: "Ten civilians killed in ...",
        # "Young girl among six killed in east Ukraine".
        return [trigger.head]
    owner = [c for c in children_of(trigger) if c.dep_ == "poss"] if (
        trigger.tag_ == "VBG") else []
    if owner and not has_subject(trigger):
        return owner  # "Ukrainian military's shelling leaves one dead"
    token = trigger
    for _ in range(4):  # xcomp chains are short; the bound guards odd parses
        found = _whole_subjects([c for c in children_of(token) if c.dep_ in SUBJECT_DEPS])
        agent = [g for c in children_of(token) if c.dep_ == "agent"
                 for g in children_of(c) if g.dep_ == "pobj"] if any(
            c.dep_ == "nsubjpass" for c in found) else []
        if agent:
            found = agent  # the agent acts: "forces are bolstered by Wagner"
        if found:
            return [speaker for s in found for t in (antecedent(s, token), *conjuncts_of(s))
                    for speaker in _speakers(t, token)]
        if token.tag_ == "VBG":
            # "Shelling by Ukrainian military leaves one killed": a gerund's agent acts.
            agent = [g for c in children_of(token) if c.dep_ == "agent"
                     for g in children_of(c) if g.dep_ == "pobj"]
            if agent:
                return [t for s in agent for t in (s, *conjuncts_of(s))]
        if token.dep_ not in CONTROL_DEPS or token.head is token:
            return []
        controller = _controller(token) if token.dep_ == "xcomp" else []
        if controller:
            return [t for s in controller for t in (s, *conjuncts_of(s))]
        token = token.head
    return []


def _whole_subjects(found: list[Token]) -> list[Token]:
    """``found`` without a subject that runs straight into the next one: one noun phrase
    the parser split in two ("Sudan's paramilitary Rapid Support Forces shelled" parses
    with "paramilitary" and "Forces" both subjects; the phrase's head is the last); and
    without one that heads an active clause of its own."""
    if len(found) < 2:
        return found
    # "Israeli air strikes killed 45 Palestinians ..., health officials said": a subject
    # that heads its own active clause (parsed as a participle with an object) is that
    # clause's.
    found = [t for t in found if not any(c.dep_ == "acl" and has_object(c)
                                         for c in children_of(t))] or found
    # The next phrase starts right after, with a word: "Ukraine, rebels report" and
    # "Five troops, civilian killed" are two.
    starts = {t.left_edge.i for t in found if not t.left_edge.is_punct}
    return [t for t in found if t.right_edge.is_punct or t.right_edge.i + 1 not in starts]


def _controller(complement: Token) -> list[Token]:
    """The object that does what a complement says ("forced doctors to evacuate",
    "called on residents to leave"), when its governor is an active object-control
    verb; a passive one's subject is the doer ("Troops were ordered to withdraw")."""
    lexicon = load_event_lexicon()
    head = complement.head
    lemma = head.lemma_.lower()
    if lemma not in lexicon.object_control_verbs | lexicon.modality.directive_governors:
        return []
    children = children_of(head)
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
        return []
    return [c for c in children if c.dep_ == "dobj"] or [
        g for c in children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in lexicon.addressees
        for g in children_of(c) if g.dep_ == "pobj"]


def undergoes(subject: Token, verb: Token) -> bool:
    """True for a passive subject of ``verb`` ("Ten civilians were killed"), not one
    borrowed from a passive governor, who does the complement ("Troops were ordered to
    withdraw": the troops withdraw)."""
    return subject.dep_ == "nsubjpass" and not (verb.dep_ == "xcomp" and subject.head is not verb)


def described_by(subject: Token, verb: Token) -> bool:
    """True when ``subject`` is the noun a participle describes, borrowed as its
    subject ("Ten civilians killed in ...": the civilians underwent it), not a relative
    clause's antecedent ("Chrysler, which had exited bankruptcy": Chrysler acted), nor
    the subject of an active verb with an object that the parser hung on it as a
    participle ("Israeli air strikes killed at least 45 Palestinians")."""
    return subject.i == verb.head.i and verb.dep_ != "relcl" and not has_object(verb)



def antecedent(subject: Token, verb: Token) -> Token:
    """A relative clause's pronoun subject stands for the noun the clause describes:
    "Chrysler, which had just exited bankruptcy", "Obama, who signed the bill" (an
    active subject: in "the bridge, which was destroyed" nobody named acted)."""
    if verb.dep_ == "relcl" and subject.dep_ == "nsubj" and subject.tag_ in RELATIVE_TAGS:
        return verb.head
    return subject


def _speakers(subject: Token, verb: Token) -> tuple[Token, ...]:
    """"they" in a reported clause is a plural speaker: "Yemen's Houthis said they had
    seized a ship" (not "the minister said they had fled": a person is never "they")."""
    if subject.lower_ != "they" or verb.dep_ != "ccomp":
        return (subject,)
    head = verb.head
    if head.lemma_.lower() not in load_event_lexicon().reporting_verbs:
        return (subject,)
    speakers = [c for c in children_of(head) if c.dep_ == "nsubj" and c.tag_ in PLURAL_TAGS]
    return (speakers[0], *conjuncts_of(speakers[0])) if speakers else (subject,)


def _casualty_verbs() -> frozenset[str]:
    words = load_words()
    return words.killed | words.injured


class MentionIndex:
    """Mentions of one Doc looked up by token."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.by_token: dict[int, Mention] = {}
        #: ``actors_of`` each token, once asked.
        self.actors: dict[int, tuple[Mention, ...]] = {}
        offsets = TokenOffsets(doc)
        for mention in self.mentions:
            for i in offsets.expanded(mention.start_char, mention.end_char):
                self.by_token[i] = mention
        # The furthest end so far at each position (non-decreasing, so a bisection finds
        # the first mention ending past a character), and each label's positions.
        self._ends = list(itertools.accumulate((m.end_char for m in self.mentions), max))
        self._by_label: dict[str, list[int]] = {}
        for i, mention in enumerate(self.mentions):
            self._by_label.setdefault(mention.label, []).append(i)

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, if any."""
        return self.by_token.get(token.i)

    def at_index(self, i: int) -> Mention | None:
        """The mention covering the token at index ``i``, if any (no Token is built)."""
        return self.by_token.get(i)

    def person_before(self, char: int) -> Mention | None:
        """The last PERSON mention ending before ``char`` (for "he said")."""
        return self.last_before(char, frozenset({"PERSON"}))

    def last_before(self, char: int, labels: frozenset[str], since: int = 0) -> Mention | None:
        """The last mention of one of ``labels`` starting at ``since`` or later and
        ending before ``char``."""
        before = bisect.bisect_right(self._ends, char)  # mentions before the first past it
        last = max((positions[at - 1] for label in labels
                    if (positions := self._by_label.get(label))
                    and (at := bisect.bisect_left(positions, before)) > 0), default=None)
        if last is None or self.mentions[last].start_char < since:
            return None
        return self.mentions[last]


def actors_of(token: Token, index: MentionIndex) -> tuple[Mention, ...]:
    """Actor mentions a noun phrase names: itself, its modifiers or its appositive.

    "Ukrainian forces" gives Ukraine; "the top US and Ukrainian military officers" the
    United States and Ukraine; "his counterpart, General Valerii Zaluzhnyi" the general.
    Worked out once per token of the article (``index`` keeps it): a clause's actors
    and its roles are read from the same subjects.
    """
    found = index.actors.get(token.i)
    if found is None:
        found = index.actors[token.i] = tuple(_actors_of(token, index))
    return found


def _actors_of(token: Token, index: MentionIndex) -> list[Mention]:
    own = index.at(token)
    if own is not None:
        return [own] if own.label in ACTOR_LABELS else []
    if token.lower_ in PERSON_PRONOUNS:
        person = index.person_before(token.idx)
        return [person] if person is not None else []
    if token.lower_ in ORG_PRONOUNS and token.dep_ in SUBJECT_DEPS:
        # "Apple announced Monday it has settled the dispute": the organisation named
        # before it in the same sentence, else the one the sentence before had as its
        # subject ("DaimlerChrysler said ... It also plans to cut two plants").
        named = index.last_before(token.idx, ORG_LABELS, token.doc[sentence_bounds(token)[0]].idx) or (
            _described(token, index, reach=1, subjects_only=True))
        return [named] if named is not None else []
    if token.dep_ in SUBJECT_DEPS and _describes_organisation(token):
        # "The airline signed the agreement", "the company said": the organisation named
        # last, in this sentence or the ``DESCRIPTION_REACH`` before it.
        named = _described(token, index)
        return [named] if named is not None else []
    # An appositive names the actor itself: "Milley's spokesman, Colonel Dave Butler"
    # is Butler, not Milley.
    named = [m for c in children_of(token) if c.dep_ == "appos" for m in actors_of(c, index)]
    if named:
        return named
    found: list[Mention] = []
    for child in children_of(token):
        if child.dep_ in {"compound", "amod", "nmod", "poss"}:
            for part in (child, *conjuncts_of(child)):
                mention = index.at(part)
                if mention is not None and mention.label in ACTOR_LABELS:
                    found.append(mention)
    return found


@functools.cache
def description_nouns() -> frozenset[str]:
    """Nouns that, after "the", stand for an organisation named before ("the company")."""
    return frozenset(word_list(read_bundled("actors.yaml"), "actors.yaml", "description_nouns"))


def _describes_organisation(token: Token) -> bool:
    """"the company", "The airline": a definite description, with no name of its own."""
    children = list(children_of(token))
    return (token.lower_ in description_nouns()
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children)
            and not any(c.dep_ in {"compound", "poss", "appos"} or c.lower_ == "of" for c in children))


def _described(token: Token, index: MentionIndex, reach: int = DESCRIPTION_REACH,
               subjects_only: bool = False) -> Mention | None:
    """The organisation a description stands for: the last one named as a subject
    ``reach`` sentences back at most ("Boeing won a contract from Qantas. The company
    said ..." is Boeing), else (unless ``subjects_only``) the last one named."""
    since = _sentences_back(token, reach)
    doc = token.doc
    end = bisect.bisect_left(index.starts, token.idx)
    # At most ``DESCRIPTION_MENTIONS`` back: one long unpunctuated line stays linear.
    start = max(bisect.bisect_left(index.starts, since), end - DESCRIPTION_MENTIONS)
    named = [m for m in index.mentions[start:end]
             if m.label in ORG_LABELS and m.end_char <= token.idx]
    subjects = [m for m in named if any(
        t.dep_ in SUBJECT_DEPS for t in doc.char_span(m.start_char, m.end_char,
                                                      alignment_mode="expand") or ())]
    return (subjects or ([] if subjects_only else named) or [None])[-1]


def _sentences_back(token: Token, count: int) -> int:
    """The start offset of the sentence ``count`` sentences before ``token``'s."""
    doc, start = token.doc, sentence_bounds(token)[0]
    for _ in range(count):
        if start == 0:
            break
        start = sentence_bounds(doc[start - 1])[0]
    return doc[start].idx


def counterparts(trigger: Token, index: MentionIndex, with_object: bool = False) -> list[Mention]:
    """Actors met with: "met with X", "held a meeting with X", "talks between X and Y",
    and with ``with_object`` the direct object itself ("met Chancellor Olaf Scholz").

    Only prepositions on the verb or on its object count: in "travel ... for a meeting
    between NATO and other defense chiefs" NATO is not the traveller's counterpart.
    """
    heads = [trigger, *(c for c in children_of(trigger) if c.dep_ in {"dobj", "nsubj", "nsubjpass"})]
    found: list[Mention] = []
    if with_object:
        for obj in (c for c in children_of(trigger) if c.dep_ == "dobj"):
            for part in (obj, *conjuncts_of(obj)):
                found.extend(actors_of(part, index))
    for token in (c for h in heads for c in children_of(h)):
        if token.dep_ == "prep" and token.lower_ in {"with", "between"}:
            for obj in children_of(token):
                if obj.dep_ == "pobj":
                    for part in (obj, *conjuncts_of(obj)):
                        found.extend(actors_of(part, index))
    return found

"""Events told without a verb, as wire headlines tell them.

"Clashes near Sloviansk", "Shelling in Donetsk", "One dead in Ukraine clashes", "Five
dead as Ukraine police launch assault on protesters", "Two KIA, two WIA amid enemy
attacks": a sentence that reports no clause event but is built on a violent event noun
or a casualty count reports one event. Its trigger is the event noun (the root, else the
first violent noun of the sentence when a casualty word heads it), or the casualty word
itself ("Two dead in Donetsk": a death). Only the types ``casualty_types`` lists (political
violence and deaths) are read this way: "Morning briefing" or "Situation report" stay
titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.casualties import load_words
from timeline.events.lexicon import EventLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: The type of an event told only by its casualties ("Two dead in Donetsk").
DEATH = "death"
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


def nominal_trigger(sent: Span, lexicon: EventLexicon) -> tuple[Token, tuple[str, str]] | None:
    """(trigger token, (trigger lemma, type)) of a verbless event sentence, or None."""
    root = sent.root
    typed = _noun_type(root, lexicon)
    if typed is not None and not _has_subject(root):
        return root, typed
    casualty = _casualty_word(root)
    if casualty is None:
        return None
    noun = next((t for t in sent if t is not casualty and _noun_type(t, lexicon)), None)
    if noun is not None:
        found = _noun_type(noun, lexicon)
        return (noun, found) if found is not None else None
    return casualty, (casualty.lemma_.lower(), DEATH)


def _noun_type(token: Token, lexicon: EventLexicon) -> tuple[str, str] | None:
    """(lemma, type) of an event noun (or a subjectless gerund, "Shelling in Donetsk")
    of a casualty type, else None."""
    if token.pos_ not in NOUN_TAGS and token.tag_ != "VBG":
        return None
    for word in (token.lemma_.lower(), token.lower_):
        found = lexicon.type_of_noun(word)
        if found in lexicon.casualty_types:
            return word, found
    return None


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _casualty_word(root: Token) -> Token | None:
    """The casualty word heading a headline: the root ("KIA"), or a word describing it
    ("One dead", "Five dead as ...")."""
    words = load_words()
    known = words.killed | words.injured
    for token in (root, *root.children):
        if token.lemma_.lower() in known or token.lower_ in known:
            if token is root or token.dep_ in {"amod", "appos", "acomp"}:
                return token
    return None

"""Named-entity mentions, corrected and normalised within an article.

``find_mentions(doc)`` turns a parsed Doc into ``Mention`` values:

1. the NER's entities (people, organisations, places, nationality words), trimmed of
   a leading "the" and a trailing possessive;
2. title cues (``resources/titles.yaml``): "General", "Gen.", "President",
   "Colonel", "spokesman" before capitalised proper nouns make them a PERSON;
3. name propagation: a surname already seen as part of a person's full name is that
   person wherever it recurs ("Butler" tagged ORG after "Colonel Dave Butler");
   near-duplicate spellings ("Zaluznyi") join with rapidfuzz at ``FUZZY_THRESHOLD``;
4. canonical names: "Gen. Milley" and "Milley" become "Mark Milley", nationality
   words their country ("Ukrainian" -> "Ukraine"), places their geocoded name.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from timeline.events import acronyms, places
from timeline.events.known_names import (load_gazetteer, load_name_particles, load_not_names,
                                          load_titles)
from timeline.events.tokens import children_of, column, doc_text, span_text
from timeline.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from timeline.events.countries import Place

#: Lowest rapidfuzz ``ratio`` (0-100) at which two spellings of a surname are one
#: person. "Zaluznyi"/"Zaluzhnyi" scores 94; "Milley"/"Miller" 83 must stay apart
#: (tests/test_entities.py holds the pairs the threshold was tuned on).
FUZZY_THRESHOLD = 90.0
#: Threshold for given names once the surnames match.
GIVEN_NAME_THRESHOLD = 75.0
#: Shorter names are compared exactly: a one-letter change in "Li" or "Kim" is another name.
FUZZY_MIN_LENGTH = 5
#: Longest run of proper nouns a title cue turns into a name.
MAX_NAME_TOKENS = 4
#: Particles and hyphens a name runs on through between two of its words ("von der",
#: "el-").
MAX_PARTICLES = 3

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Characters of HTML markup that no name holds. A name the NER ran across a fragment
#: of markup ('phish">Click here</a> Joe Biden') keeps only its last run of tokens
#: free of them ("Joe Biden"); "&" and "'" stay (AT&T, O'Hare).
MARKUP_CHARS = frozenset('<>"=`')
#: Labels the NER gives foreign surnames by mistake; only these are relabelled PERSON.
CONFUSABLE_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


@dataclass
class _Draft:
    """A mention being corrected: token offsets into the Doc, mutable on purpose."""

    start: int
    end: int
    label: str
    kb_id: str = ""
    title: str = ""


#: True when two lower-case names are spellings of one name; never for names whose
#: first letters differ (lookups only compare names with the same first letter).
NameMatcher = Callable[[str, str], bool]


def similar_names(a: str, b: str, threshold: float = FUZZY_THRESHOLD) -> bool:
    """True when ``a`` and ``b`` are spellings of one name (case-insensitive)."""
    from rapidfuzz import fuzz

    left, right = a.lower(), b.lower()
    if left == right:
        return True
    if min(len(left), len(right)) < FUZZY_MIN_LENGTH or left[0] != right[0]:
        return False
    return fuzz.ratio(left, right) >= threshold


def find_mentions(doc: Doc, *, match: NameMatcher = similar_names) -> list[Mention]:
    """Corrected, canonicalised entity mentions of ``doc``, in text order."""
    texts = _Texts(doc)
    drafts = _base_drafts(doc, texts)
    drafts = _apply_title_cues(doc, drafts)
    drafts = [d if not MARKUP_CHARS.intersection(texts(d.start, d.end)) else _without_markup(doc, d)
              for d in drafts]
    drafts = [d for d in drafts if d is not None]
    people = _PersonLookup(_known_people(texts, drafts), match)
    # The country each draft names, if any: asked by both steps below.
    table = places.country_table()
    named = [(text, table.get(places.normalise(text)))
             for text in (texts(d.start, d.end) for d in drafts)]
    drafts = _propagate_people(named, drafts, people)
    context = _countries_in(named)
    mentions = [_to_mention(doc, texts, d, people, context) for d in drafts]
    return acronyms.expand(texts.text, sorted(mentions, key=lambda m: m.start_char))


class _Texts:
    """The text of token ranges of one Doc, sliced from the Doc's text once read:
    ``Span.text`` joins the span's tokens again on every call, and each mention's
    text is asked for at every step."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._idx, self._texts = column(doc, "idx"), column(doc, "text")

    def start_char(self, start: int) -> int:
        return self._idx[start]

    def end_char(self, end: int) -> int:
        """Offset after the text of the tokens before ``end``."""
        return self._idx[end - 1] + len(self._texts[end - 1])

    def __call__(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if end <= start:
            return ""
        return self.text[self.start_char(start):self.end_char(end)]


def _base_drafts(doc: Doc, texts: _Texts) -> list[_Draft]:
    drafts = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        if end - start > 1 and doc[end - 1].tag_ == "POS":
            end -= 1
        end = _balanced_end(doc, start, end) if "(" in texts(start, end) else end
        if ent.label_ == "NORP":
            end, label = _named_group_end(doc, end), "ORG"
            label = "NORP" if end == ent.end else label
        elif ent.label_ == "ORG" and _names_country(texts(start, end)):
            label = "GPE"  # "Burkina Faso's army": the recogniser took the country for one
        else:
            label = ent.label_
        drafts.append(_Draft(start, end, label, ent.ent_id_))
    return drafts


def _names_country(text: str) -> bool:
    """True when ``text`` is a country's name ("Burkina Faso")."""
    place = places.country_table().get(places.normalise(text))
    return place is not None and place.precision == "country"


def _without_markup(doc: Doc, draft: _Draft) -> _Draft | None:
    """``draft`` cut to its last run of tokens without markup characters (None if none)."""
    clean = [not MARKUP_CHARS.intersection(doc[i].text) for i in range(draft.start, draft.end)]
    if all(clean):
        return draft
    end = draft.start + len(clean)
    while end > draft.start and not clean[end - 1 - draft.start]:
        end -= 1
    start = end
    while start > draft.start and clean[start - 1 - draft.start]:
        start -= 1
    while start < end and not doc[start].is_alpha and not doc[start].is_digit:
        start += 1  # a stray "/" or "." left of the name
    return replace(draft, start=start, end=end) if start < end else None


def _named_group_end(doc: Doc, end: int) -> int:
    """End of a name a nationality or creed word begins: "Islamic State" (the NER
    tags only "Islamic"). Capitalised proper nouns outside any entity, ending at the
    word the nationality modifies, and no title ("Ukrainian President ...")."""
    head = doc[end - 1].head
    stop = end
    while (stop < len(doc) and stop <= head.i and doc[stop].pos_ == "PROPN"
           and not doc[stop].ent_type_ and doc[stop].text[:1].isupper()
           and _title_key(doc[stop].text) not in _titles_by_key()):
        stop += 1
    return stop if stop - 1 == head.i and stop > end else end


def _balanced_end(doc: Doc, start: int, end: int) -> int:
    """End of a name whose brackets close: "Intergovernmental Authority on Development
    (IGAD" takes its ")" when it follows, else loses the dangling part."""
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if not opened or any(t.text == ")" for t in doc[opened[-1]:end]):
        return end
    if end < len(doc) and doc[end].text == ")":
        return end + 1
    cut = opened[-1]
    while cut > start + 1 and doc[cut - 1].is_punct:
        cut -= 1
    return cut if cut > start else end


@functools.cache
def _titles_by_key() -> dict[str, tuple[tuple[str, str], ...]]:
    """(written form, title) pairs keyed by the written form's first letters."""
    index: dict[str, list[tuple[str, str]]] = {}
    for title in load_titles():
        for word in title.words:
            index.setdefault(_title_key(word), []).append((word, title.title))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()}


@functools.lru_cache(maxsize=1 << 16)  # every token is looked up: words recur
def _title_key(text: str) -> str:
    head = text.split()[0] if text.split() else text
    return head.rstrip(".-").split(".")[0].split("-")[0]


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read from one array (no Token object built per token)."""
    return column(doc, "text")


def _title_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """(title, index after it) when a title's words start at token ``i``."""
    token = doc[i]
    for written, title in _titles_by_key().get(_title_key(token.text), ()):
        end_char = token.idx + len(written)
        if "".join(t.text_with_ws for t in doc[i:i + 6])[:len(written)] != written:
            continue
        after = next((t.i for t in doc[i:i + 6] if t.idx >= end_char), len(doc))
        if after == len(doc) or doc[after - 1].idx + len(doc[after - 1]) == end_char:
            return title, after
    return None


def _name_run(doc: Doc, start: int) -> int:
    """Index after the capitalised proper nouns starting at ``start``, run on through a
    name's lower-case particles and hyphens to the capitalised word they lead to
    ("Abdel Fattah el-Sisi", "Mohammed bin Salman")."""
    end, words = start, 0  # the name's capitalised words: particles do not count
    particles = load_name_particles()
    while end < len(doc) and words < MAX_NAME_TOKENS and doc[end].tag_ != "POS":
        word = doc[end]
        if word.pos_ == "PROPN" and word.text[:1].isupper():
            end, words = end + 1, words + 1
            continue
        # Particles and the hyphens after them, up to a capitalised name word.
        ahead = end
        while ahead < len(doc) and ahead - end < MAX_PARTICLES and (
                doc[ahead].text in particles or _joining_hyphen(doc, ahead)):
            ahead += 1
        if end == start or ahead == end or ahead >= len(doc) or not (
                doc[ahead].text[:1].isupper() and doc[ahead].pos_ == "PROPN"):
            break
        end = ahead
    return end


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """True for an unspaced hyphen inside a name ("Jean-Yves", "el-Sisi")."""
    return (doc[i].text == "-" and i > 0 and not doc[i].whitespace_
            and not doc[i - 1].whitespace_)


def _apply_title_cues(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Relabel as PERSON the proper nouns that follow a title."""
    owner = {i: d for d in drafts for i in range(d.start, d.end)}
    stop = load_not_names()
    keys = _titles_by_key()
    # Most tokens are no title: find the few candidates in one pass over the Doc.
    candidates = [i for i, text in enumerate(token_texts(doc)) if _title_key(text) in keys]
    done = 0
    named: list[_Draft] = []  # in text order, never overlapping one another
    person_ids = {(d.start, d.end): d.kb_id for d in drafts if d.label == "PERSON"}
    for i in candidates:
        found = _title_at(doc, i) if i >= done else None
        if found is None:
            continue
        title, name_start = found
        name_end = _name_run(doc, name_start)
        holder = owner.get(i)
        # "General Motors": the NER put the title inside another kind of name.
        inside_name = holder is not None and holder.label != "PERSON" and holder.end > i + 1
        if name_end > name_start and not inside_name and doc[name_end - 1].text not in stop:
            # A gazetteer person named after the title keeps its id, so its canonical name.
            kb_id = person_ids.get((name_start, name_end), "")
            named.append(_Draft(name_start, name_end, "PERSON", kb_id, title))
            owner.update({j: named[-1] for j in range(name_start, name_end)})
        done = max(name_end, i + 1)
    # One pass, not one per title: a long article has thousands of both.
    starts = [n.start for n in named]
    kept = [d for d in drafts if not _overlaps(d, named, starts)]
    return sorted(kept + named, key=lambda d: d.start)


def _overlaps(draft: _Draft, named: Sequence[_Draft], starts: Sequence[int]) -> bool:
    """True when ``draft`` overlaps one of ``named`` (sorted, disjoint; ``starts`` theirs)."""
    last = bisect_left(starts, draft.end) - 1  # the last one starting before draft ends
    return last >= 0 and named[last].end > draft.start


def _known_people(texts: _Texts, drafts: list[_Draft]) -> dict[str, str]:
    """Canonical full name by lower-case surname and by lower-case full name."""
    people = dict(_gazetteer_people())
    for draft in drafts:
        if draft.label == "PERSON" and draft.end - draft.start >= 2 and not draft.kb_id:
            name = texts(draft.start, draft.end)
            people.setdefault(texts(draft.end - 1, draft.end).lower(), name)
            people[name.lower()] = name
    return people


@functools.cache
def _gazetteer_people() -> dict[str, str]:
    """The gazetteer's people: canonical full name by lower-case surname and by
    lower-case full name (copied for each article, not rebuilt)."""
    people: dict[str, str] = {}
    for entry in load_gazetteer():
        if entry.label == "PERSON":
            surname = entry.name.split()[-1].lower()
            people.setdefault(surname, entry.name)
            people[entry.name.lower()] = entry.name
    return people


def _propagate_people(named: Sequence[tuple[str, Place | None]], drafts: list[_Draft],
                      people: _PersonLookup) -> list[_Draft]:
    """Relabel PERSON the non-person entities that spell a known person's name;
    ``named`` holds each draft's text and the country it names."""
    fixed = []
    for draft, (text, country) in zip(drafts, named):
        if (draft.label in CONFUSABLE_LABELS and draft.end - draft.start <= 2
                and country is None and people(text)):
            draft = replace(draft, label="PERSON")
        fixed.append(draft)
    return fixed


class _PersonLookup:
    """The canonical person a text names, exactly or as a near-duplicate surname.

    Built once per article from its known people (``_known_people``): surnames are
    grouped by first letter and each answer is kept, so asking about every mention of
    a long article costs time linear in its mentions, not mentions times people.
    """

    def __init__(self, people: Mapping[str, str], match: NameMatcher) -> None:
        self.people = people
        self.match = match
        self.surnames: dict[str, list[tuple[str, str]]] = {}
        for surname, name in people.items():
            if surname and " " not in surname:
                self.surnames.setdefault(surname[0], []).append((surname, name))
        self.answers: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        key = places.normalise(text)
        if key not in self.answers:
            self.answers[key] = self._find(key)
        return self.answers[key]

    def _find(self, key: str) -> str | None:
        if key in self.people:
            return self.people[key]
        if " " in key or not key:
            return None
        hits = {name for surname, name in self.surnames.get(key[0], ()) if self.match(key, surname)}
        return hits.pop() if len(hits) == 1 else None


def _countries_in(named: Iterable[tuple[str, Place | None]]) -> tuple[str, ...]:
    """Countries the article names (``named``: each mention's text and the country it
    names, if any), to choose between same-named cities."""
    found = []
    for text, place in named:
        country = place.country if place else places.country_of_demonym(text)
        if country and country not in found:
            found.append(country)
    return tuple(found)


def _to_mention(doc: Doc, texts: _Texts, draft: _Draft, people: _PersonLookup,
                context: tuple[str, ...]) -> Mention:
    text = texts(draft.start, draft.end)
    canonical = _canonical(text, draft, people, context)
    role = _role(doc, draft) if draft.label == "PERSON" else ""
    return Mention(text, texts.start_char(draft.start), texts.end_char(draft.end),
                   draft.label, canonical, draft.title, role)


def _canonical(text: str, draft: _Draft, people: _PersonLookup,
               context: tuple[str, ...]) -> str:
    gazetteer = _gazetteer_names()
    if draft.kb_id in gazetteer:
        return gazetteer[draft.kb_id]
    if draft.label == "PERSON":
        return people(text) or text
    if draft.label == "NORP":
        return places.country_of_demonym(text) or text
    if draft.label in PLACE_LABELS:
        place = places.geocode(text, context)
        return place.name if place else (places.country_of_demonym(text) or text)
    return text


@functools.cache
def _gazetteer_names() -> dict[str, str]:
    """Canonical name by gazetteer id (the entity ruler's ``ent_id_``)."""
    return {entry.id: entry.name for entry in load_gazetteer()}


def _role(doc: Doc, draft: _Draft) -> str:
    """The appositive describing a person: "the Chairman of ..." or "Milley's spokesman"."""
    root = doc[draft.start:draft.end].root
    for child in children_of(root):
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and not _has_verb(
                doc, child.left_edge.i, child.right_edge.i + 1):
            return _phrase(doc, child.left_edge.i, child.right_edge.i + 1)
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN":
        return _phrase(doc, head.left_edge.i, head.i + 1)
    return ""


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """True when tokens ``start:end`` hold a verb: a clause the parser hung on a name as
    its appositive ("shelling Gorlovka, one civilian killed"), not a role."""
    pos = column(doc, "pos")
    return any(pos[i] == "VERB" for i in range(start, end))


def _phrase(doc: Doc, start: int, end: int, limit: int = 8) -> str:
    """Text of tokens ``start:end`` without leading determiners or possessive pronouns."""
    while start < end and (doc[start].pos_ == "DET" or doc[start].tag_ == "PRP$"):
        start += 1
    if end - start > limit:
        return ""
    return span_text(doc, start, end).strip(" ,")


@dataclass(frozen=True)
class Profile:
    """What an article says about one actor: type, title, role and spellings."""

    name: str
    type: str
    title: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()


def profiles(mentions: Iterable[Mention]) -> dict[str, Profile]:
    """One Profile per canonical name; the first title and role given win."""
    # Gathered as plain values and built once: an article names its actors many times.
    found: dict[str, tuple[str, str, str, dict[str, None]]] = {}
    for mention in mentions:
        name = mention.canonical or mention.text
        kind, title, role, aliases = found.get(name) or (
            "GPE" if mention.label in {"NORP", "GPE"} else mention.label, "", "", {})
        aliases[mention.text] = None
        found[name] = (kind, title or mention.title, role or mention.role, aliases)
    return {name: Profile(name, kind, title, role, tuple(aliases))
            for name, (kind, title, role, aliases) in found.items()}


def same_person(a: str, b: str, match: NameMatcher = similar_names) -> bool:
    """True when two full names are spellings of one person.

    Surnames must match (fuzzily); given names too, or one must be an initial of the
    other ("V. Zaluzhnyi"). A bare surname matches any full name with that surname.
    """
    left, right = a.replace(".", "").split(), b.replace(".", "").split()
    if not left or not right or not match(left[-1], right[-1]):
        return False
    if len(left) == 1 or len(right) == 1:
        return True
    first_a, first_b = left[0], right[0]
    if min(len(first_a), len(first_b)) == 1:
        return first_a[0].lower() == first_b[0].lower()
    # Surnames already agree, so transliterated given names may differ more
    # ("Valerii"/"Valery" scores 77).
    return match(first_a, first_b) or (
        first_a[0].lower() == first_b[0].lower()
        and similar_names(first_a, first_b, GIVEN_NAME_THRESHOLD))


def merge_names(counts: Mapping[str, int], match: NameMatcher = similar_names) -> dict[str, str]:
    """Map every person name of a corpus to one spelling: the most frequent full name.

    A bare surname joins a full name only when exactly one full name fits it.
    """
    ordered = sorted(counts, key=lambda n: (-(" " in n), -counts[n], n))
    canonical: list[str] = []
    mapping: dict[str, str] = {}
    for name in ordered:
        fits = [c for c in canonical if same_person(name, c, match)]
        if " " not in name and len(fits) != 1:
            fits = []
        if fits:
            mapping[name] = fits[0]
        else:
            canonical.append(name)
            mapping[name] = name
    return mapping

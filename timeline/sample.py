"""The bundled sample corpus: the seed article plus short wire-style articles.

The corpus is a JSON Lines manifest, ``resources/sample/corpus.jsonl``, one article per
line with ``id``, ``title``, ``url``, ``published`` and either the ``text`` inline or a
``file`` naming a text file beside the manifest. The seed article is kept as its own
text file (``seed_milley_zaluzhnyi.txt``) so the command-line examples can use it
directly, and the manifest refers to it rather than holding a second copy.

The manifest is read by :func:`timeline.read_articles`, the same reader as any user
corpus (which understands ``file`` rows).

Example::

    from timeline.sample import load_sample
    articles = load_sample()          # list[Article], seed first
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline.model import Article

SAMPLE_DIR = Path(__file__).resolve().parent / "resources" / "sample"
MANIFEST_NAME = "corpus.jsonl"
SEED_NAME = "seed_milley_zaluzhnyi.txt"


def sample_path() -> Path:
    """Path of the sample corpus manifest (``corpus.jsonl``)."""
    return SAMPLE_DIR / MANIFEST_NAME


def seed_path() -> Path:
    """Path of the seed article's text file (published 2023-01-19)."""
    return SAMPLE_DIR / SEED_NAME


def load_sample(path: str | os.PathLike[str] | None = None) -> list[Article]:
    """Read the sample corpus (or another manifest in the same format) as Articles.

    Raises :class:`timeline.errors.InputError` naming the manifest and line when a
    row is unusable.
    """
    from timeline.articles import read_articles  # the corpus reader; loaded on use

    return read_articles(path if path is not None else sample_path())

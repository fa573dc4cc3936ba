"""``evolve``: a copy of a frozen record with some fields changed, as ``replace`` gives."""

from __future__ import annotations

import pytest

from timeline.model import Article, evolve


def test_evolve_changes_only_the_named_fields() -> None:
    article = Article(id="a", body="Troops attacked.", title="Attack")
    copy = evolve(article, body="Troops withdrew.")
    assert (copy.id, copy.body, copy.title) == ("a", "Troops withdrew.", "Attack")
    assert article.body == "Troops attacked."  # the original is untouched


def test_evolve_refuses_a_field_the_record_does_not_have() -> None:
    with pytest.raises(TypeError, match="no field 'bdy'"):
        evolve(Article(id="a", body="x"), bdy="y")

"""Word forms the model lemmatizes wrongly get the lemma ``lemmas.yaml`` gives them."""

from __future__ import annotations

import pytest

from timeline.events.nlp import load_nlp
from timeline.pipeline import extract
from timeline.resource_files import read_bundled

FORMS = sorted(read_bundled("lemmas.yaml")["forms"].items())


@pytest.mark.parametrize(("form", "lemma"), FORMS)
def test_each_form_gets_its_lemma(form: str, lemma: str) -> None:
    doc = load_nlp()(f"They said the soldiers {form} them.")
    assert [t.lemma_ for t in doc if t.lower_ == form] == [lemma]


def test_a_rape_is_sexual_violence() -> None:
    # The model reads "raped" as a form of "rap": no event type at all.
    df = extract("On 6 June 2024, Burundian soldiers raped two women near Gatumba.",
                 "2024-06-16")
    row = df[df["trigger"] == "rape"].iloc[0]
    assert (row["event_type"], row["sub_event_type"], row["acled_sub_event_type"]) == (
        "attack", "sexual violence", "Sexual violence")
    assert row["actor1"] == "Military Forces of Burundi"

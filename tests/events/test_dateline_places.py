"""The dateline's city as the place of last resort, with values worked out by hand."""

from __future__ import annotations

from timeline.events import dateline_places, noise
from timeline.pipeline import extract


def _filed(text: str):
    return dateline_places.filed_at(text, noise.dateline_spans(text))


def test_the_dateline_city_is_read_with_its_country() -> None:
    goma = _filed("GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - M23 rebels shelled Sake.")
    assert (goma.text, goma.place.country, goma.near) == (
        "Goma", "Democratic Republic of the Congo", True)
    assert goma.feature == dateline_places.DATELINE
    assert _filed("CAIRO, Feb 3 (Reuters) - Fighting broke out.").feature == dateline_places.UNNAMED
    assert _filed("Fighting broke out in Cairo on Monday.") is None


def test_an_event_with_no_place_is_near_the_dateline_city() -> None:
    df = extract("PORT-AU-PRINCE, Haiti (AP) — Gang members attacked the National "
                 "Penitentiary on Saturday, freeing thousands of inmates.", "2024-03-03")
    row = df[df["trigger"] == "attack"].iloc[0]
    assert (row["place"], row["country"], row["geo_precision"], row["place_feature"]) == (
        "Port-au-Prince", "Haiti", 2, "dateline")


def test_a_city_abroad_is_no_place_without_a_word_for_its_country() -> None:
    # Sudan's war reported from Cairo: nothing sets the fighting in Egypt.
    df = extract("CAIRO, Feb 3 (Reuters) - Heavy fighting broke out on Saturday between "
                 "the army and the RSF, witnesses said.", "2024-02-03")
    assert not any(df["place"].fillna(""))
    assert "Egypt" not in set(df["country"].dropna())


def test_an_actor_of_the_city_country_sets_the_story_there() -> None:
    df = extract("MOGADISHU (Reuters) - Somali soldiers clashed with Al Shabaab fighters on "
                 "Monday, killing 12, officials said.", "2024-02-03")
    row = df[df["trigger"] == "clash"].iloc[0]
    assert (row["place"], row["country"], row["geo_precision"]) == ("Mogadishu", "Somalia", 2)


def test_a_place_the_story_names_wins_over_the_dateline() -> None:
    df = extract("MOGADISHU, May 6 (Reuters) - Al Shabaab fighters attacked a military base "
                 "in the Lower Shabelle region on Monday, officials said.", "2024-05-06")
    row = df[df["trigger"] == "attack"].iloc[0]
    assert (row["place"], row["geo_precision"]) == ("Lower Shabeelle", 3)

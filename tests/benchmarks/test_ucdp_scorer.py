"""Tests for benchmarks.ucdp's scoring of one UCDP event (hand-made records)."""

from __future__ import annotations

from datetime import datetime

from benchmarks import ucdp

EVENT = {
    "id": "1", "side_a": "Government of Ukraine", "side_b": "DPR",
    "where_coordinates": "Donetsk town", "adm_1": "Donetsk oblast", "adm_2": "",
    "latitude": "48.0", "longitude": "37.8", "where_prec": "1",
    "date_start": "2014-08-16", "date_end": "2014-08-16", "best": "10", "low": "10",
    "high": "12", "sources": [{"date": "2014-08-17", "headline": "..."}],
}


def _row(**values: object) -> dict:
    base = {"event_type": "shelling", "acled_event_type": "Explosions/Remote violence",
            "date": datetime(2014, 8, 16), "latitude": 48.02, "longitude": 37.80,
            "place": "Donetsk", "admin1": "", "admin2": "", "country": "Ukraine",
            "actor1": "Military Forces of Ukraine", "actor2": "", "actor1_text": "",
            "actor2_text": "", "assoc_actors": [], "actors": [], "fatalities": 11}
    return {**base, **values}


def test_everything_right() -> None:
    scores = ucdp.score(EVENT, [_row()])
    assert (scores.date, scores.place, scores.actor, scores.deaths) == (True, True, True, True)
    assert scores.baseline_date is False  # the headline came a day later


def test_each_measure_can_fail() -> None:
    far = _row(date=datetime(2014, 8, 17), latitude=50.45, longitude=30.52, place="Kyiv",
               actor1="Protesters (Ukraine)", fatalities=3)
    scores = ucdp.score(EVENT, [far])
    # Protesters in Ukraine are neither the Government of Ukraine nor the DPR.
    assert (scores.date, scores.place, scores.actor, scores.deaths) == (False, False, False, False)
    assert ucdp.score(EVENT, [_row(actor1="", actors=["Ukraine"])]).actor
    rebels = _row(actor1="Unidentified Armed Group (Ukraine)", country="Russia")
    assert ucdp.actor_ok({**EVENT, "side_a": "Government of Russia (Soviet Union)"}, rebels)
    assert not ucdp.actor_ok({**EVENT, "side_b": "Maidan", "side_a": "Government of Russia"},
                             _row(actor1="Military Forces of Ukraine"))


def test_government_side_is_the_state_not_people_in_it() -> None:
    government = {**EVENT, "side_b": "Civilians"}
    for name in ("Civilians (Ukraine)", "Unidentified Armed Group (Ukraine)", "east Ukraine"):
        assert not ucdp.actor_ok({**government, "side_b": "Maidan"}, _row(actor1=name)), name
    for name in ("Ukraine", "Military Forces of Ukraine", "Police Forces of Ukraine"):
        assert ucdp.actor_ok(government, _row(actor1=name)), name
    russia = {**EVENT, "side_a": "Government of Russia (Soviet Union)", "side_b": "Maidan"}
    assert ucdp.actor_ok(russia, _row(actor1="", actors=["Armed Forces of the Russian Federation"]))


def test_conflict_event_is_primary_and_no_event_scores_nothing() -> None:
    statement = _row(event_type="statement", acled_event_type="", date=datetime(2014, 8, 17))
    assert ucdp.primary([statement, _row()])["event_type"] == "shelling"
    assert ucdp.score(EVENT, []).found is False


def test_coded_only_when_the_primary_event_is_one_acled_codes() -> None:
    assert ucdp.score(EVENT, [_row()]).coded is True
    death = _row(event_type="death", acled_event_type="")
    assert ucdp.score(EVENT, [death]).coded is False
    assert ucdp.score(EVENT, []).coded is False


def test_country_precision_and_admin_names() -> None:
    country_only = {**EVENT, "where_prec": "6"}
    assert ucdp.place_ok(country_only, _row(latitude=49.0, longitude=32.0, place="Ukraine"))
    oblast = {**EVENT, "where_prec": "4"}
    assert ucdp.place_ok(oblast, _row(latitude=48.3, longitude=35.0, place="eastern Ukraine",
                                      admin1="Donets'ka Oblast'"))


def test_another_name_of_one_curated_place() -> None:
    # Donbas is the Donets Basin; its centre lies over 25 km from UCDP's point.
    basin = {**EVENT, "where_coordinates": "Donets Basin Area", "adm_1": "", "where_prec": "5",
             "latitude": "48.15", "longitude": "38.65"}
    assert ucdp.place_ok(basin, _row(latitude=48.3, longitude=38.3, place="Donbas"))
    # A place of another name is not UCDP's, nor is a part of it.
    assert not ucdp.place_ok(basin, _row(latitude=46.6, longitude=32.6, place="Kherson"))
    oblast = {**EVENT, "where_coordinates": "Luhansk oblast", "adm_1": "Luhansk oblast",
              "where_prec": "4", "latitude": "48.9", "longitude": "39.3"}
    assert not ucdp.place_ok(oblast, _row(latitude=48.3, longitude=38.3, place="Donbas"))


def test_most_precise_report_and_headline_ceiling() -> None:
    # The first report places the event only in the country; a later one names Donetsk.
    country = _row(latitude=48.38, longitude=31.17, place="Ukraine", geo_precision=3)
    town = _row(geo_precision=1)
    scores = ucdp.score(EVENT, [country, town])
    assert (scores.place, scores.place_reports) == (False, True)
    assert ucdp.best_placed([_row(event_type="statement"), country]) is country
    named = {**EVENT, "sources": [{"date": "2014-08-17",
                                   "headline": "Shelling kills ten in Ukraine's Donetsk"}]}
    assert ucdp.headline_names_place(named)
    # A bare place name in the source list is UCDP's note, not a headline.
    bare = {**EVENT, "sources": [{"date": "2014-08-17", "headline": "Donetsk"}]}
    assert not ucdp.headline_names_place(bare)
    assert not ucdp.headline_names_place(EVENT)


def test_location_notes_are_no_headlines() -> None:
    for note in ("Debaltseve", "Donetsk airport", "Donets basin area", "near Luhansk",
                 "Marinovka checkpoint", "Donetsk Obl."):
        assert ucdp.is_location_note(note), note
    for headline in ("Donetsk shelled", "Three killed in Donetsk", "Russians use", "-"):
        assert not ucdp.is_location_note(headline), headline


def test_place_is_no_coarser_than_ucdps_precision() -> None:
    village = {**EVENT, "where_coordinates": "Zaitseve village", "adm_2": "Horlivka City municipality",
               "latitude": "48.33", "longitude": "37.88"}
    # The Donetsk region's point lies within 25 km of the village: still no village.
    region = _row(latitude=48.2, longitude=37.8, place="Donetsk region", admin1="Donetsk",
                  place_precision="region", geo_precision=3)
    assert not ucdp.place_ok(village, region)
    assert ucdp.place_ok({**village, "where_prec": "4"}, region)
    # A district for a district, not for a village.
    district = _row(latitude=48.35, longitude=37.9, place="Horlivka Raion", admin1="Donetsk",
                    place_precision="region", geo_precision=2)
    assert not ucdp.place_ok(village, district)
    assert ucdp.place_ok({**village, "where_prec": "3"}, district)
    # The country only for the country.
    country = _row(latitude=49.0, longitude=32.0, place="Ukraine", place_precision="country",
                   geo_precision=3)
    assert not ucdp.place_ok({**village, "where_prec": "4"}, country)


def test_names_match_like_for_like_and_not_a_namesake() -> None:
    # Kramatorsk lies in Donetsk oblast: its admin-1 name is no name of Donetsk town.
    kramatorsk = _row(latitude=48.72, longitude=37.56, place="Kramatorsk", admin1="Donetsk")
    assert not ucdp.place_ok(EVENT, kramatorsk)
    assert ucdp.place_ok({**EVENT, "where_prec": "4"}, kramatorsk)
    # Pisky near Donetsk is not the Pisky of Poltava oblast, 400 km away; 28 km away in
    # Donetsk oblast, the name says it is (the two sources place it differently).
    pisky = {**EVENT, "where_coordinates": "Pisky village", "latitude": "48.1", "longitude": "37.65"}
    assert not ucdp.place_ok(pisky, _row(latitude=50.56, longitude=32.6, place="Pisky",
                                         admin1="Poltava"))
    assert ucdp.place_ok(pisky, _row(latitude=48.35, longitude=37.65, place="Pisky",
                                     admin1="Donetsk"))
    # "south Russia" is no part of southern Ukraine, however its name begins.
    south = {**EVENT, "where_coordinates": "Southern Ukraine", "adm_1": "", "where_prec": "5",
             "latitude": "47.3", "longitude": "33.6"}
    assert not ucdp.place_ok(south, _row(latitude=52.0, longitude=45.0, place="south Russia",
                                         country="Russia", place_precision="region"))
    assert ucdp.place_ok(south, _row(latitude=47.6, longitude=31.2, place="south Ukraine",
                                     place_precision="region"))

"""Tests for timeline.events.gazetteer and user gazetteers in timeline.events.places."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import ResourceError
from timeline.events import gazetteer, places
from timeline.pipeline import extract

#: One GeoNames row (geoname table, 19 tab-separated columns) for a hamlet the bundled
#: gazetteer does not hold.
HAMLET = "\t".join([
    "9999001", "Qorxoqabad", "Qorxoqabad", "Qorxo Qabad,Korkhokabad", "2.5000", "45.2500",
    "P", "PPL", "SO", "", "Lower Shabeelle", "", "", "", "350", "", "60",
    "Africa/Mogadishu", "2024-01-01"])


def test_villages_down_to_500_people_with_admin_areas() -> None:
    kandi = gazetteer.lookup("Kandi")[0]
    assert (kandi.country_code, kandi.admin1) == ("BJ", "Alibori")
    small = [e for e in gazetteer.lookup("Vila") if e.population < 1000]
    assert small, "places of 500-999 people are indexed"


def test_alternate_names_and_admin_areas_are_indexed() -> None:
    assert gazetteer.lookup("Kupiansk")[0].name == "Kupyansk"
    alibori = [e for e in gazetteer.lookup("Alibori") if e.kind == gazetteer.ADMIN1]
    assert alibori and alibori[0].country_code == "BJ"


def test_admin_hint_chooses_between_namesakes() -> None:
    # "Kupiansk, Kharkiv": the admin area written beside the name picks the place.
    assert places.geocode("Kupiansk", hints=("Kharkiv",)).admin1.startswith("Kharkiv")
    assert places.geocode("Paris", ["Canada"]).country == "Canada"


def test_geonames_text_file(tmp_path: Path) -> None:
    path = tmp_path / "SO.txt"
    path.write_text(HAMLET + "\n", encoding="utf-8")
    entries = gazetteer.load_user_gazetteer(path)
    assert {spelling for spelling, _ in entries} == {"Qorxoqabad", "Qorxo Qabad", "Korkhokabad"}
    assert {e.name for _, e in entries} == {"Qorxoqabad"}
    assert places.geocode("Qorxoqabad") is None
    with places.extra_gazetteers([str(path)]):
        found = places.geocode("Korkhokabad")
    assert (found.name, found.country, found.admin1) == ("Qorxoqabad", "Somalia",
                                                          "Lower Shabeelle")


def test_csv_gazetteer_in_extract(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,latitude,longitude,country,admin1\n"
                    "Qorxoqabad,2.5,45.25,SO,Lower Shabeelle\n", encoding="utf-8")
    text = "Gunmen attacked a convoy near Qorxoqabad on Monday."
    df = extract(text, "2024-05-08", gazetteers=[path])
    row = df[df["trigger"] == "attack"].iloc[0]
    assert (row["place"], row["country"], row["admin1"], row["geo_precision"]) == (
        "Qorxoqabad", "Somalia", "Lower Shabeelle", 2)
    assert extract(text, "2024-05-08")["place"].iloc[0] == ""


@pytest.mark.parametrize(("content", "problem"), [
    ("name,lat\nX,1\n", "needs the columns name, latitude, longitude"),
    ("name,latitude,longitude\nX,north,1\n", ":2: 'north' is not a coordinate"),
    ("a\tb\tc\n" + HAMLET + "\n", "expected 19 tab-separated"),
])
def test_bad_gazetteer_names_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(HAMLET + "\n" + content if "\t" in content else content, encoding="utf-8")
    with pytest.raises(ResourceError, match="bad.txt") as error:
        gazetteer.load_user_gazetteer(path)
    assert problem in str(error.value)


def test_cli_gazetteer_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    places_csv = tmp_path / "places.csv"
    places_csv.write_text("name,latitude,longitude,country\nQorxoqabad,2.5,45.25,SO\n",
                          encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text("Gunmen attacked a convoy near Qorxoqabad on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--published", "2024-05-08",
                                       "--gazetteer", str(places_csv), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Qorxoqabad,2.5,45.25,Somalia" in result.output
    missing = CliRunner().invoke(main, ["extract", str(article), "--gazetteer",
                                        str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and "none.csv" in missing.output


def test_unwritable_cache_falls_back_then_says_why(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(gazetteer, "index_path", lambda: tmp_path / "nowhere" / "x.sqlite")
    monkeypatch.setattr(gazetteer, "build_index", refuse)
    monkeypatch.setattr(gazetteer.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    with pytest.raises(ResourceError, match="read-only file system"):
        gazetteer._connection(-1)


def _somali_report(tmp_path: Path) -> tuple[Path, Path]:
    places_csv = tmp_path / "places.csv"
    places_csv.write_text("name,latitude,longitude,country\nQorxoqabad,2.5,45.25,SO\n",
                          encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text("Gunmen attacked a convoy near Qorxoqabad on Monday.", encoding="utf-8")
    return places_csv, article


def _store_places(path: Path) -> set[tuple[str, str]]:
    from timeline.store import Store

    frame = Store(path).events()
    return set(zip(frame["place"], frame["country"]))


def test_cli_ingest_gazetteer_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    places_csv, article = _somali_report(tmp_path)
    store = tmp_path / "somalia.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(article), "--store", str(store),
                                       "--published", "2024-05-08", "--gazetteer",
                                       str(places_csv), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert ("Qorxoqabad", "Somalia") in _store_places(store)
    missing = CliRunner().invoke(main, ["ingest", str(article), "--store", str(store),
                                        "--gazetteer", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and "none.csv" in missing.output


def test_dask_workers_get_the_gazetteer_content(tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from timeline.store import Store

    places_csv, article = _somali_report(tmp_path)
    store = tmp_path / "dask.duckdb"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = Store(store).ingest(str(article), "2024-05-08", client=client,
                                      gazetteers=[str(places_csv)])
    assert summary.new == 1 and summary.failed == 0
    assert ("Qorxoqabad", "Somalia") in _store_places(store)


def test_worker_reads_shipped_gazetteer_without_the_client_file(tmp_path: Path) -> None:
    import io

    import pandas as pd

    from timeline.model import Article
    from timeline.store.distributed import extract_partition

    article = Article(id="a", body="Gunmen attacked a convoy near Qorxoqabad on Monday.")
    shipped = [("places.csv", b"name,latitude,longitude,country\nQorxoqabad,2.5,45.25,SO\n")]
    data, errors = extract_partition([article], "2024-05-08", {}, shipped)
    frame = pd.read_parquet(io.BytesIO(data))
    assert not errors and set(frame["place"]) == {"Qorxoqabad"}


def test_geonames_admin1_code_becomes_its_name(tmp_path: Path) -> None:
    # Real country files carry codes: "07" is Kharkiv oblast in GeoNames' UA table
    # (the code Kharkiv itself carries in the bundled cities500); admin-2 codes stay.
    row = HAMLET.replace("\tSO\t\tLower Shabeelle\t", "\tUA\t\t07\t")
    row = row.split("\t")
    row[11] = "6312345"
    path = tmp_path / "UA.txt"
    path.write_text("\t".join(row) + "\n", encoding="utf-8")
    entry = dict(gazetteer.load_user_gazetteer(path))["Qorxoqabad"]
    assert (entry.country_code, entry.admin1, entry.admin2) == (
        "UA", "Kharkivs’ka Oblast’", "6312345")
    unknown = tmp_path / "XX.txt"
    unknown.write_text("\t".join([*row[:10], "99", *row[11:]]) + "\n", encoding="utf-8")
    assert dict(gazetteer.load_user_gazetteer(unknown))["Qorxoqabad"].admin1 == "99"


def test_spelling_blind_lookup() -> None:
    # Spaces, hyphens, apostrophes and doubled letters do not count.
    assert gazetteer.loose_key("Ceel Buur") == gazetteer.loose_key("Ceelbuur") == "celbur"
    assert gazetteer.loose_key("Bu’aale") == gazetteer.loose_key("Buaale")
    assert {e.name for e in gazetteer.lookup_loose("Dhuusa Mareeb")} == {"Dhuusamarreeb"}
    assert gazetteer.lookup_loose("Ceelbuur") == []  # the exact name is no other spelling
    # Chosen by the admin area written beside it, or the article's country.
    assert places.geocode("Ceel Buur", hints=("Galgaduud",)).country == "Somalia"
    assert places.geocode("Ceel Buur", ("Somalia",)).name == "Ceelbuur"
    assert places.geocode("Ceel Buur", ("Kenya",)) is None
    assert places.geocode("Ceel Buur", hints=("Nairobi",)) is None
    # A name with trailing punctuation is still the country, not a village GeoNames
    # also calls "Ukraine"; short words are not looked up loosely.
    assert places.geocode("Ukraine -").precision == "country"
    assert gazetteer.loose_key("Three") and places.geocode("Thre e") is None


def test_user_gazetteer_spelling_blind(tmp_path: Path) -> None:
    path = tmp_path / "SO.txt"
    path.write_text(HAMLET + "\n", encoding="utf-8")
    with places.extra_gazetteers([str(path)]):
        found = places.geocode("Qorxo-Qabaad")
    assert (found.name, found.admin1) == ("Qorxoqabad", "Lower Shabeelle")

import pytest

from timeline.text.dateline import dateline_end


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("GAZIANTEP, Turkey — Rescuers dug through the rubble.", "GAZIANTEP, Turkey — "),
        ("HONG KONG — Hong Kong's leader said on Monday.", "HONG KONG — "),
        ("KYIV, Jan 19 (Reuters) - Ukraine said.", "KYIV, Jan 19 (Reuters) - "),
        ("WASHINGTON (AP) — The top US officer met.", "WASHINGTON (AP) — "),
        ("GAZA CITY, Palestinian Territories, Nov 14, 2023 (AFP) - Israeli strikes killed 15.",
         "GAZA CITY, Palestinian Territories, Nov 14, 2023 (AFP) - "),
        ("KABUL (AFP) - A suicide bomber killed 20.", "KABUL (AFP) - "),
        # AFP and dpa print the place capitalised, then the agency, maybe the date.
        ("Kyiv (AFP) – Russian forces took the village.", "Kyiv (AFP) – "),
        ("Moscow (dpa) - Russia held a parade.", "Moscow (dpa) - "),
        ("Paris (AFP) – Thursday 23 March 2023 – Protesters clashed.",
         "Paris (AFP) – Thursday 23 March 2023 – "),
        ("Gaza City, Palestinian Territories (AFP) - Strikes killed 15.",
         "Gaza City, Palestinian Territories (AFP) - "),
        ("Police told Agence France-Presse (AFP) - on Tuesday.", ""),
        ("Russian forces (pictured) - took the village.", ""),
        ("The top US and Ukrainian military officers held a meeting.", ""),
        ("US General Mark Milley met his counterpart.", ""),
        # Wire slugs before a headline are blanked like datelines.
        ("UPDATE 1-Fighting rages at airport", "UPDATE 1-"),
        ("RPT-For embattled Ukraine rebels, no time to honour the dead", "RPT-"),
        ("EXCLUSIVE-Over 100 Russian soldiers killed", "EXCLUSIVE-"),
        ("UKRAINE-RUSSIA talks stall", ""),
        ("UPDATES-to the software", ""),
    ],
)
def test_dateline_end(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline

import pytest

from timeline.text.boilerplate import is_headline, split_trailing

PROSE = (
    "The minister said on Tuesday that talks would continue.\n"
    "Officials declined to comment on the timing of the next round.\n"
)
HEADLINES = (
    "Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran\n"
    "Israel Approves West Bank Measures Expanding Settler Land Access\n"
    "Japan Election 2026: Sanae Takaichi Poised for Landslide Win\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Israel Approves West Bank Measures Expanding Settler Land Access", True),
        ("Trump Says “Very Good Talks” Underway on Russia-Ukraine War", True),
        ("The minister said on Tuesday that talks would continue.", False),
        ("officials declined to comment on the timing of the talks", False),
        ("Ukraine", False),
        ("", False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected, line


def test_trailing_headlines_are_split_off_and_body_is_a_prefix() -> None:
    text = PROSE + "\n\n" + HEADLINES
    body, trailing = split_trailing(text)
    assert body == PROSE + "\n\n"
    assert trailing == HEADLINES
    assert text.startswith(body)


def test_fewer_than_three_headline_lines_stay_in_the_body() -> None:
    text = PROSE + "Israel Approves West Bank Measures\nJapan Election Results Due\n"
    assert split_trailing(text) == (text, "")


def test_a_text_of_only_headlines_is_kept_whole() -> None:
    assert split_trailing(HEADLINES) == (HEADLINES, "")


def test_prose_after_headlines_means_no_trailing_block() -> None:
    text = HEADLINES + PROSE
    assert split_trailing(text) == (text, "")


def test_seed_trailing_headlines_are_split_off(seed_text: str) -> None:
    body, trailing = split_trailing(seed_text)
    assert body.rstrip().endswith("in the coming months.")
    assert trailing.startswith("Anutin’s Bhumjaithai Party Wins Thai Election")
    assert "2026" not in body


# Interleaved boilerplate (issue 8, point 4): each form is blanked in place and returned.
STORY = "KHARTOUM, April 15 (Reuters) - Fighting broke out in Khartoum on Saturday.\n"
END = "Residents fled on Sunday, witnesses said.\n"


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("| Date | Headline |\n|---|---|\n| April 17, 2026 | Sudan talks resume |\n", "table"),
        ("Home | World | Africa | Sudan\n", "table"),
        ("- [Sudan talks resume](https://example.com/a)\n- Sudan army says it holds airport\n",
         "bullet"),
        ("Related\nSudan talks resume\nWhat we know about the RSF\n", "heading"),
        ("Read more:\n- Sudan's war explained\n", "heading"),
        ("Most read\nSudan talks resume\n", "heading"),
        ("Sign up for our newsletter\n", "heading"),
        ("Most Read\n1. Pound plunges to 31-year low\n2. What happens next?\n", "heading"),
        ("1. Pound plunges to 31-year low\n2. What happens next?\n", "bullet"),
        ("READ MORE: Sudan's war: what happened on April 15, 2026\n", "promo"),
        ("Advertisement\n", "promo"),
        ("By Khalid Abdelaziz, Reuters\n", "byline"),
        ("By AP writer\n", "byline"),
        ("Rescue workers search the rubble in Antakya, Tuesday, Feb. 7, 2023. (AP Photo)\n",
         "caption"),
        ("Photo: Jane Doe/Reuters\n", "caption"),
    ],
)
def test_interleaved_boilerplate_is_blanked_and_kept(block: str, kind: str) -> None:
    from timeline.text.boilerplate import line_kind

    text = STORY + block + END
    body, removed = split_trailing(text)
    assert len(body) == len(text) and body.startswith(STORY) and body.endswith(END)
    assert body[len(STORY):-len(END)].strip() == ""  # offsets kept, the block blanked
    assert removed == block
    assert line_kind(block.splitlines()[0]) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the army had taken the airport.",
        "- The army said it had taken the airport on Saturday.",
        "TOKYO | Fri Mar 11, 2011 3:12am EST",
        "The fighting is related to a dispute over the airport.",
        "1. The army said it had taken the airport on Saturday.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    text = STORY + line + "\n" + END
    assert split_trailing(text) == (text, "")


def test_a_single_bullet_stays() -> None:
    text = STORY + "- Sudan army says it holds airport\n" + END
    assert split_trailing(text) == (text, "")


def test_headline_table_dates_are_not_read() -> None:
    from timeline.temporal.api import find_times
    from timeline.temporal.reference import infer_reference_date

    table = "| Date | Headline |\n|---|---|\n| April 17, 2026 | Sudan talks resume |\n"
    text = "KHARTOUM, April 15, 2023 (Reuters) - Fighting broke out on Saturday.\n" + table
    assert "2026" not in set(find_times(text, "2023-04-15")["value"].str[:4])
    assert infer_reference_date(text).value == "2023-04-15"


def _kind_examples() -> list[tuple[str, str]]:
    from timeline.resource_files import entries, read_bundled
    from timeline.text.boilerplate import RESOURCE

    return [(entry["id"], line) for entry in entries(read_bundled(RESOURCE), RESOURCE, "kinds")
            for line in entry["examples"]]


@pytest.mark.parametrize(("kind", "line"), _kind_examples())
def test_boilerplate_file_examples(kind: str, line: str) -> None:
    from timeline.text.boilerplate import line_kind

    assert line_kind(line) == kind, f"{line!r}: expected {kind!r}, got {line_kind(line)!r}"


def test_a_boilerplate_file_without_a_kind_names_the_file() -> None:
    from timeline.errors import RuleFileError
    from timeline.resource_files import read_bundled
    from timeline.text.boilerplate import RESOURCE, compile_boilerplate

    data = dict(read_bundled(RESOURCE))
    data["kinds"] = [k for k in data["kinds"] if k["id"] != "byline"]
    with pytest.raises(RuleFileError, match=r"my_boilerplate.yaml: kinds must be .*missing \['byline'\]"):
        compile_boilerplate(data, "my_boilerplate.yaml")
    data["kinds"] = [*data["kinds"], {"id": "table", "examples": ["| a | b |"]}]
    with pytest.raises(RuleFileError, match="my_boilerplate.yaml, entry 'table': duplicate id"):
        compile_boilerplate(data, "my_boilerplate.yaml")


def _not_examples() -> list[str]:
    from timeline.resource_files import entries, read_bundled
    from timeline.text.boilerplate import RESOURCE

    return [line for entry in entries(read_bundled(RESOURCE), RESOURCE, "kinds")
            for line in entry.get("not_examples", [])]


@pytest.mark.parametrize("line", _not_examples())
def test_agency_datelines_are_not_credits(line: str) -> None:
    from timeline.text.boilerplate import line_kind

    assert line_kind(line) == "", line
    text = line + "\n" + END
    assert split_trailing(text) == (text, "")


@pytest.mark.parametrize(
    "lead",
    [
        "GAZA CITY, Palestinian Territories, Nov 14, 2023 (AFP) - Israeli air strikes killed "
        "at least 15 people in the southern Gaza Strip overnight, the health ministry said Tuesday.",
        "KABUL (AFP) - A suicide bomber killed at least 20 people at a mosque in northern "
        "Afghanistan on Friday, police said.",
    ],
)
def test_afp_lead_paragraph_makes_an_event(lead: str) -> None:
    import warnings

    from timeline.pipeline import extract
    from timeline.text.dateline import dateline_end

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extract(lead + "\n\nThe Islamic State group claimed the attack.\n", "2023-11-14")
    # The lead's sentence starts at its first word, just after the dateline.
    assert (events["sentence_start"] == dateline_end(lead)).any(), events["sentence"].tolist()
    assert "kill" in set(events["trigger"])
    assert events.loc[events["trigger"] == "kill", "fatalities"].tolist()[0] >= 15


AP_STORY = (
    "NAIROBI, Kenya (AP) — Kenyan police fired tear gas at protesters in Nairobi on Monday.\n\n"
    "Police arrested 238 people, the interior minister said on Tuesday.\n\n"
)
AP_FOOTER = (
    "___\n\n"
    "Associated Press writer Evelyne Musambi contributed to this report.\n\n"
    "Copyright 2023 The Associated Press. All rights reserved.\n"
)


def test_wire_footers_are_boilerplate_and_their_year_is_kept() -> None:
    from timeline.text.boilerplate import notice_years

    body, removed = split_trailing(AP_STORY + AP_FOOTER)
    assert body.startswith(AP_STORY) and not body[len(AP_STORY):].strip()
    assert "contributed" in removed and "Copyright 2023" in removed
    assert notice_years(removed) == [2023]
    assert notice_years(AP_STORY) == []


def test_wire_footers_make_no_event() -> None:
    import warnings

    from timeline.pipeline import extract

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        events = extract(AP_STORY + AP_FOOTER, "2023-03-21")
    assert not events["sentence"].str.contains("Copyright|contributed").any()
    assert "2023" not in set(events["time_text"].astype(str))


def test_news_captions_are_the_credited_ones_not_archive_photos() -> None:
    from timeline.text.boilerplate import news_captions

    lines = "\n".join([
        "Rescue workers search the rubble in Antakya, Tuesday, Feb. 7, 2023. (AP Photo/Hussein Malla)",
        "FILE - Rescue workers in Antakya, Feb. 7, 2023. (AP Photo/Hussein Malla, File)",
        "Protesters march in Paris on March 23, 2023. REUTERS/Benoit Tessier",
        "Image caption, Mourners gather where 364 people were killed on 7 October 2023",
        "The army said it had taken the airport on Saturday.",
    ])
    assert news_captions(lines) == [
        "Rescue workers search the rubble in Antakya, Tuesday, Feb. 7, 2023. (AP Photo/Hussein Malla)",
        "Protesters march in Paris on March 23, 2023. REUTERS/Benoit Tessier",
    ]

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

"""Parse a user-supplied publication date into a pandas Timestamp."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd


def parse_published(value: object) -> pd.Timestamp | None:
    """Return ``value`` as a timezone-naive Timestamp, or None when it is None.

    Accepts a str (ISO 8601 or a common written form), date, datetime or Timestamp.
    Raises ``ValueError`` naming the value when it cannot be parsed.
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        stamp = value
    elif isinstance(value, (datetime, date)):
        stamp = pd.Timestamp(value)
    elif isinstance(value, str):
        stamp = _parse_string(value)
    else:
        raise ValueError(f"cannot parse published date {value!r}: expected str, date or datetime")
    if pd.isna(stamp):
        raise ValueError(f"cannot parse published date {value!r}")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(None)
    return stamp


def _parse_string(value: str) -> pd.Timestamp:
    text = value.strip()
    if not text:
        raise ValueError(f"cannot parse published date {value!r}: it is empty")
    try:
        return pd.Timestamp(text)
    except (ValueError, OverflowError):
        pass
    import dateparser  # slow to import; only needed for written-out dates

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        raise ValueError(f"cannot parse published date {value!r}")
    return pd.Timestamp(parsed)

"""TimeML (``.tml``): the text with its time expressions tagged as ``<TIMEX3>``.

The file is what TempEval corpora hold: a ``<DOCID>``, the document creation time as
``<DCT><TIMEX3 tid="t0" type="DATE" value="..." functionInDocument="CREATION_TIME">``
and the ``<TEXT>`` with one ``<TIMEX3 tid type value>`` around each expression found
by ``find_times``. The writer needs the text itself, which the frame does not hold:
``find_times`` puts it in ``df.attrs["text"]`` and the reference day in
``df.attrs["reference_date"]`` (see :data:`TEXT_ATTR`). TIMEX3 cannot nest, so an
expression overlapping an earlier one is left untagged. Characters XML 1.0 cannot
hold become U+FFFD, one for one, so offsets stay those of the text.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from timeline.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

#: ``df.attrs`` keys: the text the offsets count in, the reference day (ISO), an id.
TEXT_ATTR = "text"
REFERENCE_ATTR = "reference_date"
DOC_ID_ATTR = "doc_id"
DEFAULT_DOC_ID = "document"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_timeml(df: pd.DataFrame, stream: IO[str]) -> None:
    """Write the text in ``df.attrs`` with the expressions of ``df`` as TIMEX3 tags."""
    text = df.attrs.get(TEXT_ATTR)
    if not isinstance(text, str):
        raise InputError("TimeML", "the frame carries no text (df.attrs['text']): "
                         "write the frame find_times returns")
    doc_id = str(df.attrs.get(DOC_ID_ATTR) or DEFAULT_DOC_ID)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n')
    stream.write(f"<DOCID>{escape(doc_id)}</DOCID>\n")
    stream.write(_dct(str(df.attrs.get(REFERENCE_ATTR) or "")))
    stream.write("<TEXT>" + tagged(text, _spans(df)) + "</TEXT>\n</TimeML>\n")


def _dct(day: str) -> str:
    if not day:
        return ""
    value = quoteattr(day)
    return (f'<DCT><TIMEX3 tid="t0" type="DATE" value={value} temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{escape(day)}</TIMEX3></DCT>\n')


def _spans(df: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of expressions that do not overlap an earlier one."""
    rows = sorted(zip(df["start_char"], df["end_char"], df["type"].astype(str),
                      df["value"].astype(str)))
    kept: list[tuple[int, int, str, str]] = []
    for start, end, kind, value in rows:
        if end > start and (not kept or start >= kept[-1][1]):
            kept.append((int(start), int(end), kind, value))
    return kept


def tagged(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` XML-escaped, each span wrapped in a numbered ``<TIMEX3>``."""
    clean = _NOT_XML.sub("\ufffd", text)
    parts: list[str] = []
    at = 0
    for number, (start, end, kind, value) in enumerate(spans, start=1):
        parts.append(_escape(clean[at:start]))
        parts.append(f'<TIMEX3 tid="t{number}" type={quoteattr(kind)} value={quoteattr(value)}>'
                     f"{_escape(clean[start:end])}</TIMEX3>")
        at = end
    parts.append(_escape(clean[at:]))
    return "".join(parts)


def _escape(text: str) -> str:
    # A raw carriage return would be folded into the newline by every XML parser.
    return escape(text).replace("\r", "&#13;")


def timeml_attrs(frame: pd.DataFrame, text: str, reference: Any) -> pd.DataFrame:
    """Put ``text`` and the reference day into ``frame.attrs`` for :func:`write_timeml`."""
    frame.attrs[TEXT_ATTR] = text
    from timeline.model import Reference

    day = reference.day if isinstance(reference, Reference) else reference
    frame.attrs[REFERENCE_ATTR] = day.strftime("%Y-%m-%d") if hasattr(day, "strftime") else ""
    return frame

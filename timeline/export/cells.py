"""Cell values shared by the writers: lists, missing values, and formula protection.

Spreadsheets run a cell as a formula when its first non-blank character is ``=``,
``+``, ``-`` or ``@`` (LibreOffice and Excel also accept the fullwidth forms, and skip
leading spaces, newlines and no-break spaces before looking). :func:`escape_cell` puts
a ``'`` in front of such text so it is shown as text; :func:`unescape_cell` takes that
``'`` off again and nothing else, so ``unescape_cell(escape_cell(s)) == s`` for every
string ``s``. Every writer of spreadsheet cells (CSV today) uses the pair.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from timeline.vocab import LIST_SEPARATOR

if TYPE_CHECKING:  # pandas is imported lazily: ``timeline --help`` must stay fast
    import pandas as pd

#: Joins the items of a list cell in CSV and in the terminal table.
#: Put in front of a cell a spreadsheet would otherwise run as a formula.
FORMULA_PREFIX = "'"
#: First non-blank characters that make a spreadsheet read a cell as a formula,
#: ASCII and fullwidth.
FORMULA_CHARACTERS = "=+-@\uff1d\uff0b\uff0d\uff20"
#: Leading characters that are dangerous on their own (a field separator or line end
#: some importers act on), whatever follows.
FORMULA_LEADS = "\t\r"
#: Invisible characters a spreadsheet may skip before the first visible one, besides
#: Unicode whitespace (``\\s`` in ``re``: what ``str.isspace`` calls space).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

# A cell that runs as a formula: a dangerous lead, or blanks then a formula character.
# The possessive ``*+`` never gives blanks back, so matching is linear.
_FORMULA = rf"[{FORMULA_LEADS}]|[\s{_INVISIBLE}]*+[{re.escape(FORMULA_CHARACTERS)}]"
_RUNS = re.compile(_FORMULA)
# What escape_cell prefixes: a formula, or the prefix before a formula or before
# another prefix, so that reading strips exactly one (see unescape_cell).
_ESCAPED = re.compile(rf"{FORMULA_PREFIX}?(?:{_FORMULA})|{FORMULA_PREFIX}{FORMULA_PREFIX}")


def runs_as_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (see module docs)."""
    return _RUNS.match(text) is not None


def escape_cell(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula.

    Text that already starts with ``'`` is prefixed once more when the rest is
    formula-like or starts with ``'`` itself, so that reading strips exactly one.
    """
    return FORMULA_PREFIX + text if _ESCAPED.match(text) else text


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell`: strip the ``'`` it added, and only that."""
    if text[:1] == FORMULA_PREFIX and _ESCAPED.match(text, 1):
        return text[1:]
    return text


def escape_value(value: object) -> object:
    """:func:`escape_cell` for strings; other values (numbers, None) pass through."""
    return escape_cell(value) if isinstance(value, str) else value


def is_list(value: object) -> bool:
    """True for a list cell; Parquet hands them back as numpy arrays."""
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def is_missing(value: object) -> bool:
    """True for None, NaN and NaT (never for a list, even an empty one)."""
    import pandas as pd

    return value is None or (not is_list(value) and bool(pd.isna(value)))


def join_list(value: object) -> str:
    """A list cell as one string, items joined with :data:`LIST_SEPARATOR`."""
    if is_list(value):
        return LIST_SEPARATOR.join(str(item) for item in value)  # type: ignore[union-attr]
    return "" if is_missing(value) else str(value)


def split_list(value: object) -> list[str]:
    """Undo :func:`join_list`; an empty cell is an empty list."""
    if is_list(value):
        return [str(item) for item in value]  # type: ignore[union-attr]
    if is_missing(value) or value == "":
        return []
    return str(value).split(LIST_SEPARATOR)


def list_columns(df: pd.DataFrame) -> list[str]:
    """Object columns whose cells are lists (by schema or by looking at them)."""
    from timeline import schema

    known = set(schema.LIST_COLUMNS) | _object_columns(schema.ACTOR_DTYPES, schema.PLACE_DTYPES)
    found = []
    for name in df.columns:
        column = df[name]
        if column.dtype != object:
            continue
        if name in known or any(is_list(v) for v in column.head(50)):
            found.append(name)
    return found


def _object_columns(*specs: dict[str, str]) -> set[str]:
    return {name for spec in specs for name, dtype in spec.items() if dtype == "object"}


def is_text(column: pd.Series) -> bool:
    """True for columns of text: str, object or category (never numbers or dates)."""
    import pandas as pd

    dtype: Any = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return True
    return pd.api.types.is_string_dtype(dtype) or dtype == object

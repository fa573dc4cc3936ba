"""One table of the formats a timeline is written in and read back from.

Every user of formats reads :data:`FORMATS`: the ``--format`` choices and ``-o``
suffixes of ``timeline times`` and ``timeline extract``, the dashboard's downloads and
the README's format table (a test checks it lists every entry).

To add a format, write ``write_<name>(df, stream)`` (and ``read_<name>(path)`` when it
can be read back) in a module of this package and add one :class:`Format` to
``_TABLE``. A text writer gets a text stream (UTF-8, no newline translation), a binary
one a byte stream; a writer that needs more than the frame (the article text, say)
reads it from ``df.attrs``. A reader returns the frame as stored, and
:func:`read_timeline` restores its dtypes.

Every file is written atomically (:mod:`timeline.atomic`): a failed or interrupted
write leaves neither a partial output file nor the temporary file behind.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from timeline.atomic import atomic_path
from timeline.errors import InputError
from timeline.export.acled import from_acled, looks_like_acled, read_acled, write_acled
from timeline.export.csv import read_csv, write_csv
from timeline.export.geo import read_geojson, write_geojson
from timeline.export.jsonl import read_json, read_jsonl, write_json, write_jsonl
from timeline.export.network import write_gexf, write_graphml
from timeline.export.parquet import read_parquet, write_parquet
from timeline.export.table import write_table
from timeline.export.timelinejs import write_timelinejs
from timeline.export.timeml import write_timeml
from timeline.export.timesketch import read_timesketch_csv, read_timesketch_jsonl
from timeline.export.timesketch import write_timesketch_csv, write_timesketch_jsonl
from timeline.export.xlsx import read_xlsx, write_xlsx

if TYPE_CHECKING:  # pandas is imported lazily: ``timeline --help`` must stay fast
    import pandas as pd

    from timeline.export.dtypes import DtypeSpec

#: The frames a format can hold: the event timeline (``extract``, the dashboard) and
#: the time expressions of ``find_times`` (``timeline times``).
Frame = Literal["events", "times"]
EVENTS: Frame = "events"
TIMES: Frame = "times"
_ANY_FRAME: frozenset[Frame] = frozenset({EVENTS, TIMES})
_EVENTS_ONLY: frozenset[Frame] = frozenset({EVENTS})

Writer = Callable[["pd.DataFrame", IO[Any]], None]
Reader = Callable[[Path], "pd.DataFrame"]


@dataclasses.dataclass(frozen=True)
class Format:
    """One output format: its name on the command line and everything about it."""

    name: str
    #: What a person calls it: the dashboard's download label, the README.
    label: str
    #: File suffixes (lower case) that pick this format; the first one is used for
    #: downloads.
    suffixes: tuple[str, ...]
    write: Writer
    #: None for a format that is written only.
    read: Reader | None
    #: Binary formats are never written to standard output.
    binary: bool
    frames: frozenset[Frame] = _ANY_FRAME
    #: Offered as a dashboard download (of the filtered events).
    download: bool = True

    @property
    def suffix(self) -> str:
        """The suffix a file of this format gets by default."""
        return self.suffixes[0]


_TABLE: tuple[Format, ...] = (
    Format("csv", "CSV", (".csv",), write_csv, read_csv, binary=False),
    Format("jsonl", "JSON Lines", (".jsonl", ".ndjson"), write_jsonl, read_jsonl, binary=False),
    Format("json", "JSON", (".json",), write_json, read_json, binary=False),
    Format("parquet", "Parquet", (".parquet", ".pq"), write_parquet, read_parquet, binary=True),
    Format("xlsx", "Excel", (".xlsx",), write_xlsx, read_xlsx, binary=True),
    Format(
        "table", "text table", (".txt",), write_table, None, binary=False, download=False,
    ),
    Format("timelinejs", "TimelineJS", (".timeline.json",), write_timelinejs, None,
           binary=False, frames=_EVENTS_ONLY),
    Format("timesketch", "Timesketch CSV", (".timesketch.csv",), write_timesketch_csv,
           read_timesketch_csv, binary=False, frames=_EVENTS_ONLY),
    Format("timesketch-jsonl", "Timesketch JSON Lines", (".timesketch.jsonl",),
           write_timesketch_jsonl, read_timesketch_jsonl, binary=False, frames=_EVENTS_ONLY),
    Format("acled", "ACLED CSV", (".acled.csv",), write_acled, read_acled, binary=False,
           frames=_EVENTS_ONLY),
    Format("geojson", "GeoJSON", (".geojson",), write_geojson, read_geojson, binary=False,
           frames=_EVENTS_ONLY),
    Format("gexf", "GEXF actor network", (".gexf",), write_gexf, None, binary=True,
           frames=_EVENTS_ONLY),
    Format("graphml", "GraphML actor network", (".graphml",), write_graphml, None,
           binary=True, frames=_EVENTS_ONLY),
    Format("timeml", "TimeML", (".tml",), write_timeml, None, binary=False,
           frames=frozenset({TIMES}), download=False),
)

#: Every format by name, in the order of the table.
FORMATS: dict[str, Format] = {entry.name: entry for entry in _TABLE}


def names(frame: Frame | None = None) -> tuple[str, ...]:
    """Names of the formats that can hold ``frame`` (every format when None)."""
    return tuple(name for name, fmt in FORMATS.items() if frame is None or frame in fmt.frames)


def downloads() -> tuple[Format, ...]:
    """The formats the dashboard offers for its filtered events."""
    return tuple(fmt for fmt in FORMATS.values() if fmt.download and EVENTS in fmt.frames)


def known(frame: Frame | None = None) -> str:
    """The formats for ``frame`` and their suffixes, for messages: ``csv (.csv), ...``."""
    return ", ".join(f"{name} ({', '.join(FORMATS[name].suffixes)})" for name in names(frame))


def get(name: str) -> Format:
    """The format called ``name``; :class:`InputError` names the known ones."""
    fmt = FORMATS.get(name.lower())
    if fmt is None:
        raise InputError(f"format {name!r}", f"unknown format; known formats: {known()}")
    return fmt


def for_suffix(path: str | os.PathLike[str]) -> Format | None:
    """The format the end of the file name of ``path`` names, or None.

    The longest suffix that fits wins, so a format may claim ``.ts.jsonl`` while
    ``.jsonl`` stays JSON Lines.
    """
    name = Path(path).name.lower()
    fits = [(len(s), fmt) for fmt in FORMATS.values() for s in fmt.suffixes if name.endswith(s)]
    return max(fits, key=lambda fit: fit[0])[1] if fits else None


def format_for(path: str | os.PathLike[str], default: str | None = None) -> str:
    """The name of the format the suffix of ``path`` implies, else ``default``.

    Raises :class:`InputError` when the suffix is unknown and there is no default.
    """
    fmt = for_suffix(path)
    if fmt is not None:
        return fmt.name
    if default is None:
        raise InputError(str(path), f"cannot tell the format from the suffix; known: {known()}")
    return default


def choose(output: str | None, name: str | None, frame: Frame, default: str) -> Format:
    """The format to write ``frame`` in: ``name``, else the suffix of ``output``, else ``default``.

    An output path without a suffix gets ``default``; an unknown suffix, a format that
    cannot hold ``frame`` or a binary format bound for standard output (``output``
    None) raises :class:`InputError` saying what to give instead.
    """
    if name is not None:
        fmt, source = get(name), f"--format {name}"
        _check_suffix(output, fmt)
    elif output is not None and Path(output).suffix:
        found = for_suffix(output)
        if found is None:
            problem = f"unknown suffix {Path(output).suffix!r}; known formats: {known(frame)}"
            raise InputError(f"-o {output}", problem + "; or give --format")
        fmt, source = found, f"-o {output}"
    else:
        fmt, source = get(default), f"--format {default}"
    if frame not in fmt.frames:
        problem = f"this command does not write {fmt.name}; its formats: {known(frame)}"
        raise InputError(source, problem)
    if fmt.binary and output is None:
        raise InputError(source, f"{fmt.name} is binary: give -o/--output PATH to write it")
    return fmt


def _check_suffix(output: str | None, fmt: Format) -> None:
    """Refuse ``-o`` whose suffix names another format than ``fmt`` (CSV into ``.xlsx``).

    A suffix no format claims is left to ``--format``; a compound suffix agrees when
    its last part does (``--format csv -o x.timesketch.csv`` is CSV text all the same).
    """
    if output is None or for_suffix(output) is None:
        return
    ends = {"." + suffix.rsplit(".", 1)[-1] for suffix in fmt.suffixes}
    if Path(output).suffix.lower() not in ends:
        named = for_suffix(output).name  # type: ignore[union-attr]
        raise InputError(f"-o {output}", f"the suffix says {named}, but --format says "
                                         f"{fmt.name}; change one of them")


# -- writing ---------------------------------------------------------------------------


def write_file(df: pd.DataFrame, path: str | os.PathLike[str], fmt: str | None = None) -> None:
    """Write ``df`` to ``path`` atomically, in ``fmt`` or the format its suffix implies."""
    entry = get(fmt or format_for(path))
    with atomic_path(path) as temp:
        with _open(temp, entry) as stream:
            entry.write(df, stream)


def to_csv(df: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``df`` to ``path`` as spreadsheet-safe CSV, atomically."""
    write_file(df, path, "csv")


def write_frame(df: pd.DataFrame, output: str | None, fmt: str) -> None:
    """Write ``df`` to the file ``output`` (atomically) or, when it is None or ``-``, to stdout.

    A binary format is never written to standard output: that raises :class:`InputError`.
    """
    entry = get(fmt)
    if output is not None and output != "-":
        write_file(df, output, entry.name)
        return
    if entry.binary:
        raise InputError(
            f"--format {entry.name}", "cannot be written to standard output; give -o/--output PATH"
        )
    entry.write(df, sys.stdout)
    sys.stdout.flush()


def to_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """``df`` in ``fmt`` as the bytes a file would hold (for downloads)."""
    entry = get(fmt)
    buffer = io.BytesIO()
    if entry.binary:
        entry.write(df, buffer)
        return buffer.getvalue()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    entry.write(df, stream)
    stream.flush()
    data = buffer.getvalue()
    stream.detach()  # leave the buffer to the garbage collector, not to the wrapper
    return data


def _open(path: Path, entry: Format) -> IO[Any]:
    if entry.binary:
        return open(path, "wb")
    return open(path, "w", encoding="utf-8", newline="")


# -- reading ---------------------------------------------------------------------------


def read_timeline(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    dtypes: DtypeSpec | None = None,
) -> pd.DataFrame:
    """Read a frame written by :func:`write_file`, with its dtypes restored.

    ``fmt`` defaults to the format implied by the suffix. ``dtypes`` defaults to the
    schema the columns match: events, actors, places (:mod:`timeline.schema`) or time
    expressions (:mod:`timeline.temporal.frame`). A CSV with ACLED's columns is read
    as ACLED data (:mod:`timeline.export.acled`). Raises :class:`InputError` naming the
    file when it cannot be read.
    """
    from timeline.export.dtypes import restore_dtypes, schema_for

    entry = get(fmt or format_for(path))
    if entry.read is None:
        readable = ", ".join(name for name, f in FORMATS.items() if f.read is not None)
        raise InputError(str(path), f"cannot read {entry.name!r}; readable: {readable}")
    try:
        df = entry.read(Path(path))
        if entry.name == "csv" and looks_like_acled(df.columns):  # ACLED's own downloads
            df = from_acled(df)
    except (OSError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(str(path), f"cannot read as {entry.name}: {exc}") from exc
    spec = dtypes if dtypes is not None else schema_for(df.columns)
    try:
        return restore_dtypes(df, spec)
    except ValueError as exc:  # a cell that is not of its column's type
        raise InputError(str(path), f"cannot read as {entry.name}: {exc}") from exc

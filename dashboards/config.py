"""What a served dashboard opens on: a frozen config, built once per server.

``timeline serve`` builds a ``DashboardConfig`` from its options and hands it to the
app. ``panel serve dashboards/app.py`` has no such caller, so there the config comes
from ``--args`` and the environment variables named here (their only definition).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.vocab import BASIC_AUTH_ENV, FILE_ENV, PATHS_ENV, STORE_ENV, SYNTHETIC_ENV
from timeline.vocab import MAX_UPLOAD_ENV as UPLOAD_ENV

__all__ = ["BASIC_AUTH_ENV", "FILE_ENV", "PATHS_ENV", "STORE_ENV", "SYNTHETIC_ENV",
           "UPLOAD_ENV", "DashboardConfig"]

DEFAULT_MAX_UPLOAD_MB = 20.0


@dataclass(frozen=True)
class DashboardConfig:
    """Inputs of a served dashboard.

    ``paths`` are articles to extract, ``timeline_file`` a saved timeline, ``synthetic``
    > 0 a synthetic timeline of that many events (for trying the speed), ``store`` an
    event store (``timeline.Store``) read anew by each browser session, where the
    analyst's edits are kept; with none of them the bundled sample opens.
    ``max_upload_mb`` is the largest file the page accepts for upload.
    """

    paths: tuple[str, ...] = ()
    timeline_file: str | None = None
    synthetic: int = 0
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    store: str | None = None

    def __post_init__(self) -> None:
        if self.store and (self.paths or self.timeline_file or self.synthetic):
            raise ValueError("a dashboard over an event store opens the store alone: "
                             "ingest articles into it with `timeline ingest`")
        if not self.max_upload_mb > 0:
            raise ValueError(f"max_upload_mb must be positive, not {self.max_upload_mb!r}")
        if self.synthetic < 0:
            raise ValueError(f"synthetic must be 0 or more, not {self.synthetic!r}")

    @classmethod
    def from_environment(cls, argv: Sequence[str] = (),
                         environ: Mapping[str, str] | None = None) -> DashboardConfig:
        """The config of ``panel serve dashboards/app.py --args ...``: arguments first."""
        env = os.environ if environ is None else environ
        parser = argparse.ArgumentParser(prog="dashboards/app.py", add_help=False)
        parser.add_argument("paths", nargs="*")
        parser.add_argument("--timeline", default=None)
        parser.add_argument("--store", default=None)
        args, _unknown = parser.parse_known_args(list(argv))
        paths = tuple(args.paths) or tuple(
            p for p in env.get(PATHS_ENV, "").split(os.pathsep) if p)
        return cls(paths=paths, timeline_file=args.timeline or env.get(FILE_ENV) or None,
                   synthetic=int(_number(env, SYNTHETIC_ENV, 0)),
                   store=args.store or env.get(STORE_ENV) or None,
                   max_upload_mb=_number(env, UPLOAD_ENV, DEFAULT_MAX_UPLOAD_MB))


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    """The number in environment variable ``name`` (``default`` when unset or empty)."""
    raw = env.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise ValueError(f"environment variable {name}={raw!r} is not a number") from None

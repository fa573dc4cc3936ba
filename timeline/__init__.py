"""timeline: turn news articles into an event timeline of who did what, where and when.

The public API is imported lazily so that ``import timeline`` stays fast: spaCy,
dateparser and Panel load only when the function that needs them is first called.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "find_times": "timeline.temporal.api",
    "infer_reference_date": "timeline.temporal.reference",
    "choose_reference": "timeline.temporal.reference_choice",
    "read_articles": "timeline.articles",
    "extract": "timeline.pipeline",
    "actors": "timeline.pipeline",
    "places": "timeline.pipeline",
    "to_csv": "timeline.export",
    "read_timeline": "timeline.export",
    "write_frame": "timeline.export",
    "Article": "timeline.model",
    "TimeExpression": "timeline.model",
    "ReferenceDate": "timeline.model",
    "Reference": "timeline.model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

"""The temporal engine: find time expressions in news text and put them on the calendar.

``find_times`` and ``infer_reference_date`` are imported lazily so that importing the
package stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "find_times": "timeline.temporal.api",
    "infer_reference_date": "timeline.temporal.reference",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline.temporal' has no attribute {name!r}")
    return getattr(import_module(module), name)

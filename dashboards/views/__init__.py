"""The dashboard's views: one module each, every one a subclass of ``base.View``.

``default_views()`` finds them by importing each module of this package, so a new
view is its module (with an ``order``) and its test; nothing else lists them.
"""

from __future__ import annotations

import importlib
import pkgutil


def default_views() -> list[type]:
    """Every view class of this package with an ``order``, lowest first."""
    from dashboards.views.base import View

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    found: set[type] = set()
    pending = list(View.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith(f"{__name__}.") and cls.order is not None:
            found.add(cls)
    return sorted(found, key=lambda cls: (cls.order, cls.__name__))

"""The corpus layer: a persistent event store, incremental ingest, stories, analyst work.

``Store`` (``db.py``) keeps articles, events, stories and edits in one DuckDB file;
``ingest.py`` adds articles incrementally and survives being killed; ``stories.py``
merges events that report one happening; ``edits.py`` records the analyst's
corrections, notes and tags; ``distributed.py`` runs extraction on a Dask cluster.
"""

from __future__ import annotations

from timeline.store.db import Store
from timeline.store.filters import EventFilter

__all__ = ["EventFilter", "Store"]

"""Extraction on a Dask cluster: articles partitioned, events back as Parquet parts.

Each worker loads the spaCy model once (``load_nlp`` is cached per process) and turns
a partition of articles into one Parquet part. The client commits each part to the
store as it arrives, so a lost worker costs only its partition, which Dask retries.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from timeline.model import Article

#: Times Dask runs a partition again after its worker was lost.
RETRIES = 2


def connect(address: str) -> Any:
    """A ``dask.distributed.Client`` for the scheduler at ``address`` (``tcp://host:8786``)."""
    from dask.distributed import Client

    return Client(address)


def extract_partition(articles: Sequence[Article], published: Any, options: dict[str, Any],
                      gazetteers: Sequence[tuple[str, bytes]] = (),
                      ) -> tuple[bytes, dict[str, str]]:
    """Run on a worker: the partition's events as Parquet bytes, and errors by article id.

    ``gazetteers``: the user gazetteers' (file name, content), sent once to every worker
    (``Client.scatter``), since a worker machine need not have the client's files."""
    from timeline.store.ingest import extract_batch
    from timeline.threads import pin_threads

    pin_threads()
    paths = tuple(_local_copy(name, data) for name, data in gazetteers)
    frame, errors = extract_batch(articles, published,
                                  {**options, "n_process": 1, "gazetteers": paths})
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue(), errors


def _local_copy(name: str, data: bytes) -> str:
    """A worker-local file holding ``data``, named by its digest: written once per
    worker machine and content, so the gazetteer cache (by path) is reused."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "timeline-gazetteers" / f"{digest}-{name}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    return str(path)


def extract_on_cluster(client: Any, batches: Sequence[Sequence[Article]], published: Any,
                       options: dict[str, Any],
                       ) -> Iterator[tuple[list[Article], pd.DataFrame, dict[str, str]]]:
    """(batch, its events, errors) for each batch, in the order the workers finish."""
    import pandas as pd
    from dask.distributed import as_completed

    from timeline import schema

    clean = {key: value for key, value in options.items()
             if key not in {"progress", "gazetteers"}}
    files = [(Path(p).name, Path(p).read_bytes()) for p in options.get("gazetteers", ())]
    # Sent to every worker once, not with every partition.
    shipped = client.scatter(files, broadcast=True) if files else []
    futures = [client.submit(extract_partition, list(batch), published, clean, shipped,
                             retries=RETRIES, pure=False) for batch in batches]
    batch_of = {future.key: list(batch) for future, batch in zip(futures, batches)}
    for future in as_completed(futures):
        data, errors = future.result()
        frame = schema.coerce(pd.read_parquet(io.BytesIO(data)))
        yield batch_of[future.key], frame, errors
        future.release()

"""Extraction on a Dask cluster: articles partitioned, events back as Parquet parts.

Each worker loads the spaCy model once (``load_nlp`` is cached per process) and turns
a partition of articles into one Parquet part. The client commits each part to the
store as it arrives, so a lost worker costs only its partition, which Dask retries.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
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


def extract_partition(articles: Sequence[Article], published: Any,
                      options: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """Run on a worker: the partition's events as Parquet bytes, and errors by article id."""
    from timeline.store.ingest import extract_batch
    from timeline.threads import pin_threads

    pin_threads()
    frame, errors = extract_batch(articles, published, {**options, "n_process": 1})
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue(), errors


def extract_on_cluster(client: Any, batches: Sequence[Sequence[Article]], published: Any,
                       options: dict[str, Any],
                       ) -> Iterator[tuple[list[Article], pd.DataFrame, dict[str, str]]]:
    """(batch, its events, errors) for each batch, in the order the workers finish."""
    import pandas as pd
    from dask.distributed import as_completed

    from timeline import schema

    clean = {key: value for key, value in options.items() if key != "progress"}
    futures = [client.submit(extract_partition, list(batch), published, clean,
                             retries=RETRIES, pure=False) for batch in batches]
    batch_of = {future.key: list(batch) for future, batch in zip(futures, batches)}
    for future in as_completed(futures):
        data, errors = future.result()
        frame = schema.coerce(pd.read_parquet(io.BytesIO(data)))
        yield batch_of[future.key], frame, errors
        future.release()

"""Worker processes limit their math libraries to one thread each.

Two extraction processes on two cores only scale when neither spawns a pool of BLAS or
OpenMP threads of its own; every kind of worker (a local process pool, a Dask worker)
calls ``pin_threads`` before it starts work.
"""

from __future__ import annotations


def pin_threads() -> None:
    """Limit this process's math libraries (BLAS, OpenMP) to one thread."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)

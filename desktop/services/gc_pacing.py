"""How often Python's cycle collector runs while thousands of records are worked through.

A sync builds and drops hundreds of thousands of small objects a minute (values, rows, JSON); with
the interpreter's default (a young-generation collection every 700 allocations) the collector walks
them thousands of times, about 7 % of head office's time receiving a laptop's first sync
(``benchmarks/sync.py``).  Cycles are still collected, only less often; memory stays bounded by the
batch (200 records)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 50_000  # allocations between two young-generation collections during bulk work


def for_a_service() -> None:
    """Once, when the sync service has loaded everything it uses: what is loaded so far (modules,
    dictionaries, mappings) is never walked again, and the young generation is collected less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG, middle, old)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The young generation collected less often for the block's time (a laptop's sync); the
    thresholds as they were afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)

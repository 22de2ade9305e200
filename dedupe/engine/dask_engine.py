"""The scan on a Dask cluster (``pip install 'news-dedupe[dask]'``, ``dedupe scan --engine dask``).

The same stages as the local engine: per-document analysis (signatures included) as a map over
partitions; LSH band keys emitted per document and shuffled by key (``foldby``) into buckets whose
members become candidate pairs; verification, connected components and provenance on the client.
The report is identical to the local one (tested on the fixtures).
"""

from __future__ import annotations

import socket
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from dedupe.attribution.analysis import Analysis, analyse_batch
from dedupe.config import ScanConfig
from dedupe.copies.boilerplate import corpus_boilerplate
from dedupe.copies.lsh import LSHLayout
from dedupe.engine.pipeline import Progress, ScanResult, finish_scan, read_documents
from dedupe.errors import MissingDependencyError, SchedulerError
from dedupe.models import Document

SCHEDULER_TIMEOUT = 10.0  # seconds to connect to a scheduler


def _analyse_partition(docs: Iterable[Document], config: ScanConfig, layout: LSHLayout,
                       repeated: frozenset[int]) -> list[tuple[Analysis, np.ndarray]]:
    analyses, keys = analyse_batch(list(docs), config, layout, repeated)
    return list(zip(analyses, keys, strict=True))


def _band_rows(items: Iterable[tuple[int, tuple[Analysis, np.ndarray]]]) -> list[tuple[int, int]]:
    """(band key, document index) for every band of the whole-text and passage-window signatures."""
    return [(int(k), n) for n, (_, keys) in items for k in keys]


def _add(owners: frozenset[int], row: tuple[int, int]) -> frozenset[int]:
    return owners | {row[1]}


def _merge(a: frozenset[int], b: frozenset[int]) -> frozenset[int]:
    return a | b


def _reachable(scheduler: str, timeout: float) -> None:
    """SchedulerError unless ``scheduler`` is an address Dask knows and, over TCP or TLS, something listens there.

    Dask itself retries a refused connection until its timeout and may print tracebacks while it gives up.
    """
    try:
        from distributed.comm.addressing import get_address_host_port, parse_address
        from distributed.comm.registry import get_backend
    except ImportError:
        raise MissingDependencyError("dask[distributed]", "dask") from None

    try:
        scheme, _ = parse_address(scheduler)
        get_backend(scheme)
        host, port = get_address_host_port(scheduler) if scheme in ("tcp", "tls") else (None, None)
    except ValueError as exc:
        raise SchedulerError(f"{scheduler!r} is not a Dask scheduler address (tcp://host:8786): {exc}") from None
    if host is not None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except OSError as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _client(scheduler: str | None, workers: int, processes: bool, timeout: float = SCHEDULER_TIMEOUT) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError("dask[distributed]", "dask") from None
    if scheduler:
        try:
            return Client(scheduler, timeout=timeout)
        except Exception as exc:  # something listens there, but it does not answer as a Dask scheduler
            raise SchedulerError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, dashboard_address=None,
                           processes=processes)
    return Client(cluster)


def candidate_pairs_dask(bag: Any, config: ScanConfig) -> list[tuple[int, int]]:
    buckets = bag.map_partitions(_band_rows).foldby(
        lambda row: row[0], _add, frozenset(), _merge, frozenset()).compute()
    pairs = {pair for _, owners in buckets if len(owners) > 1 for pair in combinations(sorted(owners), 2)}
    return sorted(pairs)


def scan_dask(paths: Iterable[str | Path], config: ScanConfig | None = None, scheduler: str | None = None,
              progress: Progress | None = None, partitions: int | None = None, processes: bool = True) -> ScanResult:
    """``scan`` with the per-document work and the band-key shuffle on a Dask cluster.

    ``scheduler`` is a scheduler address (``tcp://host:8786``); None starts a LocalCluster with
    ``config.workers`` worker processes (threads with ``processes=False``).
    """
    import dask.bag as db

    config = config or ScanConfig()
    if scheduler:
        _reachable(scheduler, SCHEDULER_TIMEOUT)  # a wrong address fails before any reading or loading
    layout = LSHLayout.from_config(config)
    read = read_documents(paths, config)
    docs: Sequence[Document] = read.documents
    repeated = corpus_boilerplate(docs, config.fingerprint.repeated_line_documents)
    parts = partitions or max(1, min(len(docs), 4 * max(1, config.workers)))
    with _client(scheduler, config.workers, processes):
        bag = db.from_sequence(docs, npartitions=parts)
        analysed = bag.map_partitions(_analyse_partition, config, layout, repeated).compute()
        if progress is not None:
            progress("analyse", len(analysed), len(docs))
        indexed = db.from_sequence(list(enumerate(analysed)), npartitions=parts)
        pairs = candidate_pairs_dask(indexed, config)
    return finish_scan(config, layout, read, [a for a, _ in analysed], pairs, progress)

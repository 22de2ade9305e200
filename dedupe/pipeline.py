"""The scan pipeline: read -> analyse each document -> LSH candidates -> verify -> cluster -> provenance."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from dedupe.analysis import Analysis, analyse, analyse_batch, attribution_models, lexicon_for
from dedupe.attribution import DocumentAttribution
from dedupe.claims import Claim
from dedupe.cluster import connected_groups
from dedupe.config import ScanConfig
from dedupe.errors import NoInputError
from dedupe.fingerprint import Fingerprint, document_fingerprint
from dedupe.lsh import Sketch, candidate_pairs
from dedupe.match import NEAR_DUPLICATE, verify_pairs
from dedupe.models import Document, Match, Paragraph, ReadError, Sentence
from dedupe.provenance import Provenance, build_provenance
from dedupe.readers import ReadResult, read_inputs

__all__ = ["Analysis", "Progress", "ScanResult", "analyse", "analyse_all", "find_matches", "finish_scan",
           "read_documents", "scan"]

Progress = Callable[[str, int, int], None]
_Task = TypeVar("_Task")
_Result = TypeVar("_Result")


@dataclass(frozen=True, slots=True)
class ScanResult:
    config: ScanConfig
    analyses: tuple[Analysis, ...]
    matches: tuple[Match, ...]
    duplicate_groups: tuple[tuple[str, ...], ...]
    errors: tuple[ReadError, ...]
    files: int
    provenance: Provenance


# The documents of the running stage. Worker processes read them from here: under fork they inherit the
# list (nothing is pickled); elsewhere the pool initializer receives it once per worker.
_SHARED: Sequence[Document] = ()


def _share(docs: Sequence[Document]) -> None:
    global _SHARED
    _SHARED = docs


def _pool(workers: int, docs: Sequence[Document]) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_share, initargs=(docs,))


_AnalysisParts = tuple[tuple[Paragraph, ...], tuple[Sentence, ...], Sketch, DocumentAttribution, tuple[Claim, ...]]


def _analyse_range(task: tuple[int, int, ScanConfig]) -> list[_AnalysisParts]:
    """Analyses of shared documents [lo, hi), without the documents (the caller has them)."""
    lo, hi, config = task
    return [(a.paragraphs, a.sentences, a.sketch, a.attribution, a.claims)
            for a in analyse_batch(_SHARED[lo:hi], config)]


def _verify_chunk(task: tuple[list[tuple[int, int]], ScanConfig]) -> list[Match]:
    """Matches for candidate pairs of shared documents; fingerprints recomputed once per document."""
    pairs, config = task
    fps: dict[int, Fingerprint] = {}
    for n in sorted({n for pair in pairs for n in pair}):
        fps[n] = document_fingerprint(_SHARED[n], config.fingerprint, windows=False)
    return verify_pairs(fps, pairs, config.fingerprint, config.match)


def _run(fn: Callable[[_Task], list[_Result]], tasks: list[_Task], docs: Sequence[Document], workers: int,
         stage: str, progress: Progress | None, sizes: list[int]) -> list[_Result]:
    """Results of ``fn`` over ``tasks`` in task order, in worker processes when ``workers`` > 1."""
    results: list[_Result] = []
    done, total = 0, sum(sizes)
    if workers > 1 and len(tasks) > 1:
        with _pool(workers, docs) as pool:
            for size, part in zip(sizes, pool.map(fn, tasks), strict=True):
                results.extend(part)
                done += size
                _report(progress, stage, done, total)
        return results
    previous = _SHARED
    _share(docs)
    try:
        for size, task in zip(sizes, tasks, strict=True):
            results.extend(fn(task))
            done += size
            _report(progress, stage, done, total)
    finally:
        _share(previous)
    return results


def analyse_all(
    docs: Sequence[Document], config: ScanConfig, workers: int = 1, progress: Progress | None = None
) -> list[Analysis]:
    """Analyses in the order of ``docs``, whatever the number of workers."""
    chunk = 64
    bounds = [(lo, min(lo + chunk, len(docs))) for lo in range(0, len(docs), chunk)]
    parts = _run(_analyse_range, [(lo, hi, config) for lo, hi in bounds], docs, workers, "fingerprint", progress,
                 [hi - lo for lo, hi in bounds])
    return [Analysis(d, *p) for d, p in zip(docs, parts, strict=True)]


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def find_matches(analyses: Sequence[Analysis], config: ScanConfig, pairs: Sequence[tuple[int, int]] | None = None,
                 progress: Progress | None = None) -> list[Match]:
    """Verified matches among ``analyses``; candidate ``pairs`` (indices) come from LSH unless given."""
    if pairs is None:
        pairs = candidate_pairs([a.sketch for a in analyses])
    ordered = sorted(pairs)
    chunk = 256
    tasks = [(ordered[i : i + chunk], config) for i in range(0, len(ordered), chunk)]
    matches = _run(_verify_chunk, tasks, [a.document for a in analyses], config.workers, "verify", progress,
                   [len(t[0]) for t in tasks])
    return sorted(matches, key=lambda m: (m.a, m.b))


def read_documents(paths: Iterable[str | Path], config: ScanConfig, stdin: BinaryIO | None = None) -> ReadResult:
    """The readable documents sorted by id (``-`` reads JSONL from ``stdin``); NoInputError when there are none."""
    read = read_inputs(paths, config.read, stdin)
    if not read.documents:
        detail = f"{len(read.errors)} error(s)" if read.errors else "no matching files"
        raise NoInputError(f"no document could be read ({detail})", read.errors)
    if config.mode == "full":
        attribution_models(config.attribution)  # a bad --sources file fails here, before any work
    return ReadResult(tuple(sorted(read.documents, key=lambda d: d.id)), read.errors, read.files)


def finish_scan(config: ScanConfig, read: ReadResult, analyses: Sequence[Analysis],
                pairs: Sequence[tuple[int, int]] | None = None, progress: Progress | None = None) -> ScanResult:
    """Matches, duplicate groups and provenance: the stages that look at the whole corpus."""
    matches = find_matches(analyses, config, pairs, progress)
    groups = connected_groups((m.a, m.b) for m in matches if m.kind == NEAR_DUPLICATE)
    provenance = build_provenance(analyses, matches, lexicon_for(config.attribution), config.provenance)
    return ScanResult(config, tuple(analyses), tuple(matches), tuple(tuple(g) for g in groups), read.errors,
                      read.files, provenance)


def scan(paths: Iterable[str | Path], config: ScanConfig | None = None, progress: Progress | None = None) -> ScanResult:
    """Scan files and folders for copies and provenance. Raises NoInputError when no document could be read."""
    config = config or ScanConfig()
    read = read_documents(paths, config)
    return finish_scan(config, read, analyse_all(read.documents, config, config.workers, progress), None, progress)

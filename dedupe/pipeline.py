"""The scan pipeline: read -> analyse each document -> LSH candidates -> verify -> cluster -> provenance."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dedupe.analysis import Analysis, analyse, attribution_models, lexicon_for
from dedupe.cluster import connected_groups
from dedupe.config import ScanConfig
from dedupe.errors import NoInputError
from dedupe.lsh import candidate_pairs
from dedupe.match import NEAR_DUPLICATE, verify_pairs
from dedupe.models import Document, Match, ReadError
from dedupe.provenance import Provenance, build_provenance
from dedupe.readers import ReadResult, read_inputs

__all__ = ["Analysis", "Progress", "ScanResult", "analyse", "analyse_all", "find_matches", "finish_scan",
           "read_documents", "scan"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ScanResult:
    config: ScanConfig
    analyses: tuple[Analysis, ...]
    matches: tuple[Match, ...]
    duplicate_groups: tuple[tuple[str, ...], ...]
    errors: tuple[ReadError, ...]
    files: int
    provenance: Provenance


def _analyse_chunk(args: tuple[list[Document], ScanConfig]) -> list[Analysis]:
    docs, config = args
    return [analyse(d, config) for d in docs]


def analyse_all(
    docs: Sequence[Document], config: ScanConfig, workers: int = 1, progress: Progress | None = None
) -> list[Analysis]:
    """Analyses in the order of ``docs``, whatever the number of workers."""
    chunk = 64
    chunks = [(list(docs[i : i + chunk]), config) for i in range(0, len(docs), chunk)]
    results: list[Analysis] = []
    if workers > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_analyse_chunk, chunks):
                results.extend(part)
                _report(progress, "fingerprint", len(results), len(docs))
    else:
        for args in chunks:
            results.extend(_analyse_chunk(args))
            _report(progress, "fingerprint", len(results), len(docs))
    return results


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def find_matches(analyses: Sequence[Analysis], config: ScanConfig,
                 pairs: Sequence[tuple[int, int]] | None = None) -> list[Match]:
    """Verified matches among ``analyses``; candidate ``pairs`` (indices) come from LSH unless given."""
    fps = [a.fingerprint for a in analyses]
    fc, mc = config.fingerprint, config.match
    if pairs is None:
        pairs = candidate_pairs(fps, mc.threshold, mc.passage_threshold, fc.num_perm, fc.seed)
    return verify_pairs(fps, pairs, fc, mc)


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
                pairs: Sequence[tuple[int, int]] | None = None) -> ScanResult:
    """Matches, duplicate groups and provenance: the stages that look at the whole corpus."""
    matches = find_matches(analyses, config, pairs)
    groups = connected_groups((m.a, m.b) for m in matches if m.kind == NEAR_DUPLICATE)
    provenance = build_provenance(analyses, matches, lexicon_for(config.attribution), config.provenance)
    return ScanResult(config, tuple(analyses), tuple(matches), tuple(tuple(g) for g in groups), read.errors,
                      read.files, provenance)


def scan(paths: Iterable[str | Path], config: ScanConfig | None = None, progress: Progress | None = None) -> ScanResult:
    """Scan files and folders for copies and provenance. Raises NoInputError when no document could be read."""
    config = config or ScanConfig()
    read = read_documents(paths, config)
    return finish_scan(config, read, analyse_all(read.documents, config, config.workers, progress))

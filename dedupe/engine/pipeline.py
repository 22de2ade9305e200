"""The scan pipeline: read -> analyse each document -> LSH candidates -> verify -> cluster -> provenance."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from dedupe.attribution.analysis import (
    NO_ATTRIBUTION,
    Analysis,
    DocumentRecord,
    analyse,
    analyse_batch,
    attribution_models,
    lexicon_for,
    record_of,
)
from dedupe.attribution.attribute import DocumentAttribution
from dedupe.attribution.claims import Claim
from dedupe.attribution.lexicon import Lexicon, lexicon_digest
from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.batch_sketches import DocumentSketch, alignment_fingerprints
from dedupe.copies.boilerplate import corpus_keys, pass_needs, repeated_lines, searched_for
from dedupe.copies.cluster import connected_groups
from dedupe.copies.lsh import KeyBuckets, LSHLayout
from dedupe.copies.match import is_copy, verify_pairs
from dedupe.engine.workers import Progress, iter_tasks, run_tasks
from dedupe.errors import NoInputError
from dedupe.io.readers import ReadResult, read_inputs
from dedupe.models import Document, Match, Paragraph, ReadError, Sentence
from dedupe.provenance.stories import Provenance, build_provenance

__all__ = ["Analysis", "Progress", "ScanResult", "analyse", "analyse_all", "analyse_with_keys", "candidate_pairs",
           "find_matches", "finish_scan", "read_documents", "result_from_matches", "result_from_records", "scan"]


@dataclass(frozen=True, slots=True)
class ScanResult:
    config: ScanConfig
    layout: LSHLayout  # derived from config: how documents became band keys (recorded in the report)
    documents: tuple[DocumentRecord, ...]  # sorted by id: what the report and provenance read of each document
    matches: tuple[Match, ...]
    duplicate_groups: tuple[tuple[str, ...], ...]
    errors: tuple[ReadError, ...]
    files: int
    provenance: Provenance
    lexicon: Lexicon  # the source lexicon the attribution used (its kinds and countries go into the report)
    lexicon_sha256: str  # digest of the shipped lexicon and the user's --sources files
    texts: Mapping[str, str]  # by id, what the text and HTML reports quote: every text (local engine), or the
    # matched documents' texts (Dask engine, when asked for)
    analyses: tuple[Analysis, ...] = ()  # whole analyses, where this process made them (local engine, dedupe check)


@dataclass(frozen=True, slots=True)
class StageContext:
    """What every task of the analysis and verification stages reads: handed once to each worker process by the
    pool initialiser (shared by fork), not sent with every task."""

    docs: Sequence[Document]
    config: ScanConfig
    layout: LSHLayout
    repeated: frozenset[int] = frozenset()  # keys of the corpus's boilerplate lines (copies.boilerplate)
    carriers: frozenset[int] | None = None  # places of the documents that hold one (None: any may)


@dataclass(frozen=True, slots=True)
class _AnalysedChunk:
    """A worker's analyses of documents [lo, hi), in the compact form that crosses processes cheaply."""

    lo: int
    paragraphs: list[tuple[Paragraph, ...]]
    details: list[tuple[tuple[Sentence, ...], DocumentAttribution, tuple[Claim, ...]]] | None  # None: copies mode
    words: list[int]
    signatures: np.ndarray  # uint32[hi - lo, num_perm]
    owners: np.ndarray  # int32: document index of each key
    keys: np.ndarray  # int64 band keys, ordered by KeyBuckets partition
    cuts: np.ndarray  # where each partition after the first begins


_PARTITIONS = 16


def _analyse_range(context: StageContext, bounds: tuple[int, int]) -> _AnalysedChunk:
    """The analyses of documents [lo, hi) of the context."""
    lo, hi = bounds
    repeated = searched_for(context.repeated, context.carriers, range(lo, hi))
    analyses, keys = analyse_batch(context.docs[lo:hi], context.config, context.layout, repeated)
    details = None if context.config.mode == "copies" else [(a.sentences, a.attribution, a.claims) for a in analyses]
    owners = np.repeat(np.arange(lo, hi), [k.size for k in keys])
    return _AnalysedChunk(lo, [a.paragraphs for a in analyses], details, [a.sketch.words for a in analyses],
                          np.stack([a.sketch.signature for a in analyses]),
                          *KeyBuckets.partitioned(owners, np.concatenate(keys), _PARTITIONS))


def _unpack(chunk: _AnalysedChunk, docs: Sequence[Document], buckets: KeyBuckets | None) -> list[Analysis]:
    n = len(chunk.paragraphs)
    if buckets is not None:
        buckets.add(chunk.owners, chunk.keys, chunk.cuts if buckets.partitions == _PARTITIONS else None)
    details = chunk.details or [((), NO_ATTRIBUTION, ())] * n
    sketches = [DocumentSketch(w, s) for w, s in zip(chunk.words, chunk.signatures, strict=True)]
    return [Analysis(docs[chunk.lo + i], chunk.paragraphs[i], details[i][0], sketches[i], details[i][1],
                     details[i][2]) for i in range(n)]


_VerifyTask = tuple[list[tuple[int, int]], dict[int, tuple[tuple[Paragraph, ...], np.ndarray]]]


def _verify_chunk(context: StageContext, task: _VerifyTask) -> list[Match]:
    """Matches for candidate pairs of the context's documents, given each one's boilerplate paragraphs and
    signature."""
    pairs, known = task
    ids = sorted(known)
    fps = alignment_fingerprints([context.docs[n] for n in ids], [known[n][0] for n in ids],
                                 [known[n][1] for n in ids], context.layout)
    return verify_pairs(dict(zip(ids, fps, strict=True)), pairs, context.config.fingerprint, context.config.match)


def _partition_pairs(buckets: KeyBuckets, partition: int) -> np.ndarray:
    return buckets.partition_pairs(partition)


def candidate_pairs(buckets: KeyBuckets, workers: int = 1, progress: Progress | None = None) -> list[tuple[int, int]]:
    """The pairs of documents sharing a band key, one partition of the buckets per task."""
    parts = range(buckets.partitions)
    return KeyBuckets.merge(run_tasks(_partition_pairs, list(parts), buckets, workers, "candidates", progress,
                                 [1 for _ in parts]))


def _unit_keys(context: tuple[Sequence[Document], bool], bounds: tuple[int, int]) -> list[list[int]]:
    """The corpus-boilerplate keys of documents [lo, hi) (``copies.boilerplate.document_keys``; with their sites')."""
    docs, sites = context
    return corpus_keys(docs[bounds[0]:bounds[1]], sites)


def corpus_repeated(docs: Sequence[Document], settings: FingerprintConfig, workers: int = 1,
                    progress: Progress | None = None) -> tuple[frozenset[int], frozenset[int]]:
    """The corpus's boilerplate units (``copies.boilerplate.corpus_boilerplate``), the documents' keys computed by
    ``workers`` processes (this pass reads every sentence of the corpus) and counted here; and the places in
    ``docs`` of the documents that hold one (the others need not be searched for them)."""
    runs, sites = pass_needs(settings)
    if not runs:
        return frozenset(), frozenset()
    bounds = [(lo, min(lo + 256, len(docs))) for lo in range(0, len(docs), 256)]
    parts = run_tasks(_unit_keys, bounds, (docs, sites), workers, "boilerplate", progress, [b - a for a, b in bounds])
    keys = [k for part in parts for k in part]
    repeated = repeated_lines(keys, settings.repeated_line_documents, settings.repeated_site_documents)
    return repeated, frozenset(n for n, mine in enumerate(keys) if not repeated.isdisjoint(mine))


def _analysed_chunks(docs: Sequence[Document], config: ScanConfig, layout: LSHLayout, workers: int,
                     progress: Progress | None, repeated: frozenset[int],
                     carriers: frozenset[int] | None = None) -> Iterator[_AnalysedChunk]:
    """The analyses of ``docs``, 64 documents per task, in order as they finish."""
    chunk = 64
    bounds = [(lo, min(lo + chunk, len(docs))) for lo in range(0, len(docs), chunk)]
    return iter_tasks(_analyse_range, bounds, StageContext(docs, config, layout, repeated, carriers), workers,
                      "fingerprint",
                      progress, [hi - lo for lo, hi in bounds])


def analyse_all(docs: Sequence[Document], config: ScanConfig, layout: LSHLayout, workers: int = 1,
                progress: Progress | None = None, buckets: KeyBuckets | None = None,
                repeated: frozenset[int] = frozenset(), carriers: frozenset[int] | None = None) -> list[Analysis]:
    """Analyses in the order of ``docs``, whatever the number of workers; band keys go into ``buckets``;
    paragraphs of ``repeated`` lines (the corpus's boilerplate) are left out of fingerprints and claims (searched for
    in the documents at the places ``carriers`` holds; None: in all)."""
    chunks = _analysed_chunks(docs, config, layout, workers, progress, repeated, carriers)
    return [a for c in chunks for a in _unpack(c, docs, buckets)]  # each chunk's keys go to the buckets at once


def analyse_with_keys(docs: Sequence[Document], config: ScanConfig, layout: LSHLayout, workers: int = 1,
                      progress: Progress | None = None,
                      repeated: frozenset[int] = frozenset(),
                      carriers: frozenset[int] | None = None) -> tuple[list[Analysis], list[np.ndarray]]:
    """``analyse_all``, and each document's distinct band keys (sorted int64: what the persistent index stores
    and looks up) instead of buckets."""
    analyses: list[Analysis] = []
    keys: list[np.ndarray] = []
    for c in _analysed_chunks(docs, config, layout, workers, progress, repeated, carriers):
        analyses += _unpack(c, docs, None)
        keys += _keys_by_document(c)
    return analyses, keys


def _keys_by_document(chunk: _AnalysedChunk) -> list[np.ndarray]:
    """The distinct band keys (sorted) of each document of a chunk."""
    order = np.lexsort((chunk.keys, chunk.owners))
    owners, keys = chunk.owners[order], chunk.keys[order]
    cuts = np.searchsorted(owners, np.arange(chunk.lo + 1, chunk.lo + len(chunk.paragraphs)))
    return [np.unique(k) for k in np.split(keys, cuts)]


def find_matches(analyses: Sequence[Analysis], config: ScanConfig, layout: LSHLayout,
                 pairs: Sequence[tuple[int, int]], progress: Progress | None = None) -> list[Match]:
    """Verified matches among ``analyses`` for candidate ``pairs`` (indices)."""
    ordered = sorted(pairs)
    chunk = 256
    tasks: list[_VerifyTask] = []
    for lo in range(0, len(ordered), chunk):
        part = ordered[lo : lo + chunk]
        needed = sorted({n for pair in part for n in pair})
        tasks.append((part, {n: (tuple(p for p in analyses[n].paragraphs if p.boilerplate),
                                 analyses[n].sketch.signature) for n in needed}))
    context = StageContext([a.document for a in analyses], config, layout)
    parts = run_tasks(_verify_chunk, tasks, context, config.workers, "verify", progress, [len(t[0]) for t in tasks])
    matches = [m for part in parts for m in part]
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


def finish_scan(config: ScanConfig, layout: LSHLayout, read: ReadResult, analyses: Sequence[Analysis],
                pairs: Sequence[tuple[int, int]], progress: Progress | None = None) -> ScanResult:
    """Matches, duplicate groups and provenance: the stages that look at the whole corpus."""
    return result_from_matches(config, layout, read, analyses, find_matches(analyses, config, layout, pairs, progress))


def result_from_matches(config: ScanConfig, layout: LSHLayout, read: ReadResult, analyses: Sequence[Analysis],
                        matches: Sequence[Match]) -> ScanResult:
    """Duplicate groups and provenance from the analyses and the verified matches (sorted by document pair)."""
    records = [record_of(a) for a in analyses]
    texts = {a.document.id: a.document.text for a in analyses}
    return result_from_records(config, layout, read, records, matches, texts, tuple(analyses))


def result_from_records(config: ScanConfig, layout: LSHLayout, read: ReadResult, records: Sequence[DocumentRecord],
                        matches: Sequence[Match], texts: Mapping[str, str],
                        analyses: tuple[Analysis, ...] = ()) -> ScanResult:
    """Duplicate groups and provenance from each document's record (sorted by id) and the verified matches
    (sorted by document pair); ``read``: its errors and number of files."""
    groups = connected_groups((m.a, m.b) for m in matches if is_copy(m, config.match))
    lexicon = lexicon_for(config.attribution)
    provenance = build_provenance(records, matches, lexicon, config.provenance)
    digest = lexicon_digest(tuple(Path(p) for p in config.attribution.sources_files))
    return ScanResult(config, layout, tuple(records), tuple(matches), tuple(tuple(g) for g in groups), read.errors,
                      read.files, provenance, lexicon, digest, texts, analyses)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while (as it was after): a scan builds millions of small objects
    that hold no reference cycles, and each collection would walk them all (in full mode on 5,000 documents,
    ~15% of the CPU time). Memory is freed by reference counting as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan(paths: Iterable[str | Path], config: ScanConfig | None = None, progress: Progress | None = None) -> ScanResult:
    """Scan files and folders for copies and provenance. Raises NoInputError when no document could be read."""
    config = config or ScanConfig()
    layout = LSHLayout.from_config(config)
    with collector_paused():
        read = read_documents(paths, config)
        repeated, carriers = corpus_repeated(read.documents, config.fingerprint, config.workers, progress)
        with KeyBuckets(_PARTITIONS) as buckets:  # closed (keys dropped) before the stages that need memory
            analyses = analyse_all(read.documents, config, layout, config.workers, progress, buckets, repeated,
                                   carriers)
            pairs = candidate_pairs(buckets, config.workers, progress)
        return finish_scan(config, layout, read, analyses, pairs, progress)

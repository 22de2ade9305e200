"""The scan on a Dask cluster (``pip install 'news-dedupe[dask]'``, ``dedupe scan --engine dask``).

The client lists the input files and plans parts (``dask_inputs``): workers read them, count their line keys for
the corpus-boilerplate pass (the client merges the counts, never the texts) and analyse their documents,
numbered as the local engine numbers them (sorted by id). Each analysis task keeps its band keys as numpy arrays
ordered by their top bits (``prefix_ordered``), handed out apart from its analyses (``keys_of``); the client
sums the parts' key counts and cuts the keys into as many key partitions (ranges of top bits) as keep each near
``_PAIR_KEYS`` keys, so a pairing task's copy of its partition stays small however large the corpus; one task
per key partition gathers its slices on a worker and pairs them with the local engine's function
(``KeyBuckets.partition_pairs``), two per worker thread submitted at a time (a worker fetches a task's slices as
soon as it is assigned it); the client merges the pair arrays. Verification runs where the analyses are: each
part hands out what its documents in candidate pairs need and one task per chunk of pairs verifies them; the
client gathers the matches, then each document's record (``DocumentRecord``, built on the workers: fields,
length and digest of the text, boilerplate spans, attribution and claims; no texts, signatures or sentences) for
duplicate groups, provenance and the report. A worker lost mid-run is replaced and its tasks run again (the
tasks read files, so their results can be rebuilt); with no worker at all for ``worker_timeout`` seconds the
scan stops with a SchedulerError. The report is byte-identical to the local one.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from dedupe.attribution.analysis import Analysis, DocumentRecord, analyse_batch, attribution_models, record_of
from dedupe.config import ScanConfig
from dedupe.copies.batch_sketches import alignment_fingerprints
from dedupe.copies.boilerplate import pass_needs, repeated_from
from dedupe.copies.lsh import PREFIX_BITS, KeyBuckets, LSHLayout, prefix_ordered, prefix_range
from dedupe.copies.match import verify_pairs
from dedupe.engine import dask_inputs as inputs
from dedupe.engine.pipeline import Progress, ScanResult, result_from_records
from dedupe.errors import MissingDependencyError, NoInputError, SchedulerError
from dedupe.io.readers import STDIN, ReadResult, discover, read_stream
from dedupe.models import Document, Match, Paragraph, ReadError

SCHEDULER_TIMEOUT = 10.0  # seconds to connect to a scheduler
CONNECT_GRACE = 5.0  # seconds more for its first reply, after which a server that says nothing is no scheduler
WORKER_TIMEOUT = 60.0  # seconds a scan waits while the cluster has no worker at all
_POLL = 1.0  # seconds between looks at the cluster while waiting for results
_BATCH = 64  # documents analysed together (as the local engine's tasks)
_VERIFY_CHUNK = 256  # candidate pairs verified together (as the local engine's tasks)
_PAIR_KEYS = 4_000_000  # band keys per key partition (one pairing task's), at most about


@dataclass(frozen=True, slots=True)
class PartAnalysis:
    """A part's analyses (on a worker), and its band keys with their owners, ordered by their top bits
    (``prefix_ordered``): ``starts[v]`` is where the keys of prefix v begin."""

    analyses: list[Analysis]
    owners: np.ndarray  # int32: each key's document (its number in the corpus)
    keys: np.ndarray  # int64
    starts: np.ndarray  # int64[2**PREFIX_BITS + 1]


def analyse_part(part: inputs.ReadPart, numbers: np.ndarray, config: ScanConfig, layout: LSHLayout,
                 repeated: frozenset[int]) -> PartAnalysis:
    """Runs on a worker: the analyses of a read part whose documents are ``numbers`` in the corpus."""
    analyses: list[Analysis] = []
    keys: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, len(part.docs), _BATCH):
        batch = part.docs[lo : lo + _BATCH]
        a, k = analyse_batch(batch, config, layout, [repeated] * len(batch))  # (every document is searched)
        analyses += a
        keys += k
    owners = np.repeat(numbers.astype(np.int32), [k.size for k in keys[1:]])
    flat = np.concatenate(keys)
    keys.clear()  # the batches' keys go before the sort's copies are made
    return PartAnalysis(analyses, *prefix_ordered(owners, flat))


_Keys = tuple[np.ndarray, np.ndarray, np.ndarray]  # a part's band keys: (owners, keys, starts) as ``prefix_ordered``


def keys_of(part: PartAnalysis) -> _Keys:
    """Runs on a worker: a part's band keys apart from its analyses (the same arrays, not copies), so the pairing
    tasks read them alone: a worker short of memory spills its results to disk, and the one a task needs comes
    back whole (Dask sizes a tuple of arrays by their bytes; a part it takes for a small object)."""
    return part.owners, part.keys, part.starts


def key_count(keys: _Keys) -> int:
    return len(keys[1])


def key_partitions(keys: int, per_partition: int) -> int:
    """How many key partitions ``keys`` band keys are cut into: about ``per_partition`` keys each (one pairing
    task's), at least one, at most one per prefix."""
    return max(1, min(1 << PREFIX_BITS, -(-keys // per_partition)))


def key_slice(keys: _Keys, partition: int, partitions: int) -> tuple[np.ndarray, np.ndarray]:
    """Runs on a worker: a part's keys of key partition ``partition`` of ``partitions`` (views, not copies)."""
    owners, flat, starts = keys
    lo, hi = prefix_range(partition, partitions)
    a, b = int(starts[lo]), int(starts[hi])
    return owners[a:b], flat[a:b]


def without_keys(part: PartAnalysis) -> PartAnalysis:
    """Runs on a worker: the part's analyses without its band keys (``keys_of`` hands those out; the analyses are
    shared, not copied)."""
    none = np.zeros(0, dtype=np.int64)
    return PartAnalysis(part.analyses, none.astype(np.int32), none, none)


def slice_pairs(*slices: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Runs on a worker: the pairs of documents sharing a key of one key partition (int64[n, 2])."""
    with KeyBuckets(1) as buckets:
        for owners, keys in slices:
            buckets.add(owners, keys, np.zeros(0, dtype=np.intp))
        return buckets.partition_pairs(0)


def records_of(part: PartAnalysis) -> list[DocumentRecord]:
    """Runs on a worker: the records of a part's documents (what the report and provenance read), in part order."""
    return [record_of(a) for a in part.analyses]


def texts_of(part: PartAnalysis, wanted: list[int]) -> dict[str, str]:
    """Runs on a worker: the texts of the documents at places ``wanted`` in the part, by id."""
    return {part.analyses[i].document.id: part.analyses[i].document.text for i in wanted}


_Known = dict[int, tuple[Document, tuple[Paragraph, ...], np.ndarray]]


def verify_inputs(part: PartAnalysis, wanted: dict[int, int]) -> _Known:
    """Runs on a worker: what verification needs of the ``wanted`` documents of a part (number in the corpus:
    place in the part): the document, its boilerplate paragraphs and its signature."""
    out: _Known = {}
    for number, i in wanted.items():
        a = part.analyses[i]
        out[number] = (a.document, tuple(p for p in a.paragraphs if p.boilerplate), a.sketch.signature)
    return out


def verify_chunk(pairs: list[tuple[int, int]], config: ScanConfig, layout: LSHLayout, *known: _Known) -> list[Match]:
    """Runs on a worker: the matches of a chunk of candidate pairs (as the local engine's verification task)."""
    merged = {n: v for k in known for n, v in k.items()}
    ids = sorted({n for pair in pairs for n in pair})
    fps = alignment_fingerprints([merged[n][0] for n in ids], [merged[n][1] for n in ids],
                                 [merged[n][2] for n in ids], layout)
    return verify_pairs(dict(zip(ids, fps, strict=True)), pairs, config.fingerprint, config.match)


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


@contextmanager
def _connected(scheduler: str | None, workers: int, processes: bool,
               timeout: float = SCHEDULER_TIMEOUT) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers`` (closed after)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError("dask[distributed]", "dask") from None
    if scheduler:
        with _client_within(Client, scheduler, timeout) as client:
            yield client
        return
    with _children_ignore_interrupts():
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, dashboard_address=None,
                               processes=processes)
    with cluster, Client(cluster) as client:
        yield client


@contextmanager
def _client_within(client_class: Any, scheduler: str, timeout: float) -> Iterator[Any]:
    """A client of ``scheduler``, connected within about ``timeout`` seconds: ``Client``'s own timeout covers the
    connection, not the reply, so a server that accepts and never answers as a scheduler (a dashboard's HTTP port,
    a Redis server) would keep it waiting for good; the connection is made in a thread and given up on."""
    box: dict[str, Any] = {}

    def connect() -> None:
        try:
            box["client"] = client_class(scheduler, timeout=timeout)
        except Exception as exc:  # something listens there, but it does not answer as a Dask scheduler
            box["error"] = exc

    thread = threading.Thread(target=connect, name="dedupe-dask-connect", daemon=True)
    thread.start()
    thread.join(timeout + CONNECT_GRACE)
    if "client" not in box:
        why = box.get("error") or f"no answer as a Dask scheduler within {timeout + CONNECT_GRACE:g} s"
        raise SchedulerError(f"cannot connect to the Dask scheduler at {scheduler} (a scheduler listens on "
                             f"tcp://host:8786, not on its dashboard's address): {why}")
    with box["client"] as client:
        yield client


@contextmanager
def _children_ignore_interrupts() -> Iterator[None]:
    """Worker processes started here ignore SIGINT (a disposition they keep, and Python then installs no handler):
    a Ctrl-C reaches the terminal's whole process group, and the client alone answers it (exit 130), closing the
    cluster, instead of every worker printing its traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Run:
    """One scan's tasks on a cluster: submitted under keys of their own, awaited with an eye on the workers."""

    def __init__(self, client: Any, worker_timeout: float, progress: Progress | None = None) -> None:
        self.client = client
        self.worker_timeout = worker_timeout
        self.token = uuid.uuid4().hex[:12]
        self.progress = progress
        self.watched: list[tuple[str, Sequence[Any], Sequence[int]]] = []  # (stage, futures, documents of each)

    def watch(self, stage: str, futures: Sequence[Any], sizes: Sequence[int]) -> None:
        """Report ``stage`` as its futures finish, while the client waits on any later stage (a sign of life on
        stderr: the longest stages run on the workers)."""
        if self.progress is not None:
            self.watched.append((stage, futures, sizes))

    def _report(self) -> None:
        if self.progress is None:
            return
        for stage, futures, sizes in self.watched:
            self.progress(stage, sum(n for f, n in zip(futures, sizes, strict=True) if f.done()), sum(sizes))

    def submit(self, stage: str, n: int, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, key=f"dedupe-{stage}-{n}-{self.token}")

    def results(self, futures: Sequence[Any]) -> list[Any]:
        """The results of ``futures`` on the client; SchedulerError when the cluster has had no worker for
        ``worker_timeout`` seconds, or a task failed for a reason of the cluster's own (KilledWorker...)."""
        from distributed import wait
        from distributed.scheduler import KilledWorker

        alone_since: float | None = None
        while True:
            try:
                wait(list(futures), timeout=_POLL)
                self._report()
                return list(self.client.gather(list(futures)))
            except (TimeoutError, asyncio.TimeoutError):  # the same class from Python 3.11 on
                self._report()
            except (KilledWorker, CancelledError, OSError) as exc:  # OSError: the scheduler's connection closed
                raise SchedulerError(f"the Dask cluster failed the scan: {type(exc).__name__}: {exc}") from None
            alone_since = self._alone_since(alone_since)

    def threads(self) -> int:
        """The cluster's worker threads now (at least one)."""
        return max(1, int(sum(self.client.nthreads().values())))

    def windowed(self, submit: Callable[[int], Any], count: int, window: int) -> list[Any]:
        """The results of ``submit(0)`` ... ``submit(count - 1)`` (each submits a task and returns its future), in
        order, with at most ``window`` of them submitted and not yet gathered: a worker fetches a task's inputs as
        soon as the task is assigned to it, so the cluster holds the inputs of ``window`` tasks at most."""
        out: list[Any] = []
        pending: deque[Any] = deque()
        for i in range(count):
            pending.append(submit(i))
            if len(pending) >= window:
                out += self.results([pending.popleft()])
        return out + self.results(list(pending))

    def _alone_since(self, since: float | None) -> float | None:
        try:
            workers = len(self.client.nthreads())
        except Exception as exc:
            raise SchedulerError(f"lost the Dask scheduler: {type(exc).__name__}: {exc}") from None
        if workers:
            return None
        now = time.monotonic()
        if since is not None and now - since >= self.worker_timeout:
            raise SchedulerError(f"the Dask cluster has had no worker for {self.worker_timeout:g} s: scan stopped")
        return since if since is not None else now


def _read_parts(run: _Run, parts: list[inputs.InputPart], config: ScanConfig) -> list[Any]:
    """Futures of the parts as read on the workers (spans of large JSONL files settled first)."""
    spans = [n for n, p in enumerate(parts) if p.span is not None]
    checked = run.results([run.submit("check", n, inputs.check_span, parts[n].files[0].path, parts[n].span)
                           for n in spans])
    parts = inputs.settle_spans(parts, dict(zip(spans, checked, strict=True)))
    lines, sites = pass_needs(config.fingerprint)
    return [run.submit("read", n, inputs.read_part, p, config.read, lines, sites) for n, p in enumerate(parts)]


def _stdin_part(run: _Run, paths: list[str], config: ScanConfig) -> list[Any]:
    """``-`` among the paths: JSONL from standard input, read by the client (it alone holds the stream)."""
    if STDIN not in paths:
        return []
    docs, errors = read_stream(sys.stdin.buffer.read(), config.read.fields)
    return [run.client.scatter(inputs.ReadPart(docs, errors, inputs.unit_keys(docs, *pass_needs(config.fingerprint))))]


def _numbers(metas: Sequence[inputs.PartMeta]) -> list[np.ndarray]:
    """Each part's documents' places in the corpus sorted by id (ties in reading order, as ``sorted``)."""
    ids = [i for m in metas for i in m.ids]
    rank = np.empty(len(ids), dtype=np.int32)
    rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids), dtype=np.int32)
    cuts = np.cumsum([len(m.ids) for m in metas])[:-1]
    return np.split(rank, cuts)


def _repeated(run: _Run, read: Sequence[Any], metas: Sequence[inputs.PartMeta], min_documents: int,
              site_documents: int) -> frozenset[int]:
    """The corpus's boilerplate units (``corpus_boilerplate``), from counts merged on the client."""
    shared, common = inputs.common_lines(metas, min_documents, site_documents)
    if not common:
        return frozenset()
    shared_f, common_f = run.client.scatter([shared, common], broadcast=True)
    return repeated_from(run.results([run.submit("carriers", n, inputs.part_shares, f, shared_f, common_f)
                                             for n, f in enumerate(read)]))


def _pairs(run: _Run, keys: Sequence[Any]) -> list[tuple[int, int]]:
    """Candidate pairs: the keys cut into key partitions by their count (``key_partitions``), each partition's
    slices gathered and paired on a worker; the client merges."""
    counts = run.results([run.submit("keycount", n, key_count, f) for n, f in enumerate(keys)])
    partitions = key_partitions(sum(counts), _PAIR_KEYS)

    def pair(k: int) -> Any:
        slices = [run.submit(f"slice{k}", n, key_slice, f, k, partitions) for n, f in enumerate(keys)]
        return run.submit("pairs", k, slice_pairs, *slices)

    return KeyBuckets.merge(run.windowed(pair, partitions, 2 * run.threads()))


def _matches(run: _Run, analysed: Sequence[Any], numbers: Sequence[np.ndarray], pairs: list[tuple[int, int]],
             config: ScanConfig, layout: LSHLayout) -> list[Match]:
    """Verification where the analyses are: each part hands out what its documents in candidate pairs need, and
    one task per chunk of pairs (``find_matches``' chunks) verifies them; the client gathers the matches."""
    part_of = np.empty(sum(len(nums) for nums in numbers), dtype=np.int32)
    place = np.empty_like(part_of)
    for p, nums in enumerate(numbers):
        part_of[nums], place[nums] = p, np.arange(len(nums), dtype=np.int32)
    where = {n: (int(part_of[n]), int(place[n])) for n in sorted({n for pair in pairs for n in pair})}
    wanted: list[dict[int, int]] = [{} for _ in analysed]
    for n, (part, i) in where.items():
        wanted[part][n] = i
    known = {p: run.submit("extract", p, verify_inputs, analysed[p], w) for p, w in enumerate(wanted) if w}
    tasks = []
    for c, lo in enumerate(range(0, len(pairs), _VERIFY_CHUNK)):
        chunk = pairs[lo : lo + _VERIFY_CHUNK]
        parts = sorted({where[n][0] for pair in chunk for n in pair})
        tasks.append(run.submit("verify", c, verify_chunk, chunk, config, layout, *(known[p] for p in parts)))
    return sorted((m for ms in run.results(tasks) for m in ms), key=lambda m: (m.a, m.b))


def _no_input(errors: tuple[ReadError, ...]) -> NoInputError:
    detail = f"{len(errors)} error(s)" if errors else "no matching files"
    return NoInputError(f"no document could be read ({detail})", errors)


@dataclass(frozen=True, slots=True)
class _Read:
    """What the client keeps of the input once it is read on the workers (the parts' line keys are dropped)."""

    files: int
    parts: list[Any]  # futures of the parts as read (inputs.ReadPart)
    ids: list[list[str]]  # each part's document ids, in reading order
    numbers: list[np.ndarray]  # each part's documents' places in the corpus (sorted by id)
    errors: tuple[ReadError, ...]
    repeated: frozenset[int]  # the corpus's boilerplate lines


def _read_all(run: _Run, paths: list[str], config: ScanConfig, parts: int) -> _Read:
    """The input read on the workers, its errors and its boilerplate lines (NoInputError when no document could
    be read; a bad --sources file fails here too, before any analysis)."""
    files, listing_errors = discover([p for p in paths if p != STDIN], config.read)
    read = _stdin_part(run, paths, config) + _read_parts(run, inputs.plan_parts(files, config.read, parts), config)
    metas: list[inputs.PartMeta] = run.results([run.submit("meta", n, inputs.part_meta, f)
                                                for n, f in enumerate(read)])
    errors = tuple(sorted([*listing_errors, *(e for m in metas for e in m.errors)], key=lambda e: (e.path, e.kind)))
    if not any(m.ids for m in metas):
        raise _no_input(errors)
    if config.mode == "full":
        attribution_models(config.attribution)
    repeated = _repeated(run, read, metas, config.fingerprint.repeated_line_documents,
                         config.fingerprint.repeated_site_documents)
    return _Read(len(files) + (STDIN in paths), read, [m.ids for m in metas], _numbers(metas), errors, repeated)


def _for_workers(config: ScanConfig) -> ScanConfig:
    """``config`` with its lexicon files as absolute paths: a worker of another machine or folder reads them (as the
    input paths, the files must be there at the same path); the report keeps the paths as given."""
    files = tuple(str(Path(f).absolute()) for f in config.attribution.sources_files)
    return replace(config, attribution=replace(config.attribution, sources_files=files))


def _scan_on(run: _Run, paths: list[str], given: ScanConfig, parts: int, progress: Progress | None,
             quote: bool) -> ScanResult:
    config = _for_workers(given)
    r = _read_all(run, paths, config, parts)
    numbers, repeated, total = r.numbers, r.repeated, sum(len(i) for i in r.ids)
    layout = LSHLayout.from_config(config)
    keyed = [run.submit("analyse", n, analyse_part, f, numbers[n], config, layout, repeated)
             for n, f in enumerate(r.parts)]
    r.parts.clear()  # the parts as read are released once analysed (the analyses hold their documents)
    keys = [run.submit("keys", n, keys_of, f) for n, f in enumerate(keyed)]
    analysed = [run.submit("unkeyed", n, without_keys, f) for n, f in enumerate(keyed)]
    keyed.clear()  # each part split in two: its keys, released once paired, and its analyses
    run.watch("fingerprint", analysed, [len(i) for i in r.ids])
    pairs = _pairs(run, keys)
    keys.clear()
    if progress is not None:
        progress("fingerprint", total, total)
    matches = _matches(run, analysed, numbers, pairs, config, layout)
    if progress is not None:
        progress("verify", len(pairs), len(pairs))
    records = _records(run, analysed, numbers, total)
    texts = _texts(run, analysed, r.ids, matches) if quote else {}
    return result_from_records(given, layout, ReadResult((), r.errors, r.files), records, matches, texts)


def _records(run: _Run, analysed: Sequence[Any], numbers: Sequence[np.ndarray], total: int) -> list[DocumentRecord]:
    """Every document's record, built on the workers, in the corpus's order (by id). The parts are gathered one
    after the other: the client never holds more than one part's records in transit."""
    placed: list[DocumentRecord | None] = [None] * total
    futures = [run.submit("records", n, records_of, f) for n, f in enumerate(analysed)]
    for nums, future in zip(numbers, futures, strict=True):
        for i, r in zip(nums.tolist(), run.results([future])[0], strict=True):
            placed[i] = r
    return [r for r in placed if r is not None]


def _texts(run: _Run, analysed: Sequence[Any], ids: Sequence[list[str]], matches: Sequence[Match]) -> dict[str, str]:
    """The texts of the matched documents (what the text and HTML reports quote), from the workers."""
    matched = {d for m in matches for d in (m.a, m.b)}
    wanted = [[i for i, d in enumerate(part) if d in matched] for part in ids]
    tasks = [run.submit("texts", p, texts_of, f, w) for p, (f, w) in enumerate(zip(analysed, wanted, strict=True)) if w]
    return {k: v for part in run.results(tasks) for k, v in part.items()}


def scan_dask(paths: Iterable[str | Path], config: ScanConfig | None = None, scheduler: str | None = None,
              progress: Progress | None = None, partitions: int | None = None, processes: bool = True,
              worker_timeout: float = WORKER_TIMEOUT, texts: bool = False) -> ScanResult:
    """``scan`` with reading, analysis and the band-key shuffle on a Dask cluster.

    ``scheduler`` is a scheduler address (``tcp://host:8786``); None starts a LocalCluster with
    ``config.workers`` worker processes (threads with ``processes=False``). ``partitions``: read parts (default four
    per worker; the key partitions follow the number of band keys); the report does not depend on it. The texts
    stay on the workers: ``texts`` fetches the matched documents' ones (``ScanResult.texts``, what the text and
    HTML reports quote).
    """
    config = config or ScanConfig()
    if scheduler:
        _reachable(scheduler, SCHEDULER_TIMEOUT)  # a wrong address fails before any reading or loading
    names = [str(p) for p in paths]
    with _connected(scheduler, config.workers, processes) as client:
        run = _Run(client, worker_timeout, progress)
        # four read parts per worker thread: of the cluster's own threads with --scheduler (--workers may be 1)
        parts = partitions or 4 * max(1, config.workers, run.threads() if scheduler else 0)
        return _scan_on(run, names, config, parts, progress, texts)

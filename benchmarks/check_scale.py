"""``dedupe index add`` and ``dedupe check`` against a large index, in one run.

Builds an index of N synthetic documents (``benchmarks/corpus.py``) as ``index add`` does (fingerprinting,
hashing and compressing with ``--workers`` processes, storing in this process), once with 1 worker and once
with 2, and prints documents/s of each, of storing alone (documents prepared beforehand), and whether the two
indexes hold the same rows. Then adds the first M documents to an empty Redis database and to a new SQLite
file (2 workers each) and prints both rates and their ratio (without ``--url`` it starts a ``redis-server``
on a free loopback port, without persistence, and stops it). Last, checks a batch of B new documents, of
which a share copy archived ones, against the index (timed in this process, after a warm-up check of 10
documents so imports and the lexicon load are not counted).

Run: python3 benchmarks/check_scale.py --index 100000 --batch 1000 --redis-docs 3000
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus
from redis_add import redis_server

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import add_documents, prepared_documents
from dedupe.index.check import check
from dedupe.index.store import SQLiteIndex, open_index
from dedupe.models import Document

TABLES = ("meta", "texts", "publications", "runs", "band_runs")


def timed_add(docs: list[Document], db: str, layout: LSHLayout, workers: int) -> float:
    started = time.perf_counter()
    with open_index(db, layout) as index:
        add_documents(docs, index, layout, "archive", workers)
    return time.perf_counter() - started


def same_rows(a: Path, b: Path) -> bool:
    with sqlite3.connect(a) as x, sqlite3.connect(b) as y:
        return all(x.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                   == y.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES)


def write_batch(folder: Path, archive: list[Document], size: int, copies: float) -> None:
    """``size`` new files, a share ``copies`` of them an archived text with a credit line added."""
    rng = random.Random(4)
    fresh = Corpus(seed=5)
    folder.mkdir()
    for n in range(size):
        if rng.random() < copies:
            text = archive[rng.randrange(len(archive))].text + "\n\n(With inputs from agencies)"
        else:
            text = next(fresh.documents(1))[0].text
        (folder / f"item{n:05d}.txt").write_text(f"title: item {n}\noutlet: Portal\n\n{text}", encoding="utf-8")


def sqlite_adds(archive: list[Document], tmp: Path, layout: LSHLayout) -> dict[str, float]:
    out: dict[str, float] = {}
    for workers in (1, 2):
        out[f"workers{workers}_seconds"] = timed_add(archive, str(tmp / f"w{workers}.sqlite"), layout, workers)
    ready = list(prepared_documents(archive, layout, 2))
    started = time.perf_counter()
    with SQLiteIndex(tmp / "stored.sqlite", layout) as index:
        index.add(ready, "archive")
        stats = index.stats()
    out["storing_seconds"] = time.perf_counter() - started
    del ready
    n = len(archive)
    print(f"index add (SQLite), {n} documents: workers 1 {out['workers1_seconds']:.1f} s "
          f"({n / out['workers1_seconds']:.0f} docs/s), workers 2 {out['workers2_seconds']:.1f} s "
          f"({n / out['workers2_seconds']:.0f} docs/s, {out['workers1_seconds'] / out['workers2_seconds']:.2f}x); "
          f"storing only {out['storing_seconds']:.1f} s ({n / out['storing_seconds']:.0f} docs/s); "
          f"{stats.band_keys} band keys, {stats.bytes / 1e6:.0f} MB", flush=True)
    out["same_rows"] = same_rows(tmp / "w1.sqlite", tmp / "w2.sqlite")
    print(f"indexes built with 1 and 2 workers hold the same rows: {bool(out['same_rows'])}", flush=True)
    out.update(band_keys=stats.band_keys, index_bytes=stats.bytes)
    return out


def redis_vs_sqlite(docs: list[Document], tmp: Path, layout: LSHLayout, url: str | None) -> dict[str, float]:
    sqlite_seconds = timed_add(docs, str(tmp / "redis-reference.sqlite"), layout, 2)
    with redis_server() if url is None else nullcontext(url) as server:
        redis_seconds = timed_add(docs, server, layout, 2)
        with open_index(server, layout, write=False) as index:
            keys = index.stats().band_keys
    n = len(docs)
    print(f"index add (Redis vs SQLite), {n} documents, workers 2: Redis {redis_seconds:.1f} s "
          f"({n / redis_seconds:.0f} docs/s), SQLite {sqlite_seconds:.1f} s ({n / sqlite_seconds:.0f} docs/s): "
          f"{redis_seconds / sqlite_seconds:.2f}x; {keys} band keys", flush=True)
    return {"redis_docs": n, "redis_seconds": redis_seconds, "redis_sqlite_seconds": sqlite_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--copies", type=float, default=0.2, help="share of the batch copying archived texts")
    parser.add_argument("--redis-docs", type=int, default=3000, help="documents added to Redis (0: skip Redis)")
    parser.add_argument("--url", default=None, help="an empty Redis database to use (default: start a server)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = ScanConfig(attribution=AttributionConfig(use_classifier=False))
    layout = LSHLayout.from_config(config)
    archive = [doc for doc, _ in Corpus(seed=3).documents(args.index)]
    with tempfile.TemporaryDirectory() as tmp:
        figures = sqlite_adds(archive, Path(tmp), layout)
        if args.redis_docs:
            figures.update(redis_vs_sqlite(archive[:args.redis_docs], Path(tmp), layout, args.url))
        write_batch(Path(tmp) / "incoming", archive, args.batch, args.copies)
        (Path(tmp) / "warm").mkdir()
        for path in sorted((Path(tmp) / "incoming").iterdir())[:10]:
            (Path(tmp) / "warm" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        db = Path(tmp) / "w2.sqlite"
        check([Path(tmp) / "warm"], db, config)
        started = time.perf_counter()
        result = check([Path(tmp) / "incoming"], db, config)
        seconds = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for f in result.findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    print(f"check: {args.batch} documents against {args.index} in {seconds:.1f} s "
          f"({args.batch / seconds:.0f} docs/s); findings {dict(sorted(kinds.items()))}")
    if args.out:
        figures.update(index=args.index, batch=args.batch, check_seconds=seconds)
        args.out.write_text(json.dumps({**figures, "findings": kinds}, indent=2) + "\n")


if __name__ == "__main__":
    main()

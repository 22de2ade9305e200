"""``index add`` on Redis against SQLite, same documents, same process: the ratio of the two times.

Fingerprints the synthetic corpus once (timed on its own), then adds the same fingerprinted
documents to a new SQLite index and to an empty Redis database, and prints both times, the ratio
of the storage times and of the whole ``index add`` (fingerprinting plus storage), and what each
index holds afterwards. Then looks up the band keys of ``--lookup`` other documents (a fifth of them
copies of added ones), as a check does (``candidates_of``, all at once), in both indexes: the two times
and whether the candidates are the same. Without ``--url`` it starts a ``redis-server`` on a free
loopback port (no persistence) and stops it at the end.

Run: python3 benchmarks/redis_add.py --docs 3000
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import keyed_documents
from dedupe.index.store import SQLiteIndex, open_index
from dedupe.models import Document


@contextmanager
def redis_server() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed: apt-get install redis-server, or pass --url")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    with tempfile.TemporaryDirectory() as workdir:
        server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                                   "no", "--dir", workdir], stdout=subprocess.DEVNULL)
        try:
            for _ in range(200):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=30)


def lookup_batch(docs: list[Document], size: int) -> list[Document]:
    """``size`` documents to look up: four fifths new, one fifth copies of ``docs``."""
    rng = random.Random(1)
    copies = [docs[rng.randrange(len(docs))] for _ in range(size // 5)]
    return [doc for doc, _ in Corpus(seed=9).documents(size - len(copies))] + copies


def timed_lookup(db: str, layout: LSHLayout, keys: list[np.ndarray]) -> tuple[float, list[list[int]]]:
    """The time ``candidates_of`` takes in the index at ``db`` (opened to read), and what it finds."""
    with open_index(db, layout, write=False) as index:
        started = time.perf_counter()
        found = index.candidates_of(keys)
        return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--lookup", type=int, default=1000, help="documents looked up afterwards (0: none)")
    parser.add_argument("--url", default=None, help="an empty Redis database to use (default: start a server)")
    args = parser.parse_args()
    layout = LSHLayout.from_config(ScanConfig())
    docs = [doc for doc, _ in Corpus(seed=3).documents(args.docs)]
    started = time.perf_counter()
    items = list(keyed_documents(docs, layout))
    fingerprinting = time.perf_counter() - started
    print(f"{args.docs} documents, fingerprinting {fingerprinting:.1f} s", flush=True)
    wanted = [keys for _, keys in keyed_documents(lookup_batch(docs, args.lookup), layout)]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with SQLiteIndex(Path(tmp) / "index.sqlite", layout) as index:
            index.add(items, "bench")
            sqlite_stats = index.stats()
        sqlite_time = time.perf_counter() - started
        sqlite_lookup = timed_lookup(str(Path(tmp) / "index.sqlite"), layout, wanted)
    with (redis_server() if args.url is None else _given(args.url)) as url:
        started = time.perf_counter()
        with open_index(url, layout) as index:
            added = index.add(items, "bench")
            redis_stats = index.stats()
        redis_time = time.perf_counter() - started
        redis_lookup = timed_lookup(url, layout, wanted)
    for name, seconds, stats in (("sqlite", sqlite_time, sqlite_stats), ("redis", redis_time, redis_stats)):
        print(f"{name:6} add {seconds:6.1f} s ({args.docs / seconds:5.0f} docs/s): {stats.documents} documents, "
              f"{stats.band_keys} band keys, {stats.bytes / 1e6:.0f} MB")
    print(f"redis added {added.added}, {added.already_indexed} already indexed")
    print(f"ratio redis/sqlite: storage {redis_time / sqlite_time:.2f}x, whole index add (with fingerprinting) "
          f"{(fingerprinting + redis_time) / (fingerprinting + sqlite_time):.2f}x")
    if wanted:
        print(f"lookup of {len(wanted)} documents' band keys: sqlite {sqlite_lookup[0]:.2f} s, redis "
              f"{redis_lookup[0]:.2f} s; the same candidates: {sqlite_lookup[1] == redis_lookup[1]}")


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()

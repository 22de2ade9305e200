"""``index add`` on Redis against SQLite, same documents, same process: the ratio of the two times.

Fingerprints the synthetic corpus once (timed on its own), then adds the same fingerprinted
documents to a new SQLite index and to an empty Redis database, and prints both times, the ratio
of the storage times and of the whole ``index add`` (fingerprinting plus storage), and what each
index holds afterwards. Without ``--url`` it starts a ``redis-server`` on a free loopback port
(no persistence) and stops it at the end.

Run: python3 benchmarks/redis_add.py --docs 3000
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import keyed_documents
from dedupe.index.store import SQLiteIndex, open_index


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--url", default=None, help="an empty Redis database to use (default: start a server)")
    args = parser.parse_args()
    config = ScanConfig()
    docs = [doc for doc, _ in Corpus(seed=3).documents(args.docs)]
    started = time.perf_counter()
    items = list(keyed_documents(docs, LSHLayout.from_config(config)))
    fingerprinting = time.perf_counter() - started
    print(f"{args.docs} documents, fingerprinting {fingerprinting:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with SQLiteIndex(Path(tmp) / "index.sqlite", LSHLayout.from_config(config)) as index:
            index.add(items, "bench")
            sqlite_stats = index.stats()
        sqlite_time = time.perf_counter() - started
    with (redis_server() if args.url is None else _given(args.url)) as url:
        started = time.perf_counter()
        with open_index(url, LSHLayout.from_config(config)) as index:
            added = index.add(items, "bench")
            redis_stats = index.stats()
        redis_time = time.perf_counter() - started
    for name, seconds, stats in (("sqlite", sqlite_time, sqlite_stats), ("redis", redis_time, redis_stats)):
        print(f"{name:6} add {seconds:6.1f} s ({args.docs / seconds:5.0f} docs/s): {stats.documents} documents, "
              f"{stats.band_keys} band keys, {stats.bytes / 1e6:.0f} MB")
    print(f"redis added {added.added}, {added.already_indexed} already indexed")
    print(f"ratio redis/sqlite: storage {redis_time / sqlite_time:.2f}x, whole index add (with fingerprinting) "
          f"{(fingerprinting + redis_time) / (fingerprinting + sqlite_time):.2f}x")


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()

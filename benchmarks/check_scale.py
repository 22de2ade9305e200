"""``dedupe check`` time for a batch against a large index.

Builds an index of N synthetic documents (timed: documents/s of ``index add``, with and without computing the
fingerprints; file size), then checks
a batch of B new documents of which a share copy archived ones (timed, in this process, after a
warm-up check of 10 documents so imports and the lexicon load are not counted).

Run: python3 benchmarks/check_scale.py --index 100000 --batch 1000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import keyed_documents
from dedupe.index.check import check
from dedupe.index.store import SQLiteIndex


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--copies", type=float, default=0.2, help="share of the batch copying archived texts")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = ScanConfig(attribution=AttributionConfig(use_classifier=False))
    corpus = Corpus(seed=3)
    archive = [doc for doc, _ in corpus.documents(args.index)]
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "index.sqlite"
        started = time.perf_counter()
        ready = list(keyed_documents(archive, LSHLayout.from_config(config)))
        fingerprinted = time.perf_counter() - started
        with SQLiteIndex(db, LSHLayout.from_config(config)) as index:
            index.add(ready, "archive")
            stats = index.stats()
        build = time.perf_counter() - started
        del ready
        print(f"index add: {args.index} documents in {build:.1f} s ({args.index / build:.0f} docs/s; storing only "
              f"{build - fingerprinted:.1f} s, {args.index / (build - fingerprinted):.0f} docs/s), "
              f"{stats.band_keys} band keys, {stats.bytes / 1e6:.0f} MB", flush=True)
        incoming = Path(tmp) / "incoming"
        incoming.mkdir()
        fresh = Corpus(seed=5)
        for n in range(args.batch):
            if rng.random() < args.copies:
                text = archive[rng.randrange(len(archive))].text + "\n\n(With inputs from agencies)"
            else:
                text = next(fresh.documents(1))[0].text
            (incoming / f"item{n:05d}.txt").write_text(f"title: item {n}\noutlet: Portal\n\n{text}", encoding="utf-8")
        warm = Path(tmp) / "warm"
        warm.mkdir()
        for f in sorted(incoming.iterdir())[:10]:
            (warm / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        check([warm], db, config)
        started = time.perf_counter()
        result = check([incoming], db, config)
        seconds = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for f in result.findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    print(f"check: {args.batch} documents against {args.index} in {seconds:.1f} s "
          f"({args.batch / seconds:.0f} docs/s); findings {kinds}")
    if args.out:
        args.out.write_text(json.dumps({"index": args.index, "batch": args.batch, "index_seconds": build,
                                        "fingerprint_seconds": fingerprinted,
                                        "index_bytes": stats.bytes, "band_keys": stats.band_keys,
                                        "check_seconds": seconds, "findings": kinds}, indent=2) + "\n")


if __name__ == "__main__":
    main()

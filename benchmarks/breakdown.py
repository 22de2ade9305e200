"""Where the time goes in ``scan --mode copies``: reading, per-document analysis, LSH banding, verification.

Run: python3 benchmarks/breakdown.py 10000      (one process, synthetic corpus from corpus.py)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe import ScanConfig
from dedupe.lsh import candidate_pairs
from dedupe.pipeline import analyse_all, find_matches, read_documents


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    config = ScanConfig(mode="copies")
    with tempfile.TemporaryDirectory() as tmp:
        Corpus(seed=2).write_jsonl(Path(tmp), n)
        t0 = time.perf_counter()
        read = read_documents([tmp], config)
        t1 = time.perf_counter()
        analyses = analyse_all(read.documents, config, 1)
        t2 = time.perf_counter()
        pairs = candidate_pairs([a.sketch for a in analyses])
        t3 = time.perf_counter()
        matches = find_matches(analyses, config, pairs)
        t4 = time.perf_counter()
    print(f"{n} documents: read {t1 - t0:.1f} s; analyse {t2 - t1:.1f} s ({n / (t2 - t1):.0f} docs/s); "
          f"LSH {t3 - t2:.1f} s ({len(pairs)} candidate pairs); verify {t4 - t3:.1f} s ({len(matches)} matches)")


if __name__ == "__main__":
    main()

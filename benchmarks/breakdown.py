"""Where the time goes in ``scan --mode copies``: every stage of the pipeline, timed in one process.

Run: python3 benchmarks/breakdown.py 10000 --workers 2     (synthetic corpus from corpus.py)
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe import ScanConfig
from dedupe.attribution.analysis import lexicon_for, record_of
from dedupe.attribution.lexicon import lexicon_digest
from dedupe.copies.cluster import connected_groups
from dedupe.copies.lsh import KeyBuckets, LSHLayout
from dedupe.engine.pipeline import ScanResult, analyse_all, candidate_pairs, find_matches, read_documents
from dedupe.kinds import NEAR_DUPLICATE
from dedupe.provenance.stories import build_provenance
from dedupe.report.build import build_report, report_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("documents", type=int, nargs="?", default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    n = args.documents
    config = ScanConfig(mode="copies", workers=args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        Corpus(seed=2).write_jsonl(Path(tmp), n)
        marks = [("start", time.perf_counter())]
        read = read_documents([tmp], config)
        marks.append(("read", time.perf_counter()))
        layout = LSHLayout.from_config(config)
        buckets = KeyBuckets()
        analyses = analyse_all(read.documents, config, layout, config.workers, buckets=buckets)
        marks.append(("analyse", time.perf_counter()))
        pairs = candidate_pairs(buckets, config.workers)
        marks.append(("LSH", time.perf_counter()))
        matches = find_matches(analyses, config, layout, pairs)
        marks.append(("verify", time.perf_counter()))
        groups = connected_groups((m.a, m.b) for m in matches if m.kind == NEAR_DUPLICATE)
        lexicon = lexicon_for(config.attribution)
        records = tuple(record_of(a) for a in analyses)
        provenance = build_provenance(records, matches, lexicon, config.provenance)
        result = ScanResult(config, layout, records, tuple(matches), tuple(tuple(g) for g in groups),
                            read.errors, read.files, provenance, lexicon, lexicon_digest(()), {}, tuple(analyses))
        marks.append(("groups+provenance", time.perf_counter()))
        with open(os.devnull, "w", encoding="utf-8") as sink:
            sink.write(report_json(build_report(result, "benchmark")))
        marks.append(("report", time.perf_counter()))
    total = marks[-1][1] - marks[0][1]
    print(f"{n} documents, {args.workers} worker(s): {total:.1f} s ({n / total:.0f} docs/s); "
          f"{len(pairs)} candidate pairs, {len(matches)} matches")
    for (_, before), (stage, after) in itertools.pairwise(marks):
        print(f"  {stage:<18} {after - before:6.2f} s")


if __name__ == "__main__":
    main()

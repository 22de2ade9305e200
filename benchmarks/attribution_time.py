"""CPU time of the per-document analysis of ``scan --mode full`` (segmenting, fingerprints, attribution, claims:
``analysis.analyse_batch``), best of several runs, and a digest of its output (equal digests: the same results).

Corpora: PolNeAR train (``corpora.polnear_docs``) and a synthetic one-topic corpus (``corpus.Corpus``).
With ``--profile``: the functions taking the most time in one run (cProfile; it inflates the cost of Python calls
against that of regex searches, so check a finding with the timings).

Run:  python3 benchmarks/attribution_time.py --corpus polnear
      python3 benchmarks/attribution_time.py --corpus one-topic --documents 2000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import polnear_docs
from corpus import Corpus

from dedupe.attribution.analysis import Analysis, analyse_batch, attribution_models
from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.models import Document

BATCH = 256


def documents(corpus: str, count: int) -> list[Document]:
    if corpus == "polnear":
        return [Document(id=d.name, text=d.text, outlet=d.publisher or None) for d in polnear_docs("train")]
    with tempfile.TemporaryDirectory() as tmp:
        Corpus(seed=2, one_topic=corpus == "one-topic").write_jsonl(Path(tmp), count)
        rows = [json.loads(line) for path in sorted(Path(tmp).glob("*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines()]
    return [Document(id=r["id"], text=r["text"], outlet=r.get("outlet")) for r in rows]


def analyse(docs: list[Document], config: ScanConfig) -> list[Analysis]:
    layout = LSHLayout.from_config(config)
    out: list[Analysis] = []
    for start in range(0, len(docs), BATCH):
        out += analyse_batch(docs[start:start + BATCH], config, layout)[0]
    return out


def digest(results: list[Analysis]) -> str:
    h = hashlib.sha256()
    for a in results:
        h.update(repr((a.paragraphs, a.sentences, a.attribution, a.claims)).encode())
    return h.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("polnear", "one-topic", "news-like"), default="polnear")
    parser.add_argument("--documents", type=int, default=2000, help="synthetic corpora only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    docs = documents(args.corpus, args.documents)
    config = ScanConfig(mode="full")
    attribution_models(config.attribution)  # loaded once per process, not timed
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        results = analyse(docs, config)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    else:
        times = []
        for _ in range(args.runs):
            started = time.process_time()
            results = analyse(docs, config)
            times.append(time.process_time() - started)
        print(f"{args.corpus}: {len(docs)} documents, analyse_batch best of {args.runs}: {min(times):.3f} CPU s "
              f"({len(docs) / min(times):.0f} docs/CPU s)")
    print(f"output digest {digest(results)}")


if __name__ == "__main__":
    main()

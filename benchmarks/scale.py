"""Speed and memory at scale, in one run.

1. Fingerprinting: documents/s of dedupe's batched MinHash signatures (``batch_sketches.signatures``: tokenising,
   word and shingle hashes, 128 permutations) against datasketch on the same documents in the same
   process: ``MinHash.update`` once per shingle (SHA1, the naive use) and ``MinHash.update_batch``. The
   datasketch runs get their shingles ready-made (tokenising is not timed for them); dedupe starts from the
   text. The rate of full sketches (signatures plus passage windows and band keys) is printed too.
2. End-to-end ``dedupe scan`` on synthetic corpora of N documents (~500 words, 20% syndicated
   copies) in a child process per N: documents/s, the peak RSS of the largest process, and the peak
   proportional set size summed over the scan and its workers (memory shared after fork counted once).
3. The growth exponent k of time ~ N^k, fitted on the scan times.

Run:  python3 benchmarks/scale.py --sizes 1000,10000,100000 --workers 2
      python3 benchmarks/scale.py --sizes 1000,5000 --mode full      (attribution and provenance too)
      python3 benchmarks/scale.py --sizes 2000,5000 --mode copies,full --workers 1   (the full / copies ratio)
      python3 benchmarks/scale.py --sizes 1000,2000,4000 --mode full --one-topic --workers 1   (growth, one event)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from datasketch import MinHash

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

from dedupe.config import ScanConfig
from dedupe.copies.batch_sketches import signatures, sketch_documents
from dedupe.copies.fingerprint import shingles
from dedupe.copies.lsh import LSHLayout
from dedupe.text.normalize import tokenize
from dedupe.text.segment import split_paragraphs


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else math.inf


def fingerprint_comparison(n: int) -> dict[str, float]:
    docs = [doc for doc, _ in Corpus(seed=1).documents(n)]
    config = LSHLayout.from_config(ScanConfig())
    paragraphs = [split_paragraphs(d.text, d.body_start) for d in docs]
    started = time.perf_counter()
    words = [tokenize(d.text, d.body_start).words for d in docs]
    tokenise = time.perf_counter() - started
    grams = [[s.encode("utf-8") for s in shingles(w, config.shingle_size)] for w in words]

    started = time.perf_counter()
    for g in grams:
        m = MinHash(num_perm=config.num_perm, seed=config.seed)
        for s in g:
            m.update(s)
    naive = time.perf_counter() - started

    started = time.perf_counter()
    for g in grams:
        MinHash(num_perm=config.num_perm, seed=config.seed).update_batch(g)
    batch = time.perf_counter() - started

    started = time.perf_counter()
    for lo in range(0, n, 64):  # as a scan does it: batches of 64 documents, from their text
        signatures(docs[lo:lo + 64], paragraphs[lo:lo + 64], config)
    ours = time.perf_counter() - started

    started = time.perf_counter()
    for lo in range(0, n, 64):
        sketch_documents(docs[lo:lo + 64], paragraphs[lo:lo + 64], config)
    sketching = time.perf_counter() - started
    words_per_doc = float(np.mean([len(w) for w in words]))
    return {
        "documents": n, "words_per_document": round(words_per_doc, 1),
        "tokenise_docs_per_s": round(_rate(n, tokenise), 1),
        "naive_docs_per_s": round(_rate(n, naive), 1), "update_batch_docs_per_s": round(_rate(n, batch), 1),
        "dedupe_docs_per_s": round(_rate(n, ours), 1), "dedupe_sketch_docs_per_s": round(_rate(n, sketching), 1),
        "ratio_vs_naive": round(naive / ours, 1), "ratio_vs_update_batch": round(batch / ours, 1),
    }


def scan_run(n: int, folder: Path, mode: str, workers: int, one_topic: bool = False) -> dict[str, float]:
    if not any(folder.iterdir()):
        Corpus(seed=2, one_topic=one_topic).write_jsonl(folder, n)
    command = [sys.executable, "-m", "dedupe", "scan", str(folder), "--mode", mode, "--workers", str(workers),
               "--no-classifier", "-o", os.devnull]
    started = time.perf_counter()
    child = subprocess.Popen(command)
    peak_pss = [0]
    sampler = threading.Thread(target=_sample_pss, args=(child.pid, peak_pss), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    sampler.join()
    if status != 0:
        raise SystemExit(f"scan of {n} documents failed with status {status}")
    cpu = usage.ru_utime + usage.ru_stime  # the scan and the workers it waited for: steadier on a busy machine
    return {"documents": n, "mode": mode, "workers": workers, "seconds": round(seconds, 2),
            "docs_per_s": round(_rate(n, seconds), 1), "cpu_seconds": round(cpu, 2),
            "docs_per_cpu_s": round(_rate(n, cpu), 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "peak_pss_mb": round(peak_pss[0] / 1024, 1)}


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the scan's worker processes)."""
    found, queue = [], [pid]
    while queue:
        p = queue.pop()
        found.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                queue += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _sample_pss(pid: int, peak: list[int]) -> None:
    """Peak of the summed proportional set size (kB) of the scan and its workers: memory shared after fork
    is counted once. Sampled every second until the scan ends (Linux /proc; 0 elsewhere)."""
    while Path(f"/proc/{pid}").exists():
        total = 0
        for p in _tree(pid):
            try:
                for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            except OSError:
                continue
        peak[0] = max(peak[0], total)
        time.sleep(1.0)


def growth_exponent(runs: list[dict[str, float]], key: str = "seconds") -> float | None:
    if len(runs) < 2:
        return None
    x = np.log([r["documents"] for r in runs])
    y = np.log([r[key] for r in runs])
    return float(np.polyfit(x, y, 1)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes for the scan runs")
    parser.add_argument("--mode", default="copies", help="copies, full, or copies,full: both on the same corpus "
                        "and the full / copies rate ratio")
    parser.add_argument("--one-topic", action="store_true", help="every document reports the same event")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fingerprint-docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args()
    results: dict[str, object] = {"cpus": os.cpu_count()}
    fp = fingerprint_comparison(args.fingerprint_docs)
    results["fingerprint"] = fp
    print(f"fingerprinting {fp['documents']} documents of ~{fp['words_per_document']:.0f} words, 128 permutations "
          f"(datasketch from ready shingles; dedupe from the text):")
    print(f"  datasketch update() per shingle  {fp['naive_docs_per_s']:>9.1f} docs/s")
    print(f"  datasketch update_batch()        {fp['update_batch_docs_per_s']:>9.1f} docs/s")
    print(f"  dedupe signatures                {fp['dedupe_docs_per_s']:>9.1f} docs/s  "
          f"= {fp['ratio_vs_naive']}x naive, {fp['ratio_vs_update_batch']}x update_batch")
    print(f"  dedupe sketches (+ passage windows and band keys) {fp['dedupe_sketch_docs_per_s']:.1f} docs/s")
    print(f"  (tokenising for datasketch       {fp['tokenise_docs_per_s']:>9.1f} docs/s, not counted)")
    modes = args.mode.split(",")
    runs: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    corpus = "one-topic" if args.one_topic else "news-like"
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            for mode in modes:
                run = scan_run(n, Path(tmp), mode, args.workers, args.one_topic)
                runs[mode].append(run)
                print(f"scan --mode {mode} --workers {args.workers} ({corpus}): {n:>9} docs  {run['seconds']:>8.1f} s"
                      f"  {run['docs_per_s']:>8.1f} docs/s  ({run['cpu_seconds']:.1f} CPU s)  "
                      f"peak RSS {run['peak_rss_mb']:>8.1f} MB (one process), "
                      f"peak PSS {run['peak_pss_mb']:>8.1f} MB (all processes)", flush=True)
        if len(modes) == 2:
            a, b = (runs[m][-1]["docs_per_s"] for m in modes)
            ca, cb = (runs[m][-1]["docs_per_cpu_s"] for m in modes)
            print(f"  rate {modes[1]} / {modes[0]} at {n} docs: {b / a:.2f} wall time, {cb / ca:.2f} CPU time",
                  flush=True)
    results["scans"] = runs
    for mode in modes:
        k, cpu = growth_exponent(runs[mode]), growth_exponent(runs[mode], "cpu_seconds")
        results[f"growth_exponent_{mode}"], results[f"cpu_growth_exponent_{mode}"] = k, cpu
        if k is not None and cpu is not None:
            print(f"{mode}: wall time grows as N^{k:.2f}, CPU time as N^{cpu:.2f}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

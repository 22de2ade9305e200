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
4. With ``--vs-script``: a plain datasketch script on the texts of the same corpus, one process (``datasketch_script``:
   words with a regex, 3-word shingles, ``MinHash.update_batch``, ``MinHashLSH`` insert and query), and the
   scan's rate against it.

``--charset real`` gives the corpus the character mix of real articles (accents, curly quotes, dashes,
paragraphs in Cyrillic, Greek and Arabic; ``corpus.Corpus``); the default is ASCII.

Run:  python3 benchmarks/scale.py --sizes 1000,10000,100000 --workers 2
      python3 benchmarks/scale.py --sizes 1000,5000 --mode full      (attribution and provenance too)
      python3 benchmarks/scale.py --sizes 2000,5000 --mode copies,full --workers 1   (the full / copies ratio)
      python3 benchmarks/scale.py --sizes 1000,2000,4000 --mode full --one-topic --workers 1   (growth, one event)
      python3 benchmarks/scale.py --sizes 5000 --workers 2 --charset real --vs-script --fingerprint-docs 3000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CHARSETS, Corpus

from dedupe.config import ScanConfig
from dedupe.copies.batch_sketches import signatures, sketch_documents
from dedupe.copies.fingerprint import shingles
from dedupe.copies.lsh import LSHLayout
from dedupe.text.normalize import tokenize
from dedupe.text.segment import split_paragraphs


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else math.inf


def datasketch_script(texts: list[str], threshold: float = 0.3, num_perm: int = 128) -> int:
    """What a user writes with datasketch: candidate pairs of texts (3-word shingles, Jaccard ~ threshold)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches = []
    for n, text in enumerate(texts):
        words = re.findall(r"\w+", text.lower())
        grams = {" ".join(words[i:i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2))}
        sketch = MinHash(num_perm=num_perm)
        sketch.update_batch(list(grams))
        lsh.insert(n, sketch)
        sketches.append(sketch)
    pairs = {(min(n, m), max(n, m)) for n, sketch in enumerate(sketches) for m in lsh.query(sketch) if m != n}
    return len(pairs)


def script_run(folder: Path) -> dict[str, float]:
    """``datasketch_script`` on the texts of the corpus in ``folder`` (reading not timed)."""
    texts = [json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    pairs = datasketch_script(texts)
    seconds = time.perf_counter() - started
    return {"documents": len(texts), "seconds": round(seconds, 2), "docs_per_s": round(_rate(len(texts), seconds), 1),
            "candidate_pairs": pairs}


def fingerprint_comparison(n: int, charset: str = "ascii") -> dict[str, float]:
    docs = [doc for doc, _ in Corpus(seed=1, charset=charset).documents(n)]
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


def scan_run(n: int, folder: Path, mode: str, workers: int, one_topic: bool = False,
             charset: str = "ascii") -> dict[str, float]:
    if not any(folder.iterdir()):
        Corpus(seed=2, one_topic=one_topic, charset=charset).write_jsonl(folder, n)
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
    parser.add_argument("--charset", choices=CHARSETS, default="ascii",
                        help="real: the character mix of real articles (accents, curly quotes, dashes, other scripts)")
    parser.add_argument("--vs-script", action="store_true",
                        help="also run a plain datasketch script on each corpus and print the scan's rate against it")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fingerprint-docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args()
    results: dict[str, object] = {"cpus": os.cpu_count()}
    fp = fingerprint_comparison(args.fingerprint_docs, args.charset)
    results["fingerprint"] = fp
    print(f"fingerprinting {fp['documents']} documents ({args.charset} characters) "
          f"of ~{fp['words_per_document']:.0f} words, 128 permutations "
          f"(datasketch from ready shingles; dedupe from the text):")
    print(f"  datasketch update() per shingle  {fp['naive_docs_per_s']:>9.1f} docs/s")
    print(f"  datasketch update_batch()        {fp['update_batch_docs_per_s']:>9.1f} docs/s")
    print(f"  dedupe signatures                {fp['dedupe_docs_per_s']:>9.1f} docs/s  "
          f"= {fp['ratio_vs_naive']}x naive, {fp['ratio_vs_update_batch']}x update_batch")
    print(f"  dedupe sketches (+ passage windows and band keys) {fp['dedupe_sketch_docs_per_s']:.1f} docs/s")
    print(f"  (tokenising for datasketch       {fp['tokenise_docs_per_s']:>9.1f} docs/s, not counted)")
    modes = args.mode.split(",")
    runs: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    corpus = ("one-topic" if args.one_topic else "news-like") + f", {args.charset} characters"
    scripts = []
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            for mode in modes:
                run = scan_run(n, Path(tmp), mode, args.workers, args.one_topic, args.charset)
                runs[mode].append(run)
                print(f"scan --mode {mode} --workers {args.workers} ({corpus}): {n:>9} docs  {run['seconds']:>8.1f} s"
                      f"  {run['docs_per_s']:>8.1f} docs/s  ({run['cpu_seconds']:.1f} CPU s)  "
                      f"peak RSS {run['peak_rss_mb']:>8.1f} MB (one process), "
                      f"peak PSS {run['peak_pss_mb']:>8.1f} MB (all processes)", flush=True)
            if args.vs_script:
                script = script_run(Path(tmp))
                scripts.append(script)
                print(f"datasketch script (update_batch + MinHashLSH, one process): "
                      f"{script['docs_per_s']:>8.1f} docs/s "
                      f"({script['seconds']:.1f} s, {script['candidate_pairs']} candidate pairs); "
                      + ", ".join(f"scan --mode {m} = {runs[m][-1]['docs_per_s'] / script['docs_per_s']:.2f}x"
                                  for m in modes), flush=True)
        if len(modes) == 2:
            a, b = (runs[m][-1]["docs_per_s"] for m in modes)
            ca, cb = (runs[m][-1]["docs_per_cpu_s"] for m in modes)
            print(f"  rate {modes[1]} / {modes[0]} at {n} docs: {b / a:.2f} wall time, {cb / ca:.2f} CPU time",
                  flush=True)
    results["scans"] = runs
    if scripts:
        results["datasketch_script"] = scripts
    for mode in modes:
        k, cpu = growth_exponent(runs[mode]), growth_exponent(runs[mode], "cpu_seconds")
        results[f"growth_exponent_{mode}"], results[f"cpu_growth_exponent_{mode}"] = k, cpu
        if k is not None and cpu is not None:
            print(f"{mode}: wall time grows as N^{k:.2f}, CPU time as N^{cpu:.2f}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

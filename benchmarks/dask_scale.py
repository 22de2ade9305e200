"""The Dask engine against the local engine on the same synthetic corpus.

For each size N and mode, a corpus of N documents (``corpus.Corpus``, seed 2, JSONL shards of 2,000) is scanned
by ``dedupe scan`` in a child process: once with the local engine (``--workers W``), once with ``--engine dask
--scheduler ADDR`` against a LocalCluster of W worker processes (one thread each) that this script starts (so
the scan's process is the Dask client alone), after one untimed Dask scan of the fixtures on the same cluster
(the workers have imported dedupe and loaded its models; ``--cold`` skips it). Printed for each: seconds,
documents/s, the client's peak RSS (``ru_maxrss`` of the scan process and of the child processes it waited
for: the local engine's pool, the verification pool of either), whether the two reports are equal byte for
byte, and the 1-minute load average before and after (the machine may be shared).

Run:  python3 benchmarks/dask_scale.py --sizes 2000 --mode copies,full
      python3 benchmarks/dask_scale.py --sizes 20000 --mode copies --workers 2
      PYTHONPATH=/path/to/other/checkout python3 benchmarks/dask_scale.py --sizes 2000   (another version's engines:
      the dedupe this script imports is the one the scans and the cluster's workers run)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus


def _run(command: list[str], code: Path, out: Path) -> dict[str, float]:
    """Seconds and peak RSS (MB) of one scan in a child process; its report written to ``out``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "dedupe", "scan", *command], stdout=sink, env=env, cwd=code)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def compare(n: int, folder: Path, mode: str, workers: int, scheduler: str, code: Path) -> dict[str, object]:
    common = [str(folder), "--mode", mode, "--workers", str(workers), "--no-classifier"]
    load_before = os.getloadavg()[0]
    local = _run(common, code, folder.parent / f"local-{mode}.json")
    dask = _run([*common, "--engine", "dask", "--scheduler", scheduler], code, folder.parent / f"dask-{mode}.json")
    load = os.getloadavg()[0]
    same = (folder.parent / f"local-{mode}.json").read_bytes() == (folder.parent / f"dask-{mode}.json").read_bytes()
    return {"documents": n, "mode": mode, "workers": workers,
            "local_seconds": local["seconds"], "local_docs_per_s": round(n / local["seconds"], 1),
            "local_peak_rss_mb": local["peak_rss_mb"],
            "dask_seconds": dask["seconds"], "dask_docs_per_s": round(n / dask["seconds"], 1),
            "dask_client_peak_rss_mb": dask["peak_rss_mb"], "reports_equal": same,
            "load_1min_before": round(load_before, 2), "load_1min_after": round(load, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated corpus sizes")
    parser.add_argument("--mode", default="copies,full", help="copies, full, or both (comma-separated)")
    parser.add_argument("--workers", type=int, default=2, help="local --workers and Dask worker processes")
    parser.add_argument("--cold", action="store_true", help="no warm-up scan before the timed ones")
    args = parser.parse_args()
    import dedupe

    args.code = Path(dedupe.__file__).resolve().parent.parent  # scans and workers run the same dedupe
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory(prefix="dedupe-dask-") as tmp, \
            LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster:
        if not args.cold:
            _run([str(args.code / "fixtures"), "--engine", "dask", "--scheduler", cluster.scheduler_address],
                 args.code, Path(tmp) / "warm-up.json")
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"corpus-{n}"
            folder.mkdir()
            Corpus(seed=2).write_jsonl(folder, n)
            for mode in args.mode.split(","):
                print(json.dumps(compare(n, folder, mode, args.workers, cluster.scheduler_address, args.code)),
                      flush=True)


if __name__ == "__main__":
    main()

"""The Dask engine against the local engine on the same synthetic corpus.

For each size N and mode, a corpus of N documents (``corpus.Corpus``, seed 2, JSONL shards of 2,000) is scanned
by ``dedupe scan`` in a child process: once with the local engine (``--workers W``), once with ``--engine dask
--scheduler ADDR`` against a LocalCluster of W worker processes (one thread each) that this script starts (so
the scan's process is the Dask client alone), after one untimed Dask scan of the fixtures on the same cluster
(the workers have imported dedupe and loaded its models; ``--cold`` skips it). Printed for each: seconds,
documents/s, the client's peak RSS (``ru_maxrss`` of the scan process and of the child processes it waited
for: the local engine's pool, the verification pool of either), whether the two reports are equal byte for
byte, and the 1-minute load average before and after (the machine may be shared).

Memory is also sampled every second (psutil, RSS): the peak of the sum over every process of a scan (the scan
process and its children; for Dask also this process, which hosts the scheduler, and the worker processes),
and each one's peak (``*_peak_sum_mb``, ``dask_scheduler_peak_mb``, ``dask_worker_peak_mb``). RSS counts
pages shared between processes once per process, so the sum errs high. ``--memory-log FILE`` writes the samples
(seconds, client, scheduler process, workers, sum; MB) as TSV.

``--engines dask`` runs the Dask engine alone (no comparison); ``--corpus DIR`` keeps the corpus of each size in
DIR/corpus-N, generated there once (in a child process) and reused by later runs; delete it after.

Run:  python3 benchmarks/dask_scale.py --sizes 2000 --mode copies,full
      python3 benchmarks/dask_scale.py --sizes 20000 --mode copies --workers 2
      python3 benchmarks/dask_scale.py --sizes 1000000 --mode copies --engines dask --corpus /tmp/dedupe-corpus \
          --memory-log /tmp/dedupe-1m.tsv
      PYTHONPATH=/path/to/other/checkout python3 benchmarks/dask_scale.py --sizes 2000   (another version's engines:
      the dedupe this script imports is the one the scans and the cluster's workers run)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TextIO

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus


class MemoryWatch:
    """RSS of the processes of one scan, sampled every ``interval`` seconds in a thread: the scan process with its
    children (the client), and with ``cluster`` this process (the scheduler) and the other processes under it
    (the Dask workers)."""

    def __init__(self, cluster: bool, log: TextIO | None, interval: float = 1.0) -> None:
        self.cluster, self.log, self.interval = cluster, log, interval
        self.peaks = {"client": 0.0, "scheduler": 0.0, "workers": 0.0, "sum": 0.0, "worker": 0.0}
        self.pid: int | None = None
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.started = time.perf_counter()

    def _sample(self) -> dict[str, float]:
        me = psutil.Process()
        client_tree: set[int] = set()
        if self.pid is not None:
            client = psutil.Process(self.pid)
            client_tree = {client.pid, *(c.pid for c in client.children(recursive=True))}
        rss = {"client": 0.0, "scheduler": me.memory_info().rss / 2**20 if self.cluster else 0.0, "workers": 0.0}
        for proc in me.children(recursive=True):  # the scan process is a child of this one
            with contextlib.suppress(psutil.Error):
                mb = proc.memory_info().rss / 2**20
                if proc.pid in client_tree:
                    rss["client"] += mb
                elif self.cluster:
                    rss["workers"] += mb
                    self.peaks["worker"] = max(self.peaks["worker"], mb)
        return {**rss, "sum": rss["client"] + rss["scheduler"] + rss["workers"]}

    def _watch(self) -> None:
        while not self.done.wait(self.interval):
            with contextlib.suppress(psutil.Error):
                sample = self._sample()
                for key, mb in sample.items():
                    self.peaks[key] = max(self.peaks[key], mb)
                if self.log is not None:
                    values = "\t".join(f"{sample[k]:.0f}" for k in ("client", "scheduler", "workers", "sum"))
                    self.log.write(f"{time.perf_counter() - self.started:.0f}\t{values}\n")
                    self.log.flush()

    def __enter__(self) -> MemoryWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def _run(command: list[str], code: Path, out: Path, watch: MemoryWatch) -> dict[str, float]:
    """Seconds and peak RSS (MB) of one scan in a child process; its report written to ``out``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    with out.open("wb") as sink, watch:
        child = subprocess.Popen([sys.executable, "-m", "dedupe", "scan", *command], stdout=sink, env=env, cwd=code)
        watch.pid = child.pid
        _, status, usage = os.wait4(child.pid, 0)
        watch.pid = None
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def _engine(name: str, n: int, command: list[str], code: Path, out: Path, log: TextIO | None) -> dict[str, object]:
    """One engine's scan of the corpus: its figures, prefixed with the engine's name."""
    dask = name == "dask"
    watch = MemoryWatch(dask, log)
    run = _run(command, code, out, watch)
    figures: dict[str, object] = {
        "seconds": run["seconds"], "docs_per_s": round(n / run["seconds"], 1),
        "client_peak_rss_mb" if dask else "peak_rss_mb": run["peak_rss_mb"],
        "peak_sum_mb": round(watch.peaks["sum"]),
    }
    if dask:
        figures |= {"scheduler_peak_mb": round(watch.peaks["scheduler"]),
                    "worker_peak_mb": round(watch.peaks["worker"])}
    return {f"{name}_{k}": v for k, v in figures.items()}


def compare(n: int, folder: Path, mode: str, args: argparse.Namespace, scheduler: str,
            log: TextIO | None) -> dict[str, object]:
    common = [str(folder), "--mode", mode, "--workers", str(args.workers), "--no-classifier"]
    commands = {"local": common, "dask": [*common, "--engine", "dask", "--scheduler", scheduler]}
    load_before = os.getloadavg()[0]
    out: dict[str, object] = {"documents": n, "mode": mode, "workers": args.workers}
    reports = {name: args.out / f"{name}-{mode}-{n}.json" for name in args.engines}
    for name in args.engines:
        if log is not None:
            log.write(f"# {name} {mode} {n}\n")
        out |= _engine(name, n, commands[name], args.code, reports[name], log)
    if len(reports) == 2:
        out["reports_equal"] = reports["local"].read_bytes() == reports["dask"].read_bytes()
    return out | {"load_1min_before": round(load_before, 2), "load_1min_after": round(os.getloadavg()[0], 2)}


def corpus_folder(root: Path, n: int) -> Path:
    """The corpus of n documents in ``root``/corpus-n, generated in a child process unless already complete."""
    folder = root / f"corpus-{n}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        worker = multiprocessing.get_context("spawn").Process(target=_write_corpus, args=(folder, n))
        worker.start()
        worker.join()
        if worker.exitcode != 0:
            raise SystemExit(f"generating the corpus of {n} documents failed")
        (folder / ".complete").touch()
    return folder


def _write_corpus(folder: Path, n: int) -> None:
    Corpus(seed=2).write_jsonl(folder, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000", help="comma-separated corpus sizes")
    parser.add_argument("--mode", default="copies,full", help="copies, full, or both (comma-separated)")
    parser.add_argument("--workers", type=int, default=2, help="local --workers and Dask worker processes")
    parser.add_argument("--engines", default="local,dask", help="local, dask, or both (comma-separated)")
    parser.add_argument("--corpus", type=Path, help="keep the corpora here (default: a temporary folder)")
    parser.add_argument("--memory-log", type=Path, help="write the memory samples (TSV) to this file")
    parser.add_argument("--cold", action="store_true", help="no warm-up scan before the timed ones")
    args = parser.parse_args()
    args.engines = [e for e in ("local", "dask") if e in args.engines.split(",")]
    import dedupe

    args.code = Path(dedupe.__file__).resolve().parent.parent  # scans and workers run the same dedupe
    with tempfile.TemporaryDirectory(prefix="dedupe-dask-") as tmp, \
            contextlib.ExitStack() as stack:
        args.out = Path(tmp)
        log = stack.enter_context(args.memory_log.open("w")) if args.memory_log else None
        root = args.corpus or Path(tmp)
        folders = {n: corpus_folder(root, n) for n in (int(s) for s in args.sizes.split(","))}
        from distributed import LocalCluster

        cluster = stack.enter_context(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None))
        if not args.cold and "dask" in args.engines:
            _run([str(args.code / "fixtures"), "--engine", "dask", "--scheduler", cluster.scheduler_address],
                 args.code, Path(tmp) / "warm-up.json", MemoryWatch(True, None))
        for n, folder in folders.items():
            for mode in args.mode.split(","):
                print(json.dumps(compare(n, folder, mode, args, cluster.scheduler_address, log)), flush=True)


if __name__ == "__main__":
    main()

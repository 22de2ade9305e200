"""One huge input: a single-line text of N MB (synthetic words), scanned by ``dedupe scan`` in a child process;
prints the wall time and the child's peak RSS against the file size (issue 14 item 4: 20 MB in <= 1 GB).

Run: python3 benchmarks/huge.py [--mb 20] [--mode copies|full]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus


def one_line(size: int) -> str:
    corpus = Corpus(seed=5)
    parts: list[str] = []
    total = 0
    while total < size:
        for paragraph in corpus.article():
            parts.append(paragraph)
            total += len(paragraph) + 1
    return " ".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--mode", default="copies", choices=("copies", "full"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "one-line.txt").write_text(one_line(args.mb * 1_000_000), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dedupe", "scan", str(folder), "--mode", args.mode, "--quiet",
                        "-o", str(Path(tmp) / "report.json")], check=True)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kB on Linux
    print(f"{args.mb} MB on one line, --mode {args.mode}: {elapsed:.1f} s, peak RSS {peak / 1e9:.2f} GB "
          f"({peak / (args.mb * 1e6):.0f}x the file)")


if __name__ == "__main__":
    main()

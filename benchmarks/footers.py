"""Site footers on real text: a corpus where most documents end with the same footer (issue 14 item 5).

Real articles (PolNeAR, read from the corpus cache) that share no passage with each other (brute-force shingle
check, as in ``realcopies.py``) get, for a share of them, one and the same site footer appended (our own text: a
copyright line, a newsletter sign-up box and a comment-moderation notice, ~80 words). A few republications of
some of the articles (verbatim, trimmed) are added so that real copies exist. The same corpus is scanned twice
in one process, without and with the footer, and the script prints for both: the scan time, the matches, and the
matches between documents that are not copies of each other (footer-only matches: they should be none).

Run: python3 benchmarks/footers.py [--documents 420] [--footer-share 0.3] [--mode copies]
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
from corpora import CorpusMissing, polnear_docs
from realcopies import independent, paragraphs

from dedupe import ScanConfig, scan

FOOTER = (
    "Copyright 2026 Riverside Courier Media Group. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed without permission.\n\n"
    "SIGN UP for the Morning Courier newsletter: the day's top stories from the valley, delivered to your "
    "inbox before breakfast, every weekday. Enter your email address and press subscribe; you can unsubscribe "
    "at any time.\n\n"
    "Comments are moderated and may take a few hours to appear. We remove posts that are abusive, off topic or "
    "promotional. By commenting you agree to our community guidelines."
)


def corpus(n: int, footer_share: float, seed: int, footer: bool) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Records and, for each copy, the original it copies."""
    rng = random.Random(seed)
    docs = independent(sorted((d for s in ("train", "dev", "test") for d in polnear_docs(s)), key=lambda d: d.name))
    originals = docs[:n]
    records, copies = [], {}
    for d in originals:
        text = d.text.rstrip() + ("\n\n" + FOOTER if footer and rng.random() < footer_share else "")
        records.append({"id": d.name, "text": text})
    for d in originals[: n // 20]:  # a few real copies: verbatim and trimmed republications
        paras = paragraphs(d.text)
        kept = paras if rng.random() < 0.5 else paras[: max(3, len(paras) - 3)]
        copy_id = f"copy-of-{d.name}"
        records.append({"id": copy_id, "text": "\n\n".join(kept)})
        copies[copy_id] = d.name
    return records, copies


def run(records: list[dict[str, str]], copies: dict[str, str], mode: str) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "site.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        result = scan([path], ScanConfig(mode=mode))
        elapsed = time.perf_counter() - started
    ids = {f"site.jsonl#{n}": r["id"] for n, r in enumerate(records)}
    true_pairs = {frozenset((c, o)) for c, o in copies.items()}
    false = sum(1 for m in result.matches if frozenset((ids[m.a], ids[m.b])) not in true_pairs)
    return elapsed, len(result.matches), false


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=420)
    parser.add_argument("--footer-share", type=float, default=0.3)
    parser.add_argument("--mode", default="copies", choices=("copies", "full"))
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    try:
        plain = corpus(args.documents, args.footer_share, args.seed, footer=False)
        footed = corpus(args.documents, args.footer_share, args.seed, footer=True)
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return
    with_footer = sum(1 for r in footed[0] if r["text"].endswith(FOOTER))
    print(f"{len(plain[0])} documents ({len(plain[1])} real copies); {with_footer} end with the same footer")
    for name, (records, copies) in (("without footer", plain), ("with footer", footed)):
        elapsed, matches, false = run(records, copies, args.mode)
        print(f"{name:<15} {elapsed:6.1f} s  matches {matches:5d}  between documents that are not copies {false:5d}")


if __name__ == "__main__":
    main()

"""Duplicate groups on real text: republication transforms of real PolNeAR articles (issue 11).

The originals are real articles (PolNeAR, read from the corpus cache; copy detection was never tuned on PolNeAR, so
all splits are used). The builder (seeded) makes, for a share of the originals, one republication each:

- ``verbatim``: the same text under a new headline, with a portal's lines added ("Also read: ...",
  "(With inputs from agencies)");
- ``trimmed``: the last three paragraphs dropped (originals of at least 7 paragraphs);
- ``lead``: only the first three paragraphs, as portals run a wire story (originals of at least 7 paragraphs whose
  first three paragraphs hold at least 80 words);
- ``reordered``: the paragraphs shuffled;
- ``partial`` (not a copy): two paragraphs of the original inside six paragraphs of another real article that is
  not in the scanned set (a filler).

The truth: an original and its verbatim, trimmed, lead and reordered copies form one group; a partial reuse stays
out of its original's group. Originals that already share text with each other (real syndication inside the corpus:
word 5-shingle Jaccard >= 0.2 or containment >= 0.5, by brute force, not by dedupe) are left out first, so every
group in the truth is one the builder made. Nothing is written into the repository: the documents go to a
temporary folder and are scanned with ``dedupe.scan`` (copies mode) as a user would.

Prints the duplicate groups' adjusted Rand index against the truth, the pair precision/recall/F1 (document pairs
inside one predicted group against pairs inside one true group), and per transform the copies left out of their
original's group.

Run: python3 benchmarks/realcopies.py [--originals 400] [--copy-share 0.5] [--seed 7]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CorpusMissing, PolnearDoc, polnear_docs
from evaluation import duplicate_group_ari

from dedupe import ScanConfig, scan

KINDS = ("verbatim", "trimmed", "lead", "reordered", "partial")
_WORD = re.compile(r"\w+")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + k]) for i in range(max(0, len(words) - k + 1))}


def independent(docs: list[PolnearDoc]) -> list[PolnearDoc]:
    """The articles that share no passage with an earlier kept one (brute force over shingle sets)."""
    kept: list[tuple[PolnearDoc, set[tuple[str, ...]]]] = []
    for doc in docs:
        mine = shingles(doc.text)
        if not mine:
            continue
        clash = False
        for _, other in kept:
            shared = len(mine & other)
            if shared and (shared / len(mine | other) >= 0.2 or shared / min(len(mine), len(other)) >= 0.5):
                clash = True
                break
        if not clash:
            kept.append((doc, mine))
    return [d for d, _ in kept]


def republish(kind: str, paras: list[str], other: list[str], rng: random.Random) -> list[str] | None:
    if kind == "verbatim":
        return ["Read the full story below", *paras, "Also read: more stories from our partners",
                "(With inputs from agencies)"]
    if kind == "trimmed":
        return paras[:-3] if len(paras) >= 7 else None
    if kind == "lead":
        lead = paras[:3]
        return lead if len(paras) >= 7 and len(" ".join(lead).split()) >= 80 else None
    if kind == "reordered":
        shuffled = paras[:]
        while len(shuffled) > 1 and shuffled == paras:
            rng.shuffle(shuffled)
        return shuffled
    start = rng.randrange(0, max(1, len(paras) - 1))
    return [*other[:3], *paras[start:start + 2], *other[3:6]]


def build(originals: list[PolnearDoc], fillers: list[PolnearDoc], share: float,
          seed: int) -> tuple[list[dict[str, str]], dict[str, str], dict[str, str]]:
    """Records to scan, the truth (document -> cluster) and the kind of every copy."""
    rng = random.Random(seed)
    records = [{"id": d.name, "text": d.text} for d in originals]
    truth = {d.name: d.name for d in originals}
    kinds: dict[str, str] = {}
    for n, doc in enumerate(originals):
        if rng.random() >= share:
            continue
        kind = rng.choice(KINDS)
        other = paragraphs(fillers[n % len(fillers)].text)
        copied = republish(kind, paragraphs(doc.text), other, rng)
        if copied is None:
            continue
        copy_id = f"{kind}-of-{doc.name}"
        records.append({"id": copy_id, "text": "\n\n".join(copied)})
        truth[copy_id] = copy_id if kind == "partial" else doc.name
        kinds[copy_id] = kind
    return records, truth, kinds


def pair_scores(groups: list[list[str]], truth: dict[str, str]) -> tuple[float, float, float]:
    predicted = {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}
    clusters: dict[str, list[str]] = {}
    for doc, cluster in truth.items():
        clusters.setdefault(cluster, []).append(doc)
    gold = {frozenset(p) for g in clusters.values() for p in itertools.combinations(sorted(g), 2)}
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--originals", type=int, default=400)
    parser.add_argument("--copy-share", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    try:
        docs = [d for split in ("train", "dev", "test") for d in polnear_docs(split)]
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return
    pool = independent(sorted(docs, key=lambda d: d.name))
    originals, fillers = pool[: args.originals], pool[args.originals:]
    records, truth, kinds = build(originals, fillers, args.copy_share, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "republished.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        result = scan([path], ScanConfig(mode="copies"))
    prefix = "republished.jsonl#"
    by_record = {f"{prefix}{n}": r["id"] for n, r in enumerate(records)}
    groups = [[by_record.get(d, d) for d in g] for g in result.duplicate_groups]
    of = {d: n for n, g in enumerate(groups) for d in g}
    made = {k: sum(1 for v in kinds.values() if v == k) for k in KINDS}
    print(f"PolNeAR articles: {len(originals)} originals sharing no passage; republications by kind: {made}")
    precision, recall, f1 = pair_scores(groups, truth)
    print(f"duplicate groups: ARI {duplicate_group_ari(groups, truth):.3f}; pairs precision {precision:.3f} "
          f"recall {recall:.3f} F1 {f1:.3f}")
    left_out = {k: sum(1 for d, v in kinds.items() if v == k and (d not in of or of[d] != of.get(truth[d])))
                for k in KINDS if k != "partial"}
    grouped_partial = sum(1 for d, v in kinds.items() if v == "partial" and d in of)
    print(f"copies left out of their original's group: {left_out}; partial reuses grouped: {grouped_partial}")


if __name__ == "__main__":
    main()

"""A site's chrome in a folder of real articles: does it stay out of matches and claim groups, and nothing else?

A scrape of many outlets' articles about one topic holds each site's furniture: newsletter boxes, "Editor's note:
support our journalism", social follows, standing column headers, caption widgets. Two pages of one site share it,
so it became partial reuse and claim groups. The site rule (``--repeated-site-docs``, ``copies/boilerplate.py``)
marks what a site repeats beside text of its own. This script scans one topic's AllSides articles
(ramybaly/Article-Bias-Prediction, split by outlet by its makers) as a user would, one JSONL file with each
article's outlet, in full mode with the site rule off (``repeated_site_documents=0``) and on (the default), and
counts against our labels of the units involved.

Sets, fixed before any article was read:
- ``train``: the train split's articles of topic ``coronavirus`` dated 2020-03 to 2020-05;
- ``held-out``: the valid and test splits' articles (outlets train does not have) of topic ``politics`` dated 2017
  to 2019. Only ``train`` may be read to tune rules.

Units (``candidates`` writes them with their text to ``$DEDUPE_CORPORA/labelling/`` for labelling, never into the
repository): each occurrence of a claim group, each match passage (in its first document) and each paragraph the
site rule marks boilerplate, in either run, distinct by (article, span). Labels (``benchmarks/labels/
allsides-topical-chrome-SPLIT.tsv``: AllSides ID, start, end, label; offsets into ``content_original``) are
``chrome`` (the site's furniture, not the story) or ``story`` (the article's content, stock facts included).
A unit is looked up by its span, else by the labelled span of its article that overlaps it most.

Prints per run: claim groups (all; with chrome, with story occurrences), matches (all; chrome only), and for the
site rule, the marked paragraphs by label (its precision) and the chrome groups and matches it removed.

Run: python3 benchmarks/sitechrome.py prepare
     python3 benchmarks/sitechrome.py candidates SPLIT
     python3 benchmarks/sitechrome.py [SPLIT]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from corpora import CorpusMissing, corpora_root
from pages import ALLSIDES_COMMIT, ALLSIDES_SECTION

from dedupe import ScanConfig, __version__, build_report, scan

LABELS = Path(__file__).resolve().parent / "labels"
SETS = {"train": (("train",), "coronavirus", ("2020-03", "2020-04", "2020-05")),
        "held-out": (("valid", "test"), "politics", ("2017", "2018", "2019"))}
Unit = tuple[str, int, int]  # AllSides ID, start, end


def topical_path(split: str) -> Path:
    return corpora_root() / "allsides-topical" / f"{split}.jsonl"


def prepare() -> None:
    root = corpora_root() / "allsides" / "data"
    if not (root / "jsons").is_dir():
        raise CorpusMissing(f"AllSides' articles not found under {root} (see benchmarks/README.md)")
    split_of: dict[str, str] = {}
    for name in ("train", "valid", "test"):
        with open(root / "splits" / "media" / f"{name}.tsv", encoding="utf-8") as f:
            split_of.update((line.split("\t", 1)[0], name) for line in f.read().splitlines()[1:] if line.strip())
    rows: dict[str, list[dict[str, str]]] = {s: [] for s in SETS}
    for path in sorted((root / "jsons").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, (splits, topic, dates) in SETS.items():
            if split_of.get(data["ID"]) in splits and data["topic"] == topic and data["date"].startswith(dates):
                rows[name].append({"id": data["ID"], "outlet": ALLSIDES_SECTION.sub("", data["source"]),
                                   "text": data["content_original"]})
    for name, found in rows.items():
        topical_path(name).parent.mkdir(parents=True, exist_ok=True)
        with open(topical_path(name), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(found, key=lambda r: r["id"]))
        print(f"{name}: {len(found)} articles -> {topical_path(name)}", file=sys.stderr)


def run(split: str, site_documents: int) -> dict[str, Any]:
    config = ScanConfig()
    config = replace(config, fingerprint=replace(config.fingerprint, repeated_site_documents=site_documents))
    report: dict[str, Any] = build_report(scan([topical_path(split)], config), __version__)
    return report


def units(report: dict[str, Any]) -> dict[str, set[Unit]]:
    """The report's units by kind: occurrences of claim groups, match passages, paragraphs marked repeated."""
    ids = {d["id"]: d["record_id"] for d in report["documents"]}
    out: dict[str, set[Unit]] = {"group": set(), "passage": set(), "marked": set()}
    for g in report["claim_groups"]:
        out["group"] |= {(ids[o["document"]], *o["span"]) for o in g["occurrences"]}
    for m in report["matches"]:
        out["passage"] |= {(ids[m["a"]], *p["a_span"]) for p in m["passages"]}
    for d in report["documents"]:
        out["marked"] |= {(ids[d["id"]], b["span"][0], b["span"][1]) for b in d["boilerplate"]
                          if b["kind"] == "repeated"}
    return out


def candidates(split: str) -> None:
    off, on = units(run(split, 0)), units(run(split, 3))
    with open(topical_path(split), encoding="utf-8") as f:
        texts = {row["id"]: row["text"] for row in map(json.loads, f)}
    chosen = sorted(off["group"] | on["group"] | off["passage"] | on["passage"] | (on["marked"] - off["marked"]))
    path = corpora_root() / "labelling" / f"allsides-topical-chrome-{split}-candidates.tsv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(["id", "start", "end", "text"])
        out.writerows([i, a, b, " ".join(texts[i][a:b].split())[:600]] for i, a, b in chosen)
    print(f"{len(chosen)} units -> {path}", file=sys.stderr)


class Labels:
    def __init__(self, path: Path) -> None:
        self.by_doc: dict[str, list[tuple[int, int, str]]] = {}
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                self.by_doc.setdefault(row["id"], []).append((int(row["start"]), int(row["end"]), row["label"]))

    def of(self, unit: Unit) -> str | None:
        doc, start, end = unit
        best = max(((min(end, b) - max(start, a), label) for a, b, label in self.by_doc.get(doc, [])), default=None)
        return best[1] if best is not None and best[0] > 0 else None


def summary(report: dict[str, Any], labels: Labels) -> tuple[Counter[str], Counter[str]]:
    """Claim groups and matches by the labels of their units: ``chrome`` when every labelled unit is chrome."""
    ids = {d["id"]: d["record_id"] for d in report["documents"]}

    def kind(found: list[Unit]) -> str:
        seen = {labels.of(u) for u in found} - {None}
        return "unlabelled" if not seen else "chrome" if seen == {"chrome"} else "story"

    groups = Counter(kind([(ids[o["document"]], *o["span"]) for o in g["occurrences"]])
                     for g in report["claim_groups"])
    matches = Counter(kind([(ids[m["a"]], *p["a_span"]) for p in m["passages"]]) for m in report["matches"])
    return groups, matches


def evaluate(split: str) -> None:
    path = LABELS / f"allsides-topical-chrome-{split}.tsv"
    if not path.is_file():
        print(f"skipped {split}: no labels at {path}", file=sys.stderr)
        return
    labels = Labels(path)
    reports = {"site rule off": run(split, 0), "site rule on": run(split, 3)}
    print(f"{split} ({'rules tuned on this set' if split == 'train' else 'held out'}): "
          f"{len(reports['site rule on']['documents'])} articles")
    for name, report in reports.items():
        groups, matches = summary(report, labels)
        print(f"  {name:14} claim groups {sum(groups.values()):4} (chrome {groups['chrome']}, story "
              f"{groups['story']}, unlabelled {groups['unlabelled']});  matches {sum(matches.values()):3} (chrome "
              f"{matches['chrome']}, story {matches['story']}, unlabelled {matches['unlabelled']})")
    marked = units(reports["site rule on"])["marked"] - units(reports["site rule off"])["marked"]
    by_label = Counter(labels.of(u) or "unlabelled" for u in marked)
    print(f"  paragraphs the site rule marks: {len(marked)} (chrome {by_label['chrome']}, story {by_label['story']}, "
          f"unlabelled {by_label['unlabelled']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("words", nargs="*", metavar="[prepare | candidates] [SPLIT]")
    words = parser.parse_args().words
    command = words.pop(0) if words and words[0] in ("prepare", "candidates") else "evaluate"
    if len(words) > 1 or (words and words[0] not in SETS):
        parser.error(f"expected a split among {', '.join(SETS)}, got {' '.join(words)}")
    try:
        if command == "prepare":
            prepare()
            return
        for split in words or list(SETS):
            if not topical_path(split).is_file():
                raise CorpusMissing(f"{topical_path(split)} missing: run `python3 benchmarks/sitechrome.py prepare`")
            print(f"AllSides {ALLSIDES_COMMIT[:12]} (ramybaly/Article-Bias-Prediction); dedupe {__version__}")
            (candidates if command == "candidates" else evaluate)(split)
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)


if __name__ == "__main__":
    main()

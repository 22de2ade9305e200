"""Sentence segmenters measured on the fixtures: how many labelled sentences each reproduces exactly.

The gold sentences are the ones in tests/labels/attribution_*.jsonl (split by hand as a reader would).
Compares dedupe's rule-based splitter with pysbd and NLTK's Punkt where they are installed
(`pip install pysbd nltk`), on the same paragraphs, and times each in the same process.

Run: python3 benchmarks/segmenters.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluation import load_attribution_labels

from dedupe.config import ReadConfig
from dedupe.io.readers import read_inputs
from dedupe.text.segment import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parent.parent
Splitter = Callable[[str], list[str]]


def _ours(paragraph: str) -> list[str]:
    return [paragraph[s.start:s.end] for s in split_sentences(paragraph, 0, len(paragraph))]


def _candidates() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {"dedupe (rules)": _ours}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda p: [str(s) for s in seg.segment(p)]
    except ImportError:
        print("pysbd not installed: skipped")
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer()
        found["nltk punkt (untrained)"] = punkt.tokenize
    except ImportError:
        print("nltk not installed: skipped")
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    labels = load_attribution_labels(ROOT / "tests" / "labels")
    docs = {d.id: d for d in read_inputs([ROOT / "fixtures"], ReadConfig()).documents}
    paragraphs: list[str] = []
    gold: set[str] = set()
    for doc_id, rows in labels.sentences.items():
        doc = docs[doc_id]
        paragraphs += [doc.text[p.start:p.end] for p in split_paragraphs(doc.text, doc.body_start)]
        gold |= {_squash(r["sentence"]) for r in rows}
    print(f"{len(gold)} labelled sentences in {len(labels.sentences)} documents, {len(paragraphs)} paragraphs")
    for name, split in _candidates().items():
        started = time.perf_counter()
        produced = {_squash(s) for p in paragraphs for s in split(p)}
        elapsed = time.perf_counter() - started
        hits = len(gold & produced)
        print(f"  {name:<24} exact sentences {hits}/{len(gold)} = {hits / len(gold):.3f}   {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()

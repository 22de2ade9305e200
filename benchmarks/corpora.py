"""Readers for the public corpora of real news that the real-text benchmarks use.

Nothing here fetches: the corpora are laid out in a cache folder outside the repository
(``$DEDUPE_CORPORA``, default ``~/.cache/dedupe-corpora``) as described in ``benchmarks/README.md``.
No text from them is ever committed; labels made on them are kept as document ids and offsets.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

POLNEAR_COMMIT = "c3eee833c035bf7b8c84f55b58c0bf7346cfae76"  # networkdynamics/PolNeAR, the version measured
SPLITS = ("train", "dev", "test")


class CorpusMissing(Exception):
    """The corpus is not in the cache folder; the message says how to get it."""


def corpora_root() -> Path:
    return Path(os.environ.get("DEDUPE_CORPORA", Path.home() / ".cache" / "dedupe-corpora"))


@dataclass(frozen=True, slots=True)
class Annotated:
    """One brat text-bound annotation: a Source, Cue or Content span (discontinuous spans keep each part)."""

    id: str
    kind: str
    parts: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True, slots=True)
class AttributionEvent:
    source: Annotated | None
    cue: Annotated | None
    content: Annotated | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str  # the corpus file name without .txt: the document id in labels
    split: str
    text: str
    publisher: str
    wire: str | None  # AP, AFP, UPI, Reuters; None for a staff story; "NA" where the corpus does not know
    credit: str | None  # the corpus' credit column ("h/t: The Hill")
    annotator: str
    spans: tuple[Annotated, ...]
    events: tuple[AttributionEvent, ...]


_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t(.*)$")
_WIRES = {"ap": "AP", "afp": "AFP", "upi": "UPI", "reuters": "Reuters"}


def polnear_root() -> Path:
    root = corpora_root() / "polnear" / "data"
    if not (root / "metadata.tsv").is_file():
        raise CorpusMissing(f"PolNeAR not found at {root}: see benchmarks/README.md (Real corpora) to lay it out")
    return root


def polnear_text_files(split: str) -> list[Path]:
    """The article files of one split (``text/*.txt``), in name order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    return sorted((polnear_root() / split / "text").glob("*.txt"))


def parse_ann(text: str) -> tuple[tuple[Annotated, ...], tuple[AttributionEvent, ...]]:
    spans: dict[str, Annotated] = {}
    events: list[AttributionEvent] = []
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            parts = tuple((int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";")))
            spans[m.group(1)] = Annotated(m.group(1), m.group(2), parts, m.group(4))
        elif line.startswith("E"):
            roles = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
            events.append(AttributionEvent(spans.get(roles.get("Source", "")), spans.get(roles.get("Cue", "")),
                                           spans.get(roles.get("Content", ""))))
    return tuple(sorted(spans.values(), key=lambda s: (s.start, s.id))), tuple(events)


def _metadata(root: Path) -> dict[str, dict[str, str]]:
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def _wire(raw: str) -> str | None:
    if raw in ("", "None"):
        return None
    return _WIRES.get(raw.lower(), raw)


def polnear_docs(split: str) -> Iterator[PolnearDoc]:
    """The documents of one split in name order, each with the annotation of its first annotator (by id)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    root = polnear_root()
    meta = _metadata(root)
    for path in sorted((root / split / "text").glob("*.txt")):
        name = path.stem
        anns = sorted((root / split / "attributions").glob(f"{name}_*.ann"))
        if not anns:
            continue
        spans, events = parse_ann(anns[0].read_text(encoding="utf-8"))
        row = meta.get(name, {})
        credit = row.get("credit", "None")
        yield PolnearDoc(name, split, path.read_text(encoding="utf-8"), row.get("publisher", ""),
                         _wire(row.get("wire", "")), None if credit in ("", "None") else credit.strip(),
                         anns[0].stem.rsplit("_", 1)[1], spans, events)

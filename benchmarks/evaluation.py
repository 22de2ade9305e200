"""Quality measurement against labelled fixtures: pairwise precision and recall of reuse pairs.

Used by the benchmark scripts (``from evaluation import ...``, run as ``python3 benchmarks/x.py``) and by the
quality tests (``from benchmarks.evaluation import ...``); not part of the ``dedupe`` package.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class PairLabels:
    documents: dict[str, dict[str, Any]]
    pairs: dict[frozenset[str], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    kind_accuracy: float
    passage_recall: float
    true_positives: int
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)


def load_pair_labels(folder: Path) -> PairLabels:
    """Merge every ``dedupe_*.json`` label file in ``folder``."""
    documents: dict[str, dict[str, Any]] = {}
    pairs: dict[frozenset[str], dict[str, Any]] = {}
    for path in sorted(folder.glob("dedupe_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        documents.update(data["documents"])
        for pair in data["pairs"]:
            pairs[frozenset((pair["a"], pair["b"]))] = pair
    return PairLabels(documents, pairs)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _pair(ids: frozenset[str]) -> tuple[str, str]:
    a, b = sorted(ids)
    return a, b


def _passage_found(label: dict[str, Any], match: dict[str, Any], texts: dict[str, str]) -> list[bool]:
    side = "a_span" if match["a"] == label["a"] else "b_span"
    text = texts[label["a"]]
    found = []
    for passage in label.get("passages", []):
        start = text.find(passage)
        end = start + len(passage)
        found.append(start >= 0 and any(p[side][0] < end and start < p[side][1] for p in match["passages"]))
    return found


def score_pairs(report: dict[str, Any], labels: PairLabels, texts: dict[str, str]) -> PairScores:
    """Scores over the labelled documents only (other documents in the report are ignored)."""
    predicted = {
        frozenset((m["a"], m["b"])): m
        for m in report["matches"]
        if m["a"] in labels.documents and m["b"] in labels.documents
    }
    tp = predicted.keys() & labels.pairs.keys()
    kinds = sum(predicted[p]["kind"] == labels.pairs[p]["kind"] for p in tp)
    passages = [ok for p in tp for ok in _passage_found(labels.pairs[p], predicted[p], texts)]
    return PairScores(
        precision=_ratio(len(tp), len(predicted)), recall=_ratio(len(tp), len(labels.pairs)),
        kind_accuracy=_ratio(kinds, len(tp)), passage_recall=_ratio(sum(passages), len(passages)),
        true_positives=len(tp),
        false_positives=sorted(_pair(p) for p in predicted.keys() - labels.pairs.keys()),
        false_negatives=sorted(_pair(p) for p in labels.pairs.keys() - predicted.keys()),
    )


@dataclass(frozen=True, slots=True)
class AttributionLabels:
    credits: dict[str, tuple[set[str], bool]]  # document -> (credits, derivative)
    sentences: dict[str, list[dict[str, Any]]]  # document -> labelled sentences in order


@dataclass(frozen=True, slots=True)
class AttributionScores:
    precision: float
    recall: float
    credit_precision: float
    credit_recall: float
    derivative_accuracy: float
    unverified_recall: float
    via_accuracy: float
    sentences: int
    by_form: dict[str, tuple[int, int]]  # form -> (correct, total)
    errors: list[tuple[str, str, str | None, str | None]]  # document, sentence, expected, predicted


def load_attribution_labels(folder: Path) -> AttributionLabels:
    credits: dict[str, tuple[set[str], bool]] = {}
    sentences: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("attribution_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "sentence" in row:
                sentences.setdefault(row["document"], []).append(row)
            else:
                credits[row["document"]] = (set(row.get("credits", [])), bool(row.get("derivative", False)))
    return AttributionLabels(credits, sentences)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _claim_for(sentence: str, claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The claim holding the labelled sentence (or held by it, where segmentation differs)."""
    target = _squash(sentence)
    best, best_len = None, 0
    for c in claims:
        text = _squash(c["text"])
        overlap = len(target) if target in text else len(text) if text in target else 0
        if overlap > best_len:
            best, best_len = c, overlap
    return best


def score_attribution(report: dict[str, Any], labels: AttributionLabels) -> AttributionScores:
    claims_by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in report["claims"]:
        claims_by_doc.setdefault(c["document"], []).append(c)
    tp = fp = fn = 0
    by_form: dict[str, list[int]] = {}
    errors: list[tuple[str, str, str | None, str | None]] = []
    unverified = [0, 0]
    via = [0, 0]
    for doc, rows in sorted(labels.sentences.items()):
        claims = claims_by_doc.get(doc, [])
        used: set[str] = set()
        for row in rows:
            claim = _claim_for(row["sentence"], claims)
            predicted = claim["source"] if claim else None
            if claim:
                used.add(claim["id"])
            expected = row["source"]
            ok = predicted == expected
            tp += bool(ok and expected is not None)
            fp += bool(predicted is not None and not ok)
            fn += bool(expected is not None and not ok)
            cell = by_form.setdefault(row.get("form", "none"), [0, 0])
            cell[0] += ok
            cell[1] += 1
            if not ok:
                errors.append((doc, row["sentence"], expected, predicted))
            if row.get("unverified"):
                unverified[0] += bool(claim and claim["unverified"])
                unverified[1] += 1
            if ok and expected is not None:
                via[0] += list(row.get("via", [])) == (claim["via"] if claim else [])
                via[1] += 1
        fp += sum(1 for c in claims if c["id"] not in used and c["source"] is not None)
    docs = {d["id"]: d for d in report["documents"]}
    c_tp = c_pred = c_true = deriv = 0
    for doc, (expected, derivative) in labels.credits.items():
        got = set(docs[doc]["credits"]) if doc in docs else set()
        c_tp += len(got & expected)
        c_pred += len(got)
        c_true += len(expected)
        deriv += doc in docs and docs[doc]["derivative"] == derivative
    return AttributionScores(
        precision=_ratio(tp, tp + fp), recall=_ratio(tp, tp + fn), credit_precision=_ratio(c_tp, c_pred),
        credit_recall=_ratio(c_tp, c_true), derivative_accuracy=_ratio(deriv, len(labels.credits)),
        unverified_recall=_ratio(*unverified), via_accuracy=_ratio(*via),
        sentences=sum(len(r) for r in labels.sentences.values()),
        by_form={k: (v[0], v[1]) for k, v in sorted(by_form.items())}, errors=errors,
    )


@dataclass(frozen=True, slots=True)
class DirectionScores:
    accuracy: float  # correct source / labelled pairs with a known source (unknown counts as wrong)
    decided: int  # labelled pairs the report gives a direction for
    wrong: int  # of those, pairs whose direction is reversed
    labelled: int
    errors: list[tuple[str, str, str | None]]  # a, b, predicted source


def score_directions(report: dict[str, Any], labels: PairLabels) -> DirectionScores:
    matches = {frozenset((m["a"], m["b"])): m for m in report["matches"]}
    correct = decided = wrong = 0
    errors: list[tuple[str, str, str | None]] = []
    known = {k: v for k, v in labels.pairs.items() if v.get("source")}
    for key, label in sorted(known.items(), key=lambda kv: sorted(kv[0])):
        match = matches.get(key)
        predicted = match["direction"]["source"] if match else None
        decided += predicted is not None
        correct += predicted == label["source"]
        wrong += predicted is not None and predicted != label["source"]
        if predicted != label["source"]:
            errors.append((label["a"], label["b"], predicted))
    return DirectionScores(_ratio(correct, len(known)), decided, wrong, len(known), errors)


@dataclass(frozen=True, slots=True)
class ClaimGroupScores:
    precision: float  # over pairs of occurrences put in one group, both in labelled documents
    recall: float  # over labelled pairs of occurrences
    original_source_accuracy: float  # labelled groups whose best-matching predicted group names the same source
    groups: int
    predicted_groups: int
    false_pairs: list[tuple[str, str]]
    missed_pairs: list[tuple[str, str]]


def load_claim_group_labels(folder: Path) -> tuple[set[str], list[dict[str, Any]]]:
    documents: set[str] = set()
    groups: list[dict[str, Any]] = []
    for path in sorted(folder.glob("claimgroups_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        documents.update(data["documents"])
        groups.extend(data["groups"])
    return documents, groups


def score_claim_groups(report: dict[str, Any], documents: set[str], groups: list[dict[str, Any]]) -> ClaimGroupScores:
    claims_by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in report["claims"]:
        claims_by_doc.setdefault(c["document"], []).append(c)
    claim_group = {c["id"]: c["group"] for c in report["claims"]}
    true_pairs: set[tuple[str, str]] = set()
    source_ok = 0
    for g in groups:
        ids = []
        for occ in g["occurrences"]:
            claim = _claim_for(occ["sentence"], claims_by_doc.get(occ["document"], []))
            if claim is not None:
                ids.append(claim["id"])
        true_pairs |= {(a, b) if a < b else (b, a) for i, a in enumerate(ids) for b in ids[i + 1:] if a != b}
        predicted = [claim_group[i] for i in ids if claim_group.get(i)]
        best = max(set(predicted), key=lambda x: (predicted.count(x), x)) if predicted else None
        original = next((x["original_source"] for x in report["claim_groups"] if x["id"] == best), None)
        source_ok += original == g.get("original_source")
    members: dict[str, list[str]] = {}
    for c in report["claims"]:
        if c["group"] and c["document"] in documents:
            members.setdefault(c["group"], []).append(c["id"])
    predicted_pairs = {(a, b) if a < b else (b, a) for ids in members.values()
                       for i, a in enumerate(ids) for b in ids[i + 1:]}
    tp = predicted_pairs & true_pairs
    return ClaimGroupScores(
        precision=_ratio(len(tp), len(predicted_pairs)), recall=_ratio(len(tp), len(true_pairs)),
        original_source_accuracy=_ratio(source_ok, len(groups)), groups=len(groups), predicted_groups=len(members),
        false_pairs=sorted(predicted_pairs - true_pairs), missed_pairs=sorted(true_pairs - predicted_pairs),
    )


def duplicate_group_ari(groups: Sequence[Sequence[str]], truth: dict[str, str]) -> float:
    """Adjusted Rand index of the duplicate groups (documents outside every group are singletons) against
    ``truth`` (document -> its cluster), over the documents of ``truth``."""
    from sklearn.metrics import adjusted_rand_score

    of = {d: f"group-{n}" for n, g in enumerate(groups) for d in g}
    docs = sorted(truth)
    return float(adjusted_rand_score([truth[d] for d in docs], [of.get(d, d) for d in docs]))

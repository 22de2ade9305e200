"""A small scikit-learn classifier for the role of an outlet mention where the rules are silent.

It is trained at first use from ``dedupe/data/roles.jsonl`` (labelled sentences written for this
project, not the test fixtures): no pickled model to go stale across scikit-learn versions, and
the same data always gives the same model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ROLES = ("source", "credit", "venue", "subject", "photo-credit", "non-verification")
_WORD = re.compile(r"[\w'/-]+|[^\w\s]")
WINDOW = 6


@dataclass(frozen=True, slots=True)
class RoleExample:
    sentence: str
    mention: str
    role: str


def features(left: str, mention: str, right: str) -> str:
    """Words around the mention, tagged by side, with the mention itself replaced by a placeholder."""
    lw = _WORD.findall(left.lower())[-WINDOW:]
    rw = _WORD.findall(right.lower())[:WINDOW]
    start = "BOS" if not left.strip() else ""
    end = "EOS" if not right.strip(" .") else ""
    return " ".join([start, *(f"L_{w}" for w in lw), "SRC", *(f"R_{w}" for w in rw), end, *lw[-2:], *rw[:2]])


def load_examples() -> list[RoleExample]:
    text = resources.files("dedupe").joinpath("data/roles.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [RoleExample(r["sentence"], r["mention"], r["role"]) for r in rows]


def example_features(example: RoleExample) -> str:
    at = example.sentence.find(example.mention)
    return features(example.sentence[:at], example.mention, example.sentence[at + len(example.mention):])


def make_pipeline() -> Any:
    """TF-IDF word n-grams and a logistic regression (a scikit-learn Pipeline; scikit-learn is imported here,
    on first use, so that scans without attribution start quickly)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("tfidf", TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, lowercase=False)),
        ("clf", LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced", random_state=0)),
    ])


class RoleClassifier:
    def __init__(self, examples: list[RoleExample]) -> None:
        self.pipeline = make_pipeline()
        self.pipeline.fit([example_features(e) for e in examples], [e.role for e in examples])

    def predict(self, left: str, mention: str, right: str) -> tuple[str, float]:
        proba: Any = self.pipeline.predict_proba([features(left, mention, right)])[0]
        best = int(proba.argmax())
        return str(self.pipeline.classes_[best]), float(proba[best])


@cache
def default_classifier() -> RoleClassifier:
    return RoleClassifier(load_examples())
